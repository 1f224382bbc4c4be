/** Every import run of a feed, good or bad (DESIGN §4 "Record every run"). */
import type { Db } from './connection';
import { prepared } from './statements';

export type SyncOutcome = 'unchanged' | 'updated' | 'rejected' | 'failed';

export interface SyncRun {
  id: number;
  connectionId: number;
  feedId: number | null;
  startedAt: string;
  durationMs: number;
  httpStatus: number | null;
  bytes: number | null;
  outcome: SyncOutcome;
  counts: Record<string, number>;
  /** JSON { key, params } of the reason or summary, translatable (main/ical/feedProblem.ts). */
  message: string | null;
}

interface SyncRunRow {
  id: number;
  connection_id: number;
  feed_id: number | null;
  started_at: string;
  duration_ms: number;
  http_status: number | null;
  bytes: number | null;
  outcome: SyncOutcome;
  counts: string;
  message: string | null;
}

export function insertSyncRun(db: Db, run: Omit<SyncRun, 'id'>): number {
  return prepared(
    db,
    `INSERT INTO sync_runs (connection_id, feed_id, started_at, duration_ms, http_status, bytes, outcome, counts, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  )
    .pluck()
    .get(run.connectionId, run.feedId, run.startedAt, Math.round(run.durationMs), run.httpStatus, run.bytes, run.outcome, JSON.stringify(run.counts), run.message) as number;
}

/** A feed's runs, newest first. */
export function listSyncRuns(db: Db, feedId: number, limit = 100): SyncRun[] {
  const rows = db.prepare('SELECT * FROM sync_runs WHERE feed_id = ? ORDER BY id DESC LIMIT ?').all(feedId, limit) as SyncRunRow[];
  return rows.map((row) => ({
    id: row.id,
    connectionId: row.connection_id,
    feedId: row.feed_id,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    httpStatus: row.http_status,
    bytes: row.bytes,
    outcome: row.outcome,
    counts: JSON.parse(row.counts) as Record<string, number>,
    message: row.message,
  }));
}

/**
 * Forgets runs started before `cutoff`. A run is recorded every few minutes per feed (thousands
 * a day); the recent weeks are what diagnosis needs, and each feed keeps its last good body.
 */
export function pruneSyncRuns(db: Db, cutoff: Date): number {
  return db.prepare('DELETE FROM sync_runs WHERE started_at < ?').run(cutoff.toISOString()).changes;
}
