/**
 * Migration 003 on a real database file written at schema 2: an index of each feed's failed and
 * rejected runs, so that the sync status finds a feed's last failure without reading every run
 * ever recorded (it is computed each time a read ends).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { listFeedHealth } from '../../../../main/db/syncHealth';
import { MIGRATIONS } from '../../../../main/db/migrations';
import { initialSchema } from '../../../../main/db/migrations/001_initial';
import { feedReads } from '../../../../main/db/migrations/002_feed_reads';
import { syncRunsFailures } from '../../../../main/db/migrations/003_sync_runs_failures';
import { useTempDirs } from '../../../helpers/tempDir';

const tempDir = useTempDirs();
const AT = '2026-05-01T10:00:00.000Z';
const now = () => new Date(AT);

/** The subquery by which listFeedHealth finds a feed's last failure. */
const LAST_FAILURE = "SELECT max(r.started_at) FROM sync_runs r WHERE r.feed_id = ? AND r.outcome IN ('failed', 'rejected')";

/** A schema-2 database with two feeds and their runs: feed 1 failed twice among many good runs, feed 2 never. */
function schemaTwoWithRuns(dir: string): void {
  const { db } = openDatabase(dir, { migrations: [initialSchema, feedReads], now });
  db.exec(`
    INSERT INTO units (name, capacity, base_rate_cents, created_at, updated_at) VALUES ('La Grange', 4, 8500, '${AT}', '${AT}');
    INSERT INTO units (name, capacity, base_rate_cents, created_at, updated_at) VALUES ('Le Fournil', 2, 7000, '${AT}', '${AT}');
    INSERT INTO channel_connections (channel, name, kind, created_at, updated_at) VALUES ('airbnb', 'Airbnb', 'ical', '${AT}', '${AT}');
    INSERT INTO feeds (connection_id, unit_id, import_url, import_enabled) VALUES (1, 1, 'https://www.airbnb.com/calendar/ical/1.ics', 1);
    INSERT INTO feeds (connection_id, unit_id, import_url, import_enabled) VALUES (1, 2, 'https://www.airbnb.com/calendar/ical/2.ics', 1);
  `);
  const run = db.prepare('INSERT INTO sync_runs (connection_id, feed_id, started_at, duration_ms, http_status, outcome) VALUES (1, ?, ?, 40, ?, ?)');
  db.transaction(() => {
    for (let minute = 0; minute < 600; minute++) {
      const at = new Date(Date.parse(AT) + minute * 60_000).toISOString();
      const feed = 1 + (minute % 2);
      const outcome = feed === 1 && minute === 100 ? 'failed' : feed === 1 && minute === 300 ? 'rejected' : minute === 0 || minute === 1 ? 'updated' : 'unchanged';
      run.run(feed, at, outcome === 'failed' ? 503 : outcome === 'rejected' ? 200 : 304, outcome);
    }
  })();
  db.close();
}

function migrated(): { db: Db; backupFile: string | null; from: number } {
  const dir = tempDir();
  schemaTwoWithRuns(dir);
  const { db, migration } = openDatabase(dir, { migrations: MIGRATIONS, now });
  return { db, backupFile: migration.backupFile, from: migration.from };
}

describe('003_sync_runs_failures', () => {
  it('is registered as version 3, right after 002', () => {
    expect(MIGRATIONS.slice(0, 3).map((m) => [m.version, m.name])).toEqual([
      [1, '001_initial'],
      [2, '002_feed_reads'],
      [3, '003_sync_runs_failures'],
    ]);
    expect(MIGRATIONS[2]).toBe(syncRunsFailures);
  });

  it('migrates a schema-2 database with runs, after a backup, keeping every row', () => {
    const { db, backupFile, from } = migrated();
    try {
      expect(from).toBe(2);
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
      expect(backupFile && fs.existsSync(backupFile)).toBe(true);
      expect(db.prepare('SELECT count(*) FROM sync_runs').pluck().get()).toBe(600);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('indexes only the failed and rejected runs, and the status finds a feed’s last failure through it', () => {
    const { db } = migrated();
    try {
      // A partial index: as many entries as failed and rejected runs, not one per run.
      expect(db.prepare("SELECT count(*) FROM sync_runs INDEXED BY sync_runs_feed_failures WHERE outcome IN ('failed', 'rejected')").pluck().get()).toBe(2);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${LAST_FAILURE}`).all(1) as { detail: string }[]).map((r) => r.detail);
      expect(plan).toEqual([expect.stringMatching(/USING (COVERING )?INDEX sync_runs_feed_failures \(feed_id=\?\)/)]);
      expect(listFeedHealth(db).map((f) => [f.feedId, f.lastFailureAt])).toEqual([
        [1, '2026-05-01T15:00:00.000Z'],
        [2, null],
      ]);
    } finally {
      db.close();
    }
  });
});
