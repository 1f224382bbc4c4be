/**
 * A real service (real SQLite file, hand-moved clock) with one unit, one iCal connection and
 * its feed pointing at a partner on 127.0.0.1, and the import wired to the real fetcher.
 */
import { afterEach } from 'vitest';
import type { ApiEventMessage } from '../../shared/api';
import type { Channel } from '../../shared/domain';
import { insertConnection, insertFeed } from '../../main/db/channels';
import { listSyncRuns } from '../../main/db/syncRuns';
import { createFeedFetcher, type FeedFetcher, type FetchOptions } from '../../main/sync/fetchFeed';
import { importFeed, type ImportResult } from '../../main/sync/importFeed';
import { snapshotTables } from './dbSnapshot';
import { PARTNER_CA } from './partnerServer';
import { addUnit, openService, type Harness } from './service';

const fetchers: FeedFetcher[] = [];
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});

export interface FeedHarness extends Harness {
  unitId: number;
  connectionId: number;
  feedId: number;
  emitted: ApiEventMessage[];
  runImport(): Promise<ImportResult>;
  feedRow(): Record<string, unknown>;
  runs(): ReturnType<typeof listSyncRuns>;
}

export interface FeedSetup {
  url: string;
  channel?: Channel;
  sendsCancellations?: boolean;
  fetch?: Partial<FetchOptions>;
}

export function openFeed(setup: FeedSetup): FeedHarness {
  const harness = openService();
  const { service, clock } = harness;
  const unit = addUnit(service, { name: 'La Grange', stock: 1 });
  const channel = setup.channel ?? 'airbnb';
  const connection = insertConnection(
    service.db,
    { channel, name: channel === 'feratel_deskline' ? 'Gîtes de France' : 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: setup.sendsCancellations ?? true, commissionBasisPoints: null },
    clock(),
  );
  const feed = insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: setup.url, importEnabled: true, exportEnabled: false, exportToken: null });
  const fetcher = createFeedFetcher({ ca: PARTNER_CA, connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000, deadlineMs: 3000, ...setup.fetch }, clock);
  fetchers.push(fetcher);
  const emitted: ApiEventMessage[] = [];
  return {
    ...harness,
    unitId: unit.id,
    connectionId: connection.id,
    feedId: feed.id,
    emitted,
    runImport: () => importFeed({ db: service.db, now: clock, fetchFeed: fetcher, emit: (m) => emitted.push(m) }, feed.id),
    feedRow: () => service.db.prepare('SELECT * FROM feeds WHERE id = ?').get(feed.id) as Record<string, unknown>,
    runs: () => listSyncRuns(service.db, feed.id),
  };
}

/** What no failed or refused read may ever change. */
export function reservationTables(harness: Harness): Record<string, unknown[]> {
  const all = snapshotTables(harness.service.db);
  return { reservations: all.reservations!, reservation_history: all.reservation_history!, feed_read_stays: all.feed_read_stays!, alerts: all.alerts! };
}

export type TestEvent = [uid: string, arrival: string, departure: string, summary?: string, ...extra: string[]];

/** An Airbnb-shaped calendar of all-day events (arrival and departure as YYYY-MM-DD). */
export function calendar(events: TestEvent[]): string {
  const basic = (night: string) => night.replace(/-/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN', 'CALSCALE:GREGORIAN'];
  for (const [uid, arrival, departure, summary = 'Reserved', ...extra] of events) {
    lines.push('BEGIN:VEVENT', 'DTSTAMP:20260501T080000Z', `DTSTART;VALUE=DATE:${basic(arrival)}`, `DTEND;VALUE=DATE:${basic(departure)}`, `SUMMARY:${summary}`, `UID:${uid}`, ...extra, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
