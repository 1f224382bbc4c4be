/**
 * Migration 004's triggers on a real database file: every change to a mapped room's overrides,
 * defaults or stock-holding reservations queues (or widens) an outbox row for each API
 * connection that is active or paused, in the same transaction; nothing else does. And the
 * revision rule that lets a push delete only what it really sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { MIGRATIONS } from '../../../../main/db/migrations';
import { OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST, apiChannels } from '../../../../main/db/migrations/004_api_channels';
import { deleteSentRows, listDueAriRows, mergeAriRows } from '../../../../main/db/outbox';
import { useTempDirs } from '../../../helpers/tempDir';

const tempDir = useTempDirs();
const AT = '2026-05-01T10:00:00.000Z';

interface Row {
  connection: number;
  unit: number;
  kind: string;
  first: string;
  last: string;
  revision: number;
}

function rows(db: Db): Row[] {
  return db
    .prepare(
      `SELECT connection_id AS connection, unit_id AS unit, message_kind AS kind, first_night AS first, last_night AS last, revision
       FROM outbox ORDER BY connection_id, unit_id, message_kind, first_night`,
    )
    .all() as Row[];
}

/** Rows without revisions, as [connection, unit, kind, first, last]. */
const ranges = (db: Db) => rows(db).map((r) => [r.connection, r.unit, r.kind, r.first, r.last]);

let db: Db;
/** Units 1 and 2 are mapped to the active API connection 1; unit 3 is mapped to nothing. */
beforeEach(() => {
  db = openDatabase(tempDir(), { migrations: MIGRATIONS, now: () => new Date(AT) }).db;
  db.exec(`
    INSERT INTO units (name, capacity, stock, base_rate_cents, created_at, updated_at) VALUES
      ('La Grange', 4, 1, 8500, '${AT}', '${AT}'), ('Le Fournil', 2, 2, 7000, '${AT}', '${AT}'), ('La Tour', 2, 1, 9000, '${AT}', '${AT}');
    INSERT INTO channel_connections (channel, name, kind, status, created_at, updated_at) VALUES
      ('alma_heritage', 'Alma Heritage', 'api', 'active', '${AT}', '${AT}');
    INSERT INTO api_room_mappings (connection_id, unit_id, room_code, rate_code) VALUES (1, 1, 'GRANGE', 'STD'), (1, 2, 'FOURNIL', 'STD');
  `);
  return () => db.close();
});

const setOverride = (unit: number, night: string, column: string, value: number | null) =>
  db
    .prepare(`INSERT INTO night_overrides (unit_id, night, ${column}) VALUES (?, ?, ?) ON CONFLICT (unit_id, night) DO UPDATE SET ${column} = excluded.${column}`)
    .run(unit, night, value);
const deleteOverride = (unit: number, night: string) => db.prepare('DELETE FROM night_overrides WHERE unit_id = ? AND night = ?').run(unit, night);
const insertReservation = (unit: number, arrival: string, departure: string, status = 'confirmed') =>
  Number(
    db
      .prepare(
        `INSERT INTO reservations (unit_id, kind, status, arrival, departure, created_at, updated_at) VALUES (?, 'booking', ?, ?, ?, '${AT}', '${AT}')`,
      )
      .run(unit, status, arrival, departure).lastInsertRowid,
  );
const clear = () => db.exec('DELETE FROM outbox');

