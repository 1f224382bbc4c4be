/**
 * Where each API connection's exchanges stand (migration 004's api_sync_state), kept across
 * restarts: last push and pull, the failure streak and its backoff (a partner's Retry-After
 * included), the last error in words, and how far the horizon's nights have been queued.
 */
import type { AlmaMessage, ApiSyncSummary } from '../../shared/alma';
import type { Db } from './connection';

export interface ApiSyncStateRow {
  connectionId: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastFailureAt: string | null;
  failingSince: string | null;
  lastError: ApiSyncError | null;
  failures: number;
  retryAt: string | null;
  queuedThrough: string | null;
}

/** A failure as the owner sees it, and what it means for the next attempt. */
export interface ApiSyncError extends AlmaMessage {
  /** The partner refused our credentials (error type 4/6): nothing is sent until they change. */
  stopped?: boolean;
  /** Which saved connection details were refused: their revision (a counter, never anything derived from the password). */
  credentialsRevision?: number;
  /** The partner asked us to wait (Retry-After): a wake from sleep does not skip it. */
  partnerWait?: boolean;
}

interface RawRow extends Omit<ApiSyncStateRow, 'lastError'> {
  lastError: string | null;
}

const COLUMNS = `connection_id AS connectionId, last_push_at AS lastPushAt, last_pull_at AS lastPullAt,
  last_failure_at AS lastFailureAt, failing_since AS failingSince, last_error AS lastError, failures,
  retry_at AS retryAt, queued_through AS queuedThrough`;

function ensure(db: Db, connectionId: number): void {
  db.prepare('INSERT INTO api_sync_state (connection_id) VALUES (?) ON CONFLICT (connection_id) DO NOTHING').run(connectionId);
}

export function readApiSyncState(db: Db, connectionId: number): ApiSyncStateRow {
  const row = db.prepare(`SELECT ${COLUMNS} FROM api_sync_state WHERE connection_id = ?`).get(connectionId) as RawRow | undefined;
  if (row === undefined) {
    return {
      connectionId,
      lastPushAt: null,
      lastPullAt: null,
      lastFailureAt: null,
      failingSince: null,
      lastError: null,
      failures: 0,
      retryAt: null,
      queuedThrough: null,
    };
  }
  return { ...row, lastError: row.lastError === null ? null : (JSON.parse(row.lastError) as ApiSyncError) };
}

/**
 * A push or a pull the partner answered with Success: the failure streak ends, unless
 * `keepError` (another part of the same round failed, or a room's rows still wait on a partner
 * error): then only the time of the success is kept and the status goes on showing the error.
 */
export function recordApiSuccess(db: Db, connectionId: number, what: 'push' | 'pull', now: Date, keepError = false): void {
  ensure(db, connectionId);
  const column = what === 'push' ? 'last_push_at' : 'last_pull_at';
  if (keepError) {
    db.prepare(`UPDATE api_sync_state SET ${column} = ? WHERE connection_id = ?`).run(now.toISOString(), connectionId);
    return;
  }
  db.prepare(
    `UPDATE api_sync_state SET ${column} = ?, failing_since = NULL, last_error = NULL, failures = 0, retry_at = NULL WHERE connection_id = ?`,
  ).run(now.toISOString(), connectionId);
}

/**
 * A failed exchange: the streak grows and the next attempt waits until `retryAt(failures)`
 * (failures counted with this one; null = no automatic retry).
 */
export function recordApiFailure(db: Db, connectionId: number, error: ApiSyncError, retryAt: (failures: number) => Date | null, now: Date): ApiSyncStateRow {
  ensure(db, connectionId);
  const { failures } = db.prepare('SELECT failures FROM api_sync_state WHERE connection_id = ?').get(connectionId) as { failures: number };
  db.prepare(
    `UPDATE api_sync_state SET last_failure_at = @now, failing_since = coalesce(failing_since, @now), last_error = @error,
       failures = failures + 1, retry_at = @retryAt WHERE connection_id = @connectionId`,
  ).run({ now: now.toISOString(), error: JSON.stringify(error), retryAt: retryAt(failures + 1)?.toISOString() ?? null, connectionId });
  return readApiSyncState(db, connectionId);
}

