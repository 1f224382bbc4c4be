/**
 * The stored side of the sync status: each imported feed's health, last success and failure,
 * and whether anything waits for the owner (an open overbooking, a suspicious feed).
 */
import type { Db } from './connection';
import { prepared } from './statements';

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

const FEED_HEALTH = `SELECT f.id AS feedId, c.id AS connectionId, c.channel, c.name AS connectionName, c.status AS connectionStatus,
            f.health, f.last_error AS lastError, f.last_success_at AS lastSuccessAt, f.failing_since AS failingSince,
            f.next_due_at AS nextDueAt,
            (SELECT max(r.started_at) FROM sync_runs r WHERE r.feed_id = f.id AND r.outcome IN ('failed', 'rejected')) AS lastFailureAt
     FROM feeds f JOIN channel_connections c ON c.id = f.connection_id
     WHERE f.import_url IS NOT NULL AND c.status <> 'removed'`;
const ALL_FEEDS_HEALTH = `${FEED_HEALTH} ORDER BY c.id, f.id`;
const ONE_FEED_HEALTH = `${FEED_HEALTH} AND f.id = ?`;

export function listFeedHealth(db: Db): FeedHealthRow[] {
  return prepared(db, ALL_FEEDS_HEALTH).all() as FeedHealthRow[];
}

/** One feed's row (the loop refreshes only the feed it has just read); undefined once it is gone. */
export function readFeedHealth(db: Db, feedId: number): FeedHealthRow | undefined {
  return prepared(db, ONE_FEED_HEALTH).get(feedId) as FeedHealthRow | undefined;
}

/** An open overbooking or suspicious-feed alert: the owner must decide something. */
export function hasOpenConflict(db: Db): boolean {
  const row = prepared(db, "SELECT EXISTS (SELECT 1 FROM alerts WHERE dismissed_at IS NULL AND kind IN ('overbooking', 'suspiciousFeed')) AS open").get() as { open: number };
  return row.open === 1;
}

/** The stored side of an API connection's status (Alma Heritage): its exchanges' bookkeeping. */
export interface ApiHealthRow {
  connectionId: number;
  channel: string;
  connectionName: string;
  connectionStatus: string;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastFailureAt: string | null;
  failingSince: string | null;
  /** JSON {key, params, …} (main/db/apiSyncState.ts). */
  lastError: string | null;
  retryAt: string | null;
}

export function listApiHealth(db: Db): ApiHealthRow[] {
  return db
    .prepare(
      `SELECT c.id AS connectionId, c.channel, c.name AS connectionName, c.status AS connectionStatus,
              s.last_push_at AS lastPushAt, s.last_pull_at AS lastPullAt, s.last_failure_at AS lastFailureAt,
              s.failing_since AS failingSince, s.last_error AS lastError, s.retry_at AS retryAt
       FROM channel_connections c LEFT JOIN api_sync_state s ON s.connection_id = c.id
       WHERE c.kind = 'api' AND c.status IN ('active', 'paused')
       ORDER BY c.id`,
    )
    .all() as ApiHealthRow[];
}
