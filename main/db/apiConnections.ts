/**
 * API connections' own records (migration 004): the set-up answers kept as JSON in
 * channel_connections.settings, and the room mappings (a table, so the outbox triggers can
 * join on them). Each caller validates the settings it reads: a value written by another
 * version may not have the shape it expects.
 */
import type { ApiRoomMapping } from '../../shared/alma';
import type { Db } from './connection';

export function readConnectionSettings(db: Db, connectionId: number): unknown {
  const row = db.prepare('SELECT settings FROM channel_connections WHERE id = ?').get(connectionId) as { settings: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.settings);
}

export function writeConnectionSettings(db: Db, connectionId: number, settings: object, now: Date): void {
  db.prepare('UPDATE channel_connections SET settings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(settings), now.toISOString(), connectionId);
}

export function setCommission(db: Db, connectionId: number, basisPoints: number, now: Date): void {
  db.prepare('UPDATE channel_connections SET commission_basis_points = ?, updated_at = ? WHERE id = ?').run(basisPoints, now.toISOString(), connectionId);
}

export function listRoomMappings(db: Db, connectionId: number): ApiRoomMapping[] {
  return db
    .prepare('SELECT unit_id AS unitId, room_code AS roomCode, rate_code AS rateCode FROM api_room_mappings WHERE connection_id = ? ORDER BY unit_id')
    .all(connectionId) as ApiRoomMapping[];
}

/** Replaces the whole mapping of a connection (the wizard saves it as one form). */
export function replaceRoomMappings(db: Db, connectionId: number, rooms: readonly ApiRoomMapping[]): void {
  db.prepare('DELETE FROM api_room_mappings WHERE connection_id = ?').run(connectionId);
  const insert = db.prepare('INSERT INTO api_room_mappings (connection_id, unit_id, room_code, rate_code) VALUES (?, ?, ?, ?)');
  for (const room of rooms) insert.run(connectionId, room.unitId, room.roomCode, room.rateCode);
}
