/**
 * The sync loop on a real service (real SQLite file) with a hand-moved clock, reading feeds
 * from a real partner on 127.0.0.1 whose answer per request the caller decides. No vitest here:
 * the benchmarks (tests/bench, run by tsx) build the same world as the tests; syncHarness.ts
 * wraps it with a temp folder and the clean-up after each test.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEventMessage } from '../../shared/api';
import { insertConnection, insertFeed } from '../../main/db/channels';
import { createService, type Service } from '../../main/service';
import { createSyncLoop, type SyncLoop, type SyncLoopOptions } from '../../main/sync/syncLoop';
import { addDays, type Night } from '../../shared/nights';
import { calendar, type TestEvent } from './calendarText';
import { FakeClock } from './fakeClock';

export type PartnerHandler = (req: IncomingMessage, res: ServerResponse) => void;

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

export interface SyncWorld extends SyncHarness {
  /** Stops the loop, closes the service and the partner; the data folder is the caller's. */
  close(): Promise<void>;
}

/** Builds the world in `dataDir`, the partner answering `handler` (404 when none) until told otherwise. */
export async function startSyncWorld(setup: SyncSetup, dataDir: string, handler: PartnerHandler = (_req, res) => void res.writeHead(404).end()): Promise<SyncWorld> {
  const requests: string[] = [];
  let current = handler;
  const partner = http.createServer((req, res) => {
    requests.push(req.url ?? '/');
    current(req, res);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;

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
      current = next;
    },
    readsOf: (feedId) => requests.filter((path) => path === `/feed-${feedId}.ics`).length,
    async close() {
      await loop.close();
      service.close();
      partner.closeAllConnections();
      await new Promise<void>((resolve) => partner.close(() => resolve()));
    },
  };
}

/**
 * Every feed its own calendar that never changes (a dozen Airbnb stays from a month after
 * `today`), with an ETag. '304': the partner honours If-None-Match; '200': it sends the same
 * bytes again every time.
 */
export function steadyFeeds(today: Night, answer: '304' | '200'): PartnerHandler {
  const bodies = new Map<number, string>();
  return (req, res) => {
    const feedId = Number(/^\/feed-(\d+)\.ics$/.exec(req.url ?? '')?.[1]);
    if (!feedId) return void res.writeHead(404).end();
    const etag = `"feed-${feedId}-v1"`;
    if (answer === '304' && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    let body = bodies.get(feedId);
    if (!body) {
      const stays: TestEvent[] = Array.from({ length: 12 }, (_, i) => {
        const arrival = addDays(today, 30 + feedId + i * 9);
        const reference = `HM${String(feedId * 100 + i).padStart(8, '0')}`;
        return [`feed${feedId}-stay${i}@airbnb.com`, arrival, addDays(arrival, 2 + (i % 4)), 'Reserved', `DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/${reference}`];
      });
      body = calendar(stays);
      bodies.set(feedId, body);
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag });
    res.end(body);
  };
}
