/**
 * Migration 001 on a real database file: the tables DESIGN §3–§5 need, and the database itself
 * refusing what the code must never write (wrong types, broken rules, dangling references).
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { initialSchema } from '../../../../main/db/migrations/001_initial';
import { useTempDirs } from '../../../helpers/tempDir';

const tempDir = useTempDirs();

const AT = '2026-05-01T10:00:00.000Z';
let db: Db;

beforeEach(() => {
  db = openDatabase(tempDir(), { migrations: [initialSchema], now: () => new Date(AT) }).db;
});
afterEach(() => db.close());

function addUnit(fields: Record<string, unknown> = {}): number {
  const row = { name: 'La Grange', capacity: 4, stock: 1, base_rate_cents: 8500, min_stay: 1, created_at: AT, updated_at: AT, ...fields };
  return db
    .prepare(
      `INSERT INTO units (name, capacity, stock, base_rate_cents, min_stay, created_at, updated_at)
       VALUES (@name, @capacity, @stock, @base_rate_cents, @min_stay, @created_at, @updated_at) RETURNING id`,
    )
    .pluck()
    .get(row) as number;
}

function addReservation(fields: Record<string, unknown> = {}): number {
  const row = { unit_id: 1, kind: 'booking', status: 'confirmed', arrival: '2026-07-10', departure: '2026-07-12', guests: 2, created_at: AT, updated_at: AT, ...fields };
  return db
    .prepare(
      `INSERT INTO reservations (unit_id, kind, status, arrival, departure, guests, created_at, updated_at)
       VALUES (@unit_id, @kind, @status, @arrival, @departure, @guests, @created_at, @updated_at) RETURNING id`,
    )
    .pluck()
    .get(row) as number;
}

describe('001_initial', () => {
  it('brings a new database to schema version 1', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('creates every table of the design, and each is STRICT', () => {
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(tables).toEqual(
      [
        'alerts',
        'channel_connections',
        'feeds',
        'night_overrides',
        'outbox',
        'property',
        'reservation_history',
        'reservations',
        'settings',
        'sync_runs',
        'units',
      ].map((name) => ({ name, strict: 1 })),
    );
  });

  it('gives a reservation file every field DESIGN §3 lists', () => {
    const columns = (db.prepare("SELECT name FROM pragma_table_info('reservations')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining([
        'unit_id',
        'source_connection_id',
        'partner_reference',
        'kind',
        'status',
        'arrival',
        'departure',
        'guests',
        'guest_name',
        'email',
        'phone',
        'address',
        'amount_cents',
        'commission_cents',
        'payout_date',
        'notes',
        'raw_text',
        'created_at',
        'updated_at',
      ]),
    );
  });

  it('refuses a value of the wrong type instead of storing it (STRICT)', () => {
    expect(() => addUnit({ capacity: 'two' })).toThrow(/cannot store TEXT value in INTEGER column units.capacity/);
    expect(() => addUnit({ base_rate_cents: 85.5 })).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => addUnit({ created_at: Buffer.from('x') })).toThrow(/cannot store BLOB value in TEXT column units.created_at/);
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
  });

  it.each([
    ['a stock below zero', { stock: -1 }],
    ['a capacity of zero', { capacity: 0 }],
    ['a negative rate', { base_rate_cents: -1 }],
    ['a minimum stay of zero', { min_stay: 0 }],
  ])('refuses a unit with %s (CHECK)', (_case, fields) => {
    expect(() => addUnit(fields)).toThrow(/CHECK constraint failed/);
  });

  it('refuses a stay whose departure is not after its arrival (CHECK)', () => {
    addUnit();
    expect(() => addReservation({ arrival: '2026-07-12', departure: '2026-07-12' })).toThrow(/CHECK constraint failed/);
    expect(() => addReservation({ arrival: '2026-07-12', departure: '2026-07-10' })).toThrow(/CHECK constraint failed/);
    expect(addReservation()).toBe(1);
  });

  it.each([
    ['an unknown status', { status: 'maybe' }],
    ['an unknown kind', { kind: 'holiday' }],
    ['zero guests', { guests: 0 }],
  ])('refuses a reservation with %s (CHECK)', (_case, fields) => {
    addUnit();
    expect(() => addReservation(fields)).toThrow(/CHECK constraint failed/);
  });

  it('refuses a second property row: there is one property', () => {
    const insert = db.prepare("INSERT INTO property (id, name, type, updated_at) VALUES (?, 'Le Pigeonnier', 'gite', ?)");
    insert.run(1, AT);
    expect(() => insert.run(2, AT)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO property (id, name, type, updated_at) VALUES (1, 'x', 'castle', ?)").run(AT)).toThrow(
      /CHECK constraint failed|UNIQUE/,
    );
  });

  it('refuses an override whose night is not written YYYY-MM-DD, and a negative override stock', () => {
    addUnit();
    const insert = db.prepare('INSERT INTO night_overrides (unit_id, night, stock) VALUES (1, ?, ?)');
    expect(() => insert.run('2026-7-10', 1)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('2026-07-10', -1)).toThrow(/CHECK constraint failed/);
    insert.run('2026-07-10', 0);
    expect(() => insert.run('2026-07-10', 1)).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
  });

  it('refuses JSON columns that are not JSON', () => {
    expect(() =>
      db.prepare("INSERT INTO alerts (kind, created_at, reservation_ids) VALUES ('overbooking', ?, 'not json')").run(AT),
    ).toThrow(/CHECK constraint failed/);
  });

  it('raises an alert once per dedupe key', () => {
    const insert = db.prepare("INSERT INTO alerts (kind, created_at, dedupe_key) VALUES ('overbooking', ?, 'overbooking:1:1,2')");
    insert.run(AT);
    expect(() => insert.run(AT)).toThrow(/UNIQUE constraint failed/);
  });

  it('enforces foreign keys: no file, override or feed for a unit that does not exist', () => {
    expect(() => addReservation({ unit_id: 99 })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("INSERT INTO night_overrides (unit_id, night, closed) VALUES (99, '2026-07-10', 1)").run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => db.prepare('INSERT INTO reservation_history (reservation_id, at, actor_kind, action) VALUES (99, ?, ?, ?)').run(AT, 'owner', 'created')).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('refuses to delete a unit that still has files', () => {
    addUnit();
    addReservation();
    expect(() => db.prepare('DELETE FROM units WHERE id = 1').run()).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('keeps one feed per (connection, unit) and export tokens unique', () => {
    addUnit();
    addUnit({ name: 'La Tour' });
    db.prepare("INSERT INTO channel_connections (channel, name, kind, created_at, updated_at) VALUES ('airbnb', 'Airbnb', 'ical', ?, ?)").run(AT, AT);
    const insert = db.prepare('INSERT INTO feeds (connection_id, unit_id, export_token) VALUES (1, ?, ?)');
    insert.run(1, 'token-a');
    expect(() => insert.run(1, 'token-b')).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run(2, 'token-a')).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run(3, 'token-c')).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('leaves nothing for foreign_key_check to report', () => {
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
