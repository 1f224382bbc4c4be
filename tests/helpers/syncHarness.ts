/**
 * The sync loop on a real service (real SQLite file) with a hand-moved clock, reading feeds
 * from a real partner on 127.0.0.1 whose answer per request the test decides.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { ApiEventMessage } from '../../shared/api';
import { insertConnection, insertFeed } from '../../main/db/channels';
import { createService, type Service } from '../../main/service';
import { createSyncLoop, type SyncLoop, type SyncLoopOptions } from '../../main/sync/syncLoop';
import { FakeClock } from './fakeClock';
import { calendar } from './feedImport';
import { useTempDirs } from './tempDir';

export type PartnerHandler = (req: IncomingMessage, res: ServerResponse) => void;

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A calendar with one stay, the same bytes every time. */
export const STEADY_CALENDAR = calendar([['stay-1@airbnb.com', '2026-08-10', '2026-08-13']]);

export function serveCalendar(body = STEADY_CALENDAR): PartnerHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
    res.end(body);
  };
}

export interface SyncHarness {
  service: Service;
  dataDir: string;
  clock: FakeClock;
  loop: SyncLoop;
  feedIds: number[];
  connectionIds: number[];
  events: ApiEventMessage[];
  /** Requests the partner received, by path. */
  requests: string[];
  /** What the partner answers from now on (it receives the path as /feed-<feed id>.ics). */
  answer(handler: PartnerHandler): void;
  /** Requests for one feed so far. */
  readsOf(feedId: number): number;
}

export interface SyncSetup {
  /** Connections, each with this many feeds (rooms). */
  connections?: number[];
  random?: number;
  loop?: Omit<SyncLoopOptions, 'clock' | 'random'>;
}

export async function openSync(setup: SyncSetup = {}): Promise<SyncHarness> {
  const requests: string[] = [];
  let handler: PartnerHandler = serveCalendar();
  const partner = http.createServer((req, res) => {
    requests.push(req.url ?? '/');
    handler(req, res);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;

  const dataDir = tempDir();
  const clock = new FakeClock();
  const service = createService({ dataDir, now: () => clock.now() });
  const events: ApiEventMessage[] = [];
  service.subscribe((m) => events.push(m));
  const feedIds: number[] = [];
  const connectionIds: number[] = [];
  for (const [index, rooms] of (setup.connections ?? [1]).entries()) {
    const connection = insertConnection(
      service.db,
      { channel: 'airbnb', name: `Airbnb ${index + 1}`, kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
      clock.now(),
    );
    connectionIds.push(connection.id);
    for (let room = 0; room < rooms; room++) {
      const unit = service.call('units:create', { name: `Room ${index + 1}.${room + 1}`, capacity: 2, baseRateCents: 8000 });
      const feed = insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: 'http://placeholder.invalid/', importEnabled: true, exportEnabled: false, exportToken: null });
      service.db.prepare('UPDATE feeds SET import_url = ? WHERE id = ?').run(`${origin}/feed-${feed.id}.ics`, feed.id);
      feedIds.push(feed.id);
    }
  }
  const loop = createSyncLoop(service, {
    clock,
    random: () => setup.random ?? 0.5,
    ...setup.loop,
    fetch: { connectTimeoutMs: 2000, headersTimeoutMs: 2000, bodyTimeoutMs: 2000, deadlineMs: 4000, ...setup.loop?.fetch },
  });
  cleanups.push(async () => {
    await loop.close();
    service.close();
    partner.closeAllConnections();
    await new Promise<void>((resolve) => partner.close(() => resolve()));
  });
  return {
    service,
    dataDir,
    clock,
    loop,
    feedIds,
    connectionIds,
    events,
    requests,
    answer: (next) => {
      handler = next;
    },
    readsOf: (feedId) => requests.filter((path) => path === `/feed-${feedId}.ics`).length,
  };
}

export const MINUTE = 60_000;
