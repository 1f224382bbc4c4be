/**
 * The outgoing side of the feeds table: the links we serve to partners, their tokens, and what
 * each partner was last served (content fingerprint and Last-Modified, kept across restarts).
 */
import type { Channel, ConnectionStatus } from '../../shared/domain';
import type { Db } from './connection';

export interface OutgoingFeedRow {
  feedId: number;
  connectionId: number;
  connectionName: string;
  channel: Channel;
  connectionStatus: ConnectionStatus;
  unitId: number;
  unitName: string;
  token: string;
  exportHash: string | null;
  exportLastModified: string | null;
}

/**
 * Served: export switched on, a token, and a connection the owner has not removed. A paused
 * connection still serves its link: a partner reading stale availability would double-book.
 */
const SERVED = `
  SELECT f.id AS feedId, f.connection_id AS connectionId, c.name AS connectionName, c.channel AS channel,
         c.status AS connectionStatus, f.unit_id AS unitId, u.name AS unitName, f.export_token AS token,
         f.export_hash AS exportHash, f.export_last_modified AS exportLastModified
  FROM feeds f
  JOIN channel_connections c ON c.id = f.connection_id
  JOIN units u ON u.id = f.unit_id
  WHERE f.export_enabled = 1 AND f.export_token IS NOT NULL AND c.status <> 'removed'`;

export function findServedFeedByToken(db: Db, token: string): OutgoingFeedRow | null {
  return (db.prepare(`${SERVED} AND f.export_token = ?`).get(token) as OutgoingFeedRow | undefined) ?? null;
}

export function listServedFeeds(db: Db): OutgoingFeedRow[] {
  return db.prepare(`${SERVED} ORDER BY c.id, u.sort_order, u.id`).all() as OutgoingFeedRow[];
}

export function findServedFeed(db: Db, connectionId: number, unitId: number): OutgoingFeedRow | null {
  return (db.prepare(`${SERVED} AND f.connection_id = ? AND f.unit_id = ?`).get(connectionId, unitId) as OutgoingFeedRow | undefined) ?? null;
}

/** A new token; the old one no longer finds anything. Fingerprint and date stay: the content has not changed. */
export function setExportToken(db: Db, feedId: number, token: string): void {
  db.prepare('UPDATE feeds SET export_token = ? WHERE id = ?').run(token, feedId);
}

export function recordExportVersion(db: Db, feedId: number, hash: string, lastModified: string): void {
  db.prepare('UPDATE feeds SET export_hash = ?, export_last_modified = ? WHERE id = ?').run(hash, lastModified, feedId);
}
