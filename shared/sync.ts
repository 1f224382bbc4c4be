/**
 * What the sync loop tells the page and the tray (DESIGN §7): where each connection stands and
 * where everything stands overall. Pushed as the 'sync:status' event whenever it changes, and
 * readable at any time with the 'sync:status' call.
 */
/** How often each partner calendar is read: the owner's choice, 5 to 60 minutes. */
export const DEFAULT_INTERVAL_MINUTES = 10;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 60;

export type OverallSyncState = 'inStep' | 'syncing' | 'failing' | 'conflict' | 'paused';

export type ConnectionSyncState = 'ok' | 'syncing' | 'failing' | 'paused' | 'never';

/** A reason in words: an i18n key with its values, translated where it is shown. */
export interface SyncMessage {
  key: string;
  params?: Record<string, string | number>;
}

export interface ConnectionSyncStatus {
  connectionId: number;
  channel: string;
  name: string;
  state: ConnectionSyncState;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** Why the last read failed, when it did. */
  lastError: SyncMessage | null;
  /** Since when every read has failed; null when the last one succeeded. */
  failingSince: string | null;
  /** When the next read is due (backoff included); null when paused or not polled. */
  nextDueAt: string | null;
}

export interface SyncStatus {
  overall: OverallSyncState;
  paused: boolean;
  /** When the last round ended. */
  lastRoundAt: string | null;
  connections: ConnectionSyncStatus[];
}

/** During a round: how many of its reads are done. */
export interface SyncProgress {
  done: number;
  total: number;
}

/** The owner's loop settings, kept across restarts. */
export interface SyncSettings {
  intervalMinutes: number;
  paused: boolean;
}
