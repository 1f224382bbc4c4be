/**
 * The stored side of the sync status: each imported feed's health, last success and failure,
 * and whether anything waits for the owner (an open overbooking, a suspicious feed).
 */
import type { Db } from './connection';

export interface FeedHealthRow {
  feedId: number;
  connectionId: number;
  channel: string;
  connectionName: string;
  connectionStatus: string;
  health: 'unknown' | 'ok' | 'failing' | 'suspicious';
  lastError: string | null;
  lastSuccessAt: string | null;
  failingSince: string | null;
  nextDueAt: string | null;
  lastFailureAt: string | null;
}

export function listFeedHealth(db: Db): FeedHealthRow[] {
  return db
    .prepare(
      `SELECT f.id AS feedId, c.id AS connectionId, c.channel, c.name AS connectionName, c.status AS connectionStatus,
              f.health, f.last_error AS lastError, f.last_success_at AS lastSuccessAt, f.failing_since AS failingSince,
              f.next_due_at AS nextDueAt,
              (SELECT max(r.started_at) FROM sync_runs r WHERE r.feed_id = f.id AND r.outcome IN ('failed', 'rejected')) AS lastFailureAt
       FROM feeds f JOIN channel_connections c ON c.id = f.connection_id
       WHERE f.import_url IS NOT NULL AND c.status <> 'removed'
       ORDER BY c.id, f.id`,
    )
    .all() as FeedHealthRow[];
}

/** An open overbooking or suspicious-feed alert: the owner must decide something. */
export function hasOpenConflict(db: Db): boolean {
  const row = db
    .prepare("SELECT EXISTS (SELECT 1 FROM alerts WHERE dismissed_at IS NULL AND kind IN ('overbooking', 'suspiciousFeed')) AS open")
    .get() as { open: number };
  return row.open === 1;
}
