/**
 * What the sync loop reads and keeps in the database: which feeds to poll, when each is due,
 * and the owner's loop settings (interval, paused) — kept across restarts.
 */
import { syncSettingsSchema } from '../../shared/schemas';
import { DEFAULT_INTERVAL_MINUTES, type SyncSettings } from '../../shared/sync';
import type { Db } from './connection';
import { prepared } from './statements';
import { readSetting, writeSetting } from './settings';

export interface PollableFeed {
  feedId: number;
  connectionId: number;
  /** When the last read planned the next one (backoff, a partner's Retry-After). */
  nextDueAt: string | null;
  failing: boolean;
}

/** Feeds with a partner link to read, switched on, of connections that are active (not paused, pending or removed). */
export function listPollableFeeds(db: Db, connectionId?: number): PollableFeed[] {
  return prepared(
    db,
    `SELECT f.id AS feedId, f.connection_id AS connectionId, f.next_due_at AS nextDueAt, f.health = 'failing' AS failing
     FROM feeds f JOIN channel_connections c ON c.id = f.connection_id
     WHERE f.import_enabled = 1 AND f.import_url IS NOT NULL AND c.status = 'active'
       AND (@connectionId IS NULL OR f.connection_id = @connectionId)
     ORDER BY f.id`,
  )
    .all({ connectionId: connectionId ?? null })
    .map((row) => ({ ...(row as PollableFeed), failing: (row as { failing: number }).failing === 1 }));
}

export function setNextDue(db: Db, feedId: number, at: Date | null): void {
  prepared(db, 'UPDATE feeds SET next_due_at = ? WHERE id = ?').run(at?.toISOString() ?? null, feedId);
}

const DEFAULTS: SyncSettings = { intervalMinutes: DEFAULT_INTERVAL_MINUTES, paused: false };
const KEY = 'sync';
/** Built once: the loop reads the settings after every read of every feed. */
const storedSettingsSchema = syncSettingsSchema.partial();

/** The stored settings, or the defaults for whatever is missing or unreadable. */
export function readSyncSettings(db: Db): SyncSettings {
  const stored = storedSettingsSchema.safeParse(readSetting(db, KEY));
  return { ...DEFAULTS, ...(stored.success ? stored.data : {}) };
}

export function writeSyncSettings(db: Db, changes: Partial<SyncSettings>): SyncSettings {
  const next = { ...readSyncSettings(db), ...changes };
  writeSetting(db, KEY, next);
  return next;
}
