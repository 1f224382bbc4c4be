/**
 * The settings table: one JSON value per key. Each caller validates what it reads (a value
 * written by an older or newer Pigeonnier may not have the shape it expects).
 */
import type { Db } from './connection';
import { prepared } from './statements';

export function readSetting(db: Db, key: string): unknown {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? undefined : JSON.parse(row.value);
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function deleteSetting(db: Db, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}