/** The owner acted (new credentials, Sync now): the next attempt may go at once. */
export function clearApiRetry(db: Db, connectionId: number): void {
  ensure(db, connectionId);
  db.prepare('UPDATE api_sync_state SET retry_at = NULL WHERE connection_id = ?').run(connectionId);
}

/** New credentials: a refusal of the old ones no longer stops the channel. */
export function clearApiStop(db: Db, connectionId: number): void {
  ensure(db, connectionId);
  db.prepare(
    `UPDATE api_sync_state SET retry_at = NULL, last_error = NULL, failures = 0, failing_since = NULL
     WHERE connection_id = ? AND json_extract(last_error, '$.stopped') = 1`,
  ).run(connectionId);
}

export function setQueuedThrough(db: Db, connectionId: number, night: string): void {
  ensure(db, connectionId);
  db.prepare('UPDATE api_sync_state SET queued_through = ? WHERE connection_id = ?').run(night, connectionId);
}

export function apiSyncSummary(db: Db, connectionId: number): ApiSyncSummary {
  const state = readApiSyncState(db, connectionId);
  const outbox = db
    .prepare('SELECT count(*) AS waiting, min(created_at) AS oldest FROM outbox WHERE connection_id = ?')
    .get(connectionId) as { waiting: number; oldest: string | null };
  const unacked = db
    .prepare('SELECT count(*) AS n FROM partner_events WHERE connection_id = ? AND acked_at IS NULL')
    .get(connectionId) as { n: number };
  // A room's rows may wait on their own backoff (a partner error about them) while the connection does not.
  const rowsDue = db
    .prepare('SELECT min(next_attempt_at) FROM outbox WHERE connection_id = ? AND next_attempt_at IS NOT NULL')
    .pluck()
    .get(connectionId) as string | null;
  const lastError: AlmaMessage | null = state.lastError === null ? null : { key: state.lastError.key, params: state.lastError.params };
  return {
    waiting: outbox.waiting,
    oldestWaitingAt: outbox.oldest,
    lastPushAt: state.lastPushAt,
    lastPullAt: state.lastPullAt,
    failingSince: state.failingSince,
    lastError: lastError === null ? null : lastError.params === undefined ? { key: lastError.key } : lastError,
    nextAttemptAt: state.retryAt ?? (state.lastError === null ? null : rowsDue),
    unacknowledged: unacked.n,
  };
}

/**
 * An API connection the loop serves: active (sells and reads), paused (sells nothing, still
 * reads), or removed but still owing the partner a close-out (outbox.ts listClosingConnections).
 */
export interface ApiSyncConnection {
  id: number;
  channel: string;
  name: string;
  status: 'active' | 'paused' | 'removed';
  commissionBasisPoints: number | null;
}

export function listApiSyncConnections(db: Db): ApiSyncConnection[] {
  return db
    .prepare(
      `SELECT id, channel, name, status, commission_basis_points AS commissionBasisPoints FROM channel_connections
       WHERE kind = 'api' AND status IN ('active', 'paused') ORDER BY id`,
    )
    .all() as ApiSyncConnection[];
}

/** The connection a round talks to: active, paused, or removed (a removed one only sends its close-outs). */
export function getApiSyncConnection(db: Db, connectionId: number): ApiSyncConnection | null {
  const row = db
    .prepare(
      `SELECT id, channel, name, status, commission_basis_points AS commissionBasisPoints FROM channel_connections
       WHERE kind = 'api' AND status IN ('active', 'paused', 'removed') AND id = ?`,
    )
    .get(connectionId) as ApiSyncConnection | undefined;
  return row ?? null;
}
