/**
 * Where each Alma Heritage connection stands, for the sync status (pure apart from the reads):
 * its last good exchange, its failure streak and the reason in words, whether it is running
 * now, and when it tries next.
 */
import type { SyncMessage } from '../../../shared/sync';
import { readAlmaCredentials } from '../../channels/alma/credentials';
import type { Db } from '../../db/connection';
import { listApiHealth, type ApiHealthRow } from '../../db/syncHealth';
import type { SecretStore } from '../../secrets';
import type { ApiConnectionHealth } from '../syncStatus';

export interface ApiLoopView {
  running: ReadonlySet<number>;
  /** When the loop plans the connection's next exchange (ms since the epoch), if it knows. */
  nextDue(connectionId: number): number | null;
}

const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

function storedError(text: string | null): SyncMessage | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as SyncMessage;
    return typeof value?.key === 'string' ? (value.params === undefined ? { key: value.key } : { key: value.key, params: value.params }) : null;
  } catch {
    return null;
  }
}

export function apiHealth(row: ApiHealthRow, hasCredentials: boolean, loop: ApiLoopView | null): ApiConnectionHealth {
  const planned = loop?.nextDue(row.connectionId) ?? null;
  return {
    connectionId: row.connectionId,
    channel: row.channel,
    name: row.connectionName,
    connectionPaused: row.connectionStatus !== 'active',
    running: loop?.running.has(row.connectionId) ?? false,
    lastSuccessAt: latest(row.lastPushAt, row.lastPullAt),
    lastFailureAt: row.lastFailureAt,
    failingSince: row.failingSince,
    lastError: hasCredentials ? storedError(row.lastError) : { key: 'alma.sync.noCredentials' },
    nextDueAt: planned !== null ? new Date(planned).toISOString() : row.retryAt,
  };
}

export function listApiConnectionHealth(db: Db, secrets: SecretStore, loop: ApiLoopView | null): ApiConnectionHealth[] {
  return listApiHealth(db).map((row) => apiHealth(row, readAlmaCredentials(db, secrets, row.connectionId) !== null, loop));
}
