/**
 * A feed's import state: the link, the validators replayed on the next request, the last good
 * body kept for diagnosis, and its health as the owner sees it.
 */
import type { Channel, Feed } from '../../shared/domain';
import type { Db } from './connection';
import { prepared } from './statements';

export interface FeedImportState {
  feedId: number;
  unitId: number;
  unitName: string;
  connectionId: number;
  connectionName: string;
  channel: Channel;
  sendsCancellations: boolean;
  importUrl: string | null;
  importEnabled: boolean;
  /** Exactly as the partner sent them (latin-1 strings round-trip byte for byte). */
  etag: string | null;
  lastModified: string | null;
  lastGoodHash: string | null;
  health: Feed['health'];
  failingSince: string | null;
}

interface StateRow {
  id: number;
  unit_id: number;
  unit_name: string;
  connection_id: number;
  connection_name: string;
  channel: Channel;
  sends_cancellations: number;
  import_url: string | null;
  import_enabled: number;
  etag: string | null;
  last_modified: string | null;
  last_good_hash: string | null;
  health: Feed['health'];
  failing_since: string | null;
}

export function getFeedImportState(db: Db, feedId: number): FeedImportState | null {
  const row = prepared(
    db,
    `SELECT f.id, f.unit_id, u.name AS unit_name, f.connection_id, c.name AS connection_name, c.channel, c.sends_cancellations,
            f.import_url, f.import_enabled, f.etag, f.last_modified, f.last_good_hash, f.health, f.failing_since
     FROM feeds f JOIN units u ON u.id = f.unit_id JOIN channel_connections c ON c.id = f.connection_id
     WHERE f.id = ?`,
  ).get(feedId) as StateRow | undefined;
  if (!row) return null;
  return {
    feedId: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    connectionId: row.connection_id,
    connectionName: row.connection_name,
    channel: row.channel,
    sendsCancellations: row.sends_cancellations === 1,
    importUrl: row.import_url,
    importEnabled: row.import_enabled === 1,
    etag: row.etag,
    lastModified: row.last_modified,
    lastGoodHash: row.last_good_hash,
    health: row.health,
    failingSince: row.failing_since,
  };
}

export interface GoodRead {
  health: 'ok' | 'suspicious';
  at: string;
  /** What the feed's status shows (JSON { key, params }); undefined leaves it as it is. */
  message?: string | null;
  /** Set when the read was applied: the body and its validators become the new reference. */
  body?: { bytes: Uint8Array; hash: string; etag: string | null; lastModified: string | null };
  /** New validators for an unchanged body. */
  validators?: { etag: string | null; lastModified: string | null };
}

/**
 * A read that was fetched and understood (or not modified): the feed is healthy again, or suspicious.
 * One UPDATE, whatever changes: the row holds the last good body, and SQLite writes a row whose
 * size changes whole — a second UPDATE of a 5 MB calendar's row cost 25 ms more.
 */
export function markFeedRead(db: Db, feedId: number, read: GoodRead): void {
  const bytes = read.body ? read.body.bytes : null;
  const validators = read.body ?? read.validators;
  prepared(
    db,
    `UPDATE feeds SET health = @health, failing_since = NULL, last_success_at = @at, next_due_at = NULL,
       last_error = CASE WHEN @keepMessage THEN last_error ELSE @message END,
       last_good_body = CASE WHEN @hasBody THEN @bytes ELSE last_good_body END,
       last_good_at = CASE WHEN @hasBody THEN @at ELSE last_good_at END,
       last_good_hash = CASE WHEN @hasBody THEN @hash ELSE last_good_hash END,
       etag = CASE WHEN @hasValidators THEN @etag ELSE etag END,
       last_modified = CASE WHEN @hasValidators THEN @lastModified ELSE last_modified END
     WHERE id = @feedId`,
  ).run({
    feedId,
    health: read.health,
    at: read.at,
    keepMessage: read.message === undefined ? 1 : 0,
    message: read.message ?? null,
    hasBody: bytes ? 1 : 0,
    // A Buffer over the same memory: the body is bound as a BLOB without copying it.
    bytes: bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null,
    hash: read.body?.hash ?? null,
    hasValidators: validators ? 1 : 0,
    etag: validators?.etag ?? null,
    lastModified: validators?.lastModified ?? null,
  });
}

/** A read that failed or was refused: nothing else changes; the feed says why, and since when. */
export function markFeedFailing(db: Db, feedId: number, failure: { message: string; at: string; nextDueAt: string | null }): void {
  prepared(
    db,
    `UPDATE feeds SET health = 'failing', last_error = @message, failing_since = coalesce(failing_since, @at), next_due_at = @nextDueAt
     WHERE id = @feedId`,
  ).run({ feedId, ...failure });
}

export function getLastGoodBody(db: Db, feedId: number): Buffer | null {
  return (prepared(db, 'SELECT last_good_body FROM feeds WHERE id = ?').pluck().get(feedId) as Buffer | null | undefined) ?? null;
}
