/**
 * Migration 002 on a real database file written at schema 1: the reference read of each feed
 * (what reconcile compares the next read with) and the hash of the last good body, with the
 * rules the database itself enforces.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { MIGRATIONS } from '../../../../main/db/migrations';
import { initialSchema } from '../../../../main/db/migrations/001_initial';
import { feedReads } from '../../../../main/db/migrations/002_feed_reads';
import { useTempDirs } from '../../../helpers/tempDir';

const tempDir = useTempDirs();
const AT = '2026-05-01T10:00:00.000Z';
const now = () => new Date(AT);

/** A schema-1 database holding a unit, a connection, a feed with a body, and a file from it. */
function schemaOneWithData(dir: string): void {
  const { db } = openDatabase(dir, { migrations: [initialSchema], now });
  db.exec(`
    INSERT INTO units (name, capacity, base_rate_cents, created_at, updated_at) VALUES ('La Grange', 4, 8500, '${AT}', '${AT}');
    INSERT INTO channel_connections (channel, name, kind, created_at, updated_at) VALUES ('airbnb', 'Airbnb', 'ical', '${AT}', '${AT}');
    INSERT INTO feeds (connection_id, unit_id, import_url, import_enabled, etag, last_good_body) VALUES (1, 1, 'https://www.airbnb.com/calendar/ical/1.ics', 1, '"v1"', X'424547494E');
    INSERT INTO reservations (unit_id, source_connection_id, external_id, kind, status, arrival, departure, created_at, updated_at)
      VALUES (1, 1, 'a@airbnb.com', 'booking', 'confirmed', '2026-07-10', '2026-07-13', '${AT}', '${AT}');
  `);
  db.close();
}

function migrated(): { db: Db; backupFile: string | null; from: number } {
  const dir = tempDir();
  schemaOneWithData(dir);
  const { db, migration } = openDatabase(dir, { migrations: [initialSchema, feedReads], now });
  return { db, backupFile: migration.backupFile, from: migration.from };
}

function addReadStay(db: Db, fields: Record<string, unknown> = {}): void {
  db.prepare(
    `INSERT INTO feed_read_stays (feed_id, stay_key, uid, arrival, departure, kind, status, sequence, dtstamp, guest, reservation_id)
     VALUES (@feed_id, @stay_key, @uid, @arrival, @departure, @kind, @status, @sequence, @dtstamp, @guest, @reservation_id)`,
  ).run({
    feed_id: 1,
    stay_key: 'a@airbnb.com',
    uid: 'a@airbnb.com',
    arrival: '2026-07-10',
    departure: '2026-07-13',
    kind: 'reservation',
    status: 'confirmed',
    sequence: 0,
    dtstamp: AT,
    guest: null,
    reservation_id: 1,
    ...fields,
  });
}

describe('002_feed_reads', () => {
  it('is registered as version 2, right after the initial schema', () => {
    expect(MIGRATIONS.slice(0, 2).map((m) => [m.version, m.name])).toEqual([
      [1, '001_initial'],
      [2, '002_feed_reads'],
    ]);
    expect(MIGRATIONS[1]).toBe(feedReads);
  });

  it('migrates a schema-1 database with data, after a backup, keeping every row', () => {
    const { db, backupFile, from } = migrated();
    try {
      expect(from).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(backupFile && fs.existsSync(backupFile)).toBe(true);
      expect(db.prepare('SELECT import_url, etag, last_good_body, last_good_hash FROM feeds').get()).toEqual({
        import_url: 'https://www.airbnb.com/calendar/ical/1.ics',
        etag: '"v1"',
        last_good_body: Buffer.from('BEGIN'),
        last_good_hash: null,
      });
      expect(db.prepare('SELECT external_id FROM reservations').pluck().all()).toEqual(['a@airbnb.com']);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('creates feed_read_stays as a STRICT table keyed by (feed, stay)', () => {
    const { db } = migrated();
    try {
      expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'feed_read_stays'").pluck().get()).toBe(1);
      addReadStay(db);
      expect(() => addReadStay(db)).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
      addReadStay(db, { stay_key: 'r@google.com#2026-07-20', uid: 'r@google.com', arrival: '2026-07-20', departure: '2026-07-20', reservation_id: null });
      expect(db.prepare('SELECT count(*) FROM feed_read_stays').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
  });

  it.each([
    ['a departure before the arrival', { stay_key: 'x', departure: '2026-07-09' }],
    ['a night not written YYYY-MM-DD', { stay_key: 'x', arrival: '10/07/2026', departure: '2026-07-13' }],
    ['an unknown kind', { stay_key: 'x', kind: 'booking' }],
    ['an unknown status', { stay_key: 'x', status: 'pending' }],
    ['guest details that are not JSON', { stay_key: 'x', guest: 'Marie' }],
  ])('refuses a stay with %s (CHECK)', (_case, fields) => {
    const { db } = migrated();
    try {
      expect(() => addReadStay(db, fields)).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });

  it('refuses a stay of a feed or a file that does not exist (foreign keys)', () => {
    const { db } = migrated();
    try {
      expect(() => addReadStay(db, { feed_id: 9 })).toThrow(/FOREIGN KEY constraint failed/);
      expect(() => addReadStay(db, { reservation_id: 99 })).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      db.close();
    }
  });
});
