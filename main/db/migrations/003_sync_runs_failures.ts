import type { Migration } from './index';

/**
 * The sync status (main/db/syncHealth.ts) reads each feed's last failed run every time a read
 * ends. Without an index that meant scanning every run ever recorded, once per feed: a round
 * of 30 feeds cost 15 times more after a week of polling (tests/bench/memory.bench.ts), and it
 * kept growing. Only failed and rejected runs are indexed: the rare ones the status looks for.
 */
export const syncRunsFailures: Migration = {
  version: 3,
  name: '003_sync_runs_failures',
  up(db) {
    db.exec(`
      CREATE INDEX sync_runs_feed_failures ON sync_runs (feed_id, started_at) WHERE outcome IN ('failed', 'rejected');
    `);
  },
};