describe('004_api_channels', () => {
  it('is registered as version 4', () => {
    expect(MIGRATIONS[3]).toBe(apiChannels);
    expect(apiChannels.version).toBe(4);
  });

  describe('night overrides', () => {
    it('a rate queues rates only; a stock queues availability only; a minimum stay or arrival/departure closing queues restrictions only', () => {
      setOverride(1, '2026-07-01', 'rate_cents', 9900);
      expect(ranges(db)).toEqual([[1, 1, 'rates', '2026-07-01', '2026-07-01']]);
      clear();
      setOverride(1, '2026-07-02', 'stock', 0);
      expect(ranges(db)).toEqual([[1, 1, 'availability', '2026-07-02', '2026-07-02']]);
      clear();
      for (const column of ['min_stay', 'closed_to_arrival', 'closed_to_departure']) {
        setOverride(1, '2026-07-03', column, 1);
        expect(ranges(db), column).toEqual([[1, 1, 'restrictions', '2026-07-03', '2026-07-03']]);
        clear();
      }
    });

    it('closing a night is both a stock of 0 and a restriction', () => {
      setOverride(2, '2026-07-04', 'closed', 1);
      expect(ranges(db)).toEqual([
        [1, 2, 'availability', '2026-07-04', '2026-07-04'],
        [1, 2, 'restrictions', '2026-07-04', '2026-07-04'],
      ]);
    });

    it('an update queues the kinds whose columns changed, and nothing when the value is the same', () => {
      setOverride(1, '2026-07-05', 'rate_cents', 9900);
      clear();
      setOverride(1, '2026-07-05', 'rate_cents', 9900);
      expect(ranges(db)).toEqual([]);
      setOverride(1, '2026-07-05', 'stock', 1);
      expect(ranges(db)).toEqual([[1, 1, 'availability', '2026-07-05', '2026-07-05']]);
      clear();
      setOverride(1, '2026-07-05', 'rate_cents', null);
      expect(ranges(db)).toEqual([[1, 1, 'rates', '2026-07-05', '2026-07-05']]);
    });

    it('a deleted override queues the kinds it held', () => {
      setOverride(1, '2026-07-06', 'min_stay', 3);
      setOverride(1, '2026-07-06', 'rate_cents', 12000);
      clear();
      deleteOverride(1, '2026-07-06');
      expect(ranges(db)).toEqual([
        [1, 1, 'rates', '2026-07-06', '2026-07-06'],
        [1, 1, 'restrictions', '2026-07-06', '2026-07-06'],
      ]);
    });
  });

  describe("a room's defaults", () => {
    it('stock, base rate and minimum stay queue every night of their kind (open range); a new name queues nothing', () => {
      db.prepare('UPDATE units SET stock = 3 WHERE id = 1').run();
      db.prepare('UPDATE units SET base_rate_cents = 9000 WHERE id = 2').run();
      db.prepare('UPDATE units SET min_stay = 2 WHERE id = 2').run();
      db.prepare("UPDATE units SET name = 'La Grange du haut', base_rate_cents = 8500 WHERE id = 1").run();
      expect(ranges(db)).toEqual([
        [1, 1, 'availability', OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST],
        [1, 2, 'rates', OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST],
        [1, 2, 'restrictions', OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST],
      ]);
    });

    it('an open range absorbs the nights already waiting', () => {
      setOverride(1, '2026-07-01', 'stock', 0);
      setOverride(1, '2026-09-01', 'stock', 0);
      db.prepare('UPDATE units SET stock = 2 WHERE id = 1').run();
      mergeAriRows(db, 1);
      expect(ranges(db)).toEqual([[1, 1, 'availability', OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST]]);
    });
  });

  describe('reservations', () => {
    it('a stock-holding file queues its nights (departure excluded); a cancelled one queues nothing', () => {
      insertReservation(1, '2026-07-10', '2026-07-13');
      insertReservation(2, '2026-08-01', '2026-08-02', 'pending');
      insertReservation(1, '2026-09-01', '2026-09-05', 'cancelled');
      expect(ranges(db)).toEqual([
        [1, 1, 'availability', '2026-07-10', '2026-07-12'],
        [1, 2, 'availability', '2026-08-01', '2026-08-01'],
      ]);
    });

    it('a cancellation, a refusal, a move and a change of room queue the nights freed and the nights taken', () => {
      const a = insertReservation(1, '2026-07-10', '2026-07-13');
      const b = insertReservation(1, '2026-10-10', '2026-10-12', 'pending');
      clear();
      db.prepare("UPDATE reservations SET status = 'cancelled' WHERE id = ?").run(a);
      expect(ranges(db)).toEqual([[1, 1, 'availability', '2026-07-10', '2026-07-12']]);
      clear();
      db.prepare("UPDATE reservations SET status = 'refused' WHERE id = ?").run(b);
      expect(ranges(db)).toEqual([[1, 1, 'availability', '2026-10-10', '2026-10-11']]);
      clear();
      const c = insertReservation(1, '2026-11-01', '2026-11-03');
      clear();
      db.prepare("UPDATE reservations SET arrival = '2026-11-20', departure = '2026-11-21' WHERE id = ?").run(c);
      expect(ranges(db)).toEqual([
        [1, 1, 'availability', '2026-11-01', '2026-11-02'],
        [1, 1, 'availability', '2026-11-20', '2026-11-20'],
      ]);
      clear();
      db.prepare('UPDATE reservations SET unit_id = 2 WHERE id = ?').run(c);
      expect(ranges(db)).toEqual([
        [1, 1, 'availability', '2026-11-20', '2026-11-20'],
        [1, 2, 'availability', '2026-11-20', '2026-11-20'],
      ]);
    });

    it('changes that leave the stock as it was (guest details, a confirmation, a cancelled file edited) queue nothing', () => {
      const a = insertReservation(1, '2026-07-10', '2026-07-13', 'pending');
      const b = insertReservation(1, '2026-08-10', '2026-08-13', 'cancelled');
      clear();
      db.prepare("UPDATE reservations SET guest_name = 'Claire Dubois', notes = 'x' WHERE id = ?").run(a);
      db.prepare("UPDATE reservations SET status = 'confirmed' WHERE id = ?").run(a);
      db.prepare("UPDATE reservations SET arrival = '2026-08-11' WHERE id = ?").run(b);
      // pending → confirmed: both hold stock, the status changed, so the nights are queued (harmless; the value sent is the same).
      expect(ranges(db)).toEqual([[1, 1, 'availability', '2026-07-10', '2026-07-12']]);
    });
  });

  describe('which connections and rooms', () => {
    it('a room mapped to nothing queues nothing', () => {
      setOverride(3, '2026-07-01', 'rate_cents', 1);
      db.prepare('UPDATE units SET stock = 2 WHERE id = 3').run();
      insertReservation(3, '2026-07-10', '2026-07-12');
      expect(ranges(db)).toEqual([]);
    });

    it('paused connections keep queuing; pending and removed ones queue nothing', () => {
      db.exec(`
        INSERT INTO channel_connections (channel, name, kind, status, created_at, updated_at) VALUES
          ('alma_heritage', 'paused', 'api', 'paused', '${AT}', '${AT}'),
          ('alma_heritage', 'pending', 'api', 'pending', '${AT}', '${AT}'),
          ('alma_heritage', 'removed', 'api', 'removed', '${AT}', '${AT}');
        INSERT INTO api_room_mappings (connection_id, unit_id, room_code, rate_code) VALUES (2, 3, 'R', 'S'), (3, 3, 'R', 'S'), (4, 3, 'R', 'S');
      `);
      setOverride(3, '2026-07-01', 'rate_cents', 1);
      insertReservation(3, '2026-07-10', '2026-07-12');
      expect(ranges(db)).toEqual([
        [2, 3, 'availability', '2026-07-10', '2026-07-11'],
        [2, 3, 'rates', '2026-07-01', '2026-07-01'],
      ]);
    });

    it('two connections mapping the same room each get their row', () => {
      db.exec(`
        INSERT INTO channel_connections (channel, name, kind, status, created_at, updated_at) VALUES ('alma_heritage', 'second', 'api', 'active', '${AT}', '${AT}');
        INSERT INTO api_room_mappings (connection_id, unit_id, room_code, rate_code) VALUES (2, 1, 'G', 'S');
      `);
      setOverride(1, '2026-07-01', 'stock', 0);
      expect(ranges(db)).toEqual([
        [1, 1, 'availability', '2026-07-01', '2026-07-01'],
        [2, 1, 'availability', '2026-07-01', '2026-07-01'],
      ]);
    });
  });

  describe('merging', () => {
    it('a change touching or overlapping a waiting row widens it; one apart starts a new row', () => {
      setOverride(1, '2026-07-10', 'rate_cents', 1);
      setOverride(1, '2026-07-11', 'rate_cents', 1);
      setOverride(1, '2026-07-09', 'rate_cents', 1);
      expect(ranges(db)).toEqual([[1, 1, 'rates', '2026-07-09', '2026-07-11']]);
      setOverride(1, '2026-07-13', 'rate_cents', 1);
      expect(ranges(db)).toEqual([
        [1, 1, 'rates', '2026-07-09', '2026-07-11'],
        [1, 1, 'rates', '2026-07-13', '2026-07-13'],
      ]);
      // Other kinds and other rooms are never merged with these.
      setOverride(1, '2026-07-12', 'stock', 0);
      setOverride(2, '2026-07-12', 'rate_cents', 1);
      expect(ranges(db)).toHaveLength(4);
    });

    it('a change between two rows widens both; the merge before a push makes them one row', () => {
      setOverride(1, '2026-07-10', 'rate_cents', 1);
      setOverride(1, '2026-07-12', 'rate_cents', 1);
      setOverride(1, '2026-07-11', 'rate_cents', 1);
      expect(ranges(db)).toEqual([
        [1, 1, 'rates', '2026-07-10', '2026-07-11'],
        [1, 1, 'rates', '2026-07-11', '2026-07-12'],
      ]);
      insertReservation(1, '2026-07-20', '2026-07-25');
      mergeAriRows(db, 1);
      expect(ranges(db)).toEqual([
        [1, 1, 'availability', '2026-07-20', '2026-07-24'],
        [1, 1, 'rates', '2026-07-10', '2026-07-12'],
      ]);
    });

    it('merges a long stay across several waiting rows', () => {
      for (const night of ['2026-07-01', '2026-07-05', '2026-07-09']) setOverride(1, night, 'stock', 0);
      insertReservation(1, '2026-07-02', '2026-07-09');
      mergeAriRows(db, 1);
      expect(ranges(db)).toEqual([[1, 1, 'availability', '2026-07-01', '2026-07-09']]);
    });

    it('a change inside a waiting row bumps its revision without widening it', () => {
      insertReservation(1, '2026-07-10', '2026-07-20');
      const [before] = rows(db);
      setOverride(1, '2026-07-15', 'stock', 0);
      const [after] = rows(db);
      expect([after!.first, after!.last]).toEqual([before!.first, before!.last]);
      expect(after!.revision).toBe(before!.revision + 1);
    });
  });

  it('a row widened while its push was under way survives the push’s delete, and goes out next time', () => {
    setOverride(1, '2026-07-10', 'stock', 0);
    setOverride(2, '2026-07-10', 'stock', 0);
    const read = listDueAriRows(db, 1, new Date(AT));
    expect(read).toHaveLength(2);
    // Between the read and the partner's answer, the owner changes the next night of room 1.
    setOverride(1, '2026-07-11', 'stock', 0);
    deleteSentRows(db, read);
    expect(ranges(db)).toEqual([[1, 1, 'availability', '2026-07-10', '2026-07-11']]);
    // Without the change, the delete removes what was sent.
    deleteSentRows(db, listDueAriRows(db, 1, new Date(AT)));
    expect(ranges(db)).toEqual([]);
  });

  it('a trigger writes in the transaction of the change: a rolled-back change leaves no row', () => {
    expect(() =>
      db.transaction(() => {
        setOverride(1, '2026-07-10', 'stock', 0);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(ranges(db)).toEqual([]);
  });
});
