/**
 * Writes behind the connection calls (issue 8), beside main/db/channels.ts's reads and inserts.
 */
import type { ConnectionStatus, Feed } from '../../shared/domain';
import type { Db } from './connection';

export function feedsOfConnection(db: Db, connectionId: number): Feed[] {
  return (
    db
      .prepare(
        `SELECT id, connection_id AS connectionId, unit_id AS unitId, import_url AS importUrl, import_enabled AS importEnabled,
                export_enabled AS exportEnabled, health, last_error AS lastError, last_success_at AS lastSuccessAt, failing_since AS failingSince
           FROM feeds WHERE connection_id = ? ORDER BY unit_id`,
      )
      .all(connectionId) as (Omit<Feed, 'importEnabled' | 'exportEnabled'> & { importEnabled: number; exportEnabled: number })[]
  ).map((row) => ({ ...row, importEnabled: row.importEnabled === 1, exportEnabled: row.exportEnabled === 1 }));
}

export function setConnectionFields(db: Db, id: number, fields: { name?: string; status?: ConnectionStatus }, now: Date): void {
  db.prepare('UPDATE channel_connections SET name = coalesce(@name, name), status = coalesce(@status, status), updated_at = @at WHERE id = @id').run({
    id,
    name: fields.name ?? null,
    status: fields.status ?? null,
    at: now.toISOString(),
  });
}

/**
 * A new link for the same room: the connection, its files and their history stay; what was
 * known of the old link (validators, health, last error) goes, so the next read starts afresh.
 */
export function replaceImportUrl(db: Db, feedId: number, importUrl: string | null): void {
  db.prepare(
    `UPDATE feeds SET import_url = ?, etag = NULL, last_modified = NULL, health = 'unknown', last_error = NULL, failing_since = NULL
      WHERE id = ? AND import_url IS NOT ?`,
  ).run(importUrl, feedId, importUrl);
}

export function setFeedSwitches(db: Db, feedId: number, switches: { importEnabled?: boolean; exportEnabled?: boolean }): void {
  db.prepare(
    'UPDATE feeds SET import_enabled = coalesce(@importEnabled, import_enabled), export_enabled = coalesce(@exportEnabled, export_enabled) WHERE id = @feedId',
  ).run({
    feedId,
    importEnabled: switches.importEnabled === undefined ? null : switches.importEnabled ? 1 : 0,
    exportEnabled: switches.exportEnabled === undefined ? null : switches.exportEnabled ? 1 : 0,
  });
}

/** Removing: no more reads, and every outgoing link of the connection answers 404 from now on. */
export function revokeConnectionFeeds(db: Db, connectionId: number): void {
  db.prepare('UPDATE feeds SET import_enabled = 0, export_enabled = 0, export_token = NULL WHERE connection_id = ?').run(connectionId);
}
