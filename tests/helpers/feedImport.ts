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
  return addFeed(openService(), setup);
}

/**
 * Another unit, connection and feed on a service already open: property tests make one per
 * run on the same database, since opening a service (migrations) costs more than the run.
 */
export function addFeed(harness: Harness, setup: FeedSetup): FeedHarness {
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

export { calendar, type TestEvent } from './calendarText';
