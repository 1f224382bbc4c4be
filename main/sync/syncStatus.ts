/**
 * The status the page and the tray show (shared/sync.ts), from the stored health of each feed
 * and what the loop knows in memory (which reads are running, when each is due). Pure.
 */
import type { ConnectionSyncState, ConnectionSyncStatus, OverallSyncState, SyncMessage, SyncStatus } from '../../shared/sync';
import type { FeedHealthRow } from '../db/syncHealth';

export interface LoopView {
  paused: boolean;
  running: ReadonlySet<number>;
  /** Feed id → when it is due next (ms since the epoch). */
  nextDue: ReadonlyMap<number, number>;
  lastRoundAt: string | null;
}

function parseMessage(text: string | null): SyncMessage | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as SyncMessage;
    return typeof value?.key === 'string' ? value : { key: 'feeds.problem.unknown', params: { detail: text } };
  } catch {
    return { key: 'feeds.problem.unknown', params: { detail: text } };
  }
}

const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

function connectionState(rows: FeedHealthRow[], loop: LoopView): ConnectionSyncState {
  if (loop.paused || rows[0]!.connectionStatus !== 'active') return 'paused';
  if (rows.some((r) => loop.running.has(r.feedId))) return 'syncing';
  if (rows.some((r) => r.health === 'failing')) return 'failing';
  if (rows.every((r) => r.lastSuccessAt === null)) return 'never';
  return 'ok';
}

export function buildSyncStatus(rows: FeedHealthRow[], openConflict: boolean, loop: LoopView): SyncStatus {
  const byConnection = new Map<number, FeedHealthRow[]>();
  for (const row of rows) {
    const feeds = byConnection.get(row.connectionId);
    if (feeds) feeds.push(row);
    else byConnection.set(row.connectionId, [row]);
  }

  const connections: ConnectionSyncStatus[] = [...byConnection.values()].map((feeds) => {
    const failing = feeds.filter((f) => f.health === 'failing');
    const due = feeds.map((f) => (loop.nextDue.has(f.feedId) ? new Date(loop.nextDue.get(f.feedId)!).toISOString() : f.nextDueAt));
    const state = connectionState(feeds, loop);
    return {
      connectionId: feeds[0]!.connectionId,
      channel: feeds[0]!.channel,
      name: feeds[0]!.connectionName,
      state,
      lastSuccessAt: feeds.map((f) => f.lastSuccessAt).reduce(latest, null),
      lastFailureAt: feeds.map((f) => f.lastFailureAt).reduce(latest, null),
      lastError: failing.length > 0 ? parseMessage(failing[0]!.lastError) : null,
      failingSince: failing.map((f) => f.failingSince).reduce(earliest, null),
      nextDueAt: state === 'paused' ? null : due.reduce(earliest, null),
    };
  });

  let overall: OverallSyncState = 'inStep';
  if (loop.paused) overall = 'paused';
  else if (loop.running.size > 0) overall = 'syncing';
  else if (openConflict || rows.some((r) => r.health === 'suspicious')) overall = 'conflict';
  else if (connections.some((c) => c.state === 'failing')) overall = 'failing';
  return { overall, paused: loop.paused, lastRoundAt: loop.lastRoundAt, connections };
}

/** An API connection (Alma Heritage) as the status shows it; built by main/sync/alma/apiStatus.ts. */
export interface ApiConnectionHealth {
  connectionId: number;
  channel: string;
  name: string;
  /** Paused by the owner (the connection), not the whole loop. */
  connectionPaused: boolean;
  running: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  failingSince: string | null;
  /** Why it fails (the partner's words when it sent some), or why it cannot run (no password). */
  lastError: SyncMessage | null;
  nextDueAt: string | null;
}

function apiState(api: ApiConnectionHealth, paused: boolean): ConnectionSyncState {
  if (paused || api.connectionPaused) return 'paused';
  if (api.running) return 'syncing';
  if (api.failingSince !== null || api.lastError !== null) return 'failing';
  if (api.lastSuccessAt === null) return 'never';
  return 'ok';
}

/** Adds the API connections to a status built from the feeds, and what they change overall. */
export function withApiConnections(status: SyncStatus, api: readonly ApiConnectionHealth[]): SyncStatus {
  if (api.length === 0) return status;
  const connections: ConnectionSyncStatus[] = api.map((a) => {
    const state = apiState(a, status.paused);
    return {
      connectionId: a.connectionId,
      channel: a.channel,
      name: a.name,
      state,
      lastSuccessAt: a.lastSuccessAt,
      lastFailureAt: a.lastFailureAt,
      lastError: state === 'failing' ? a.lastError : null,
      failingSince: a.failingSince,
      nextDueAt: state === 'paused' ? null : a.nextDueAt,
    };
  });
  let overall = status.overall;
  if (overall !== 'paused' && overall !== 'syncing' && connections.some((c) => c.state === 'syncing')) overall = 'syncing';
  else if (overall === 'inStep' && connections.some((c) => c.state === 'failing')) overall = 'failing';
  return { ...status, overall, connections: [...status.connections, ...connections] };
}
