/**
 * Migration 005 on a real database file written at schema 4: an index of bookings by payout
 * month (the payout date, else the departure), which the payouts view reads by range.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { listPayoutFiles, PAYOUT_FILES_SQL } from '../../../../main/db/payouts';
import { MIGRATIONS } from '../../../../main/db/migrations';
import { payoutMonthIndex } from '../../../../main/db/migrations/005_payout_month_index';
import { useTempDirs } from '../../../helpers/tempDir';

const tempDir = useTempDirs();
const AT = '2026-05-01T10:00:00.000Z';
const now = () => new Date(AT);

/** A schema-4 database with an Alma booking, a direct booking, a cancelled one and partner blocks. */
function schemaFourWithFiles(dir: string): void {
  const { db } = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 4), now });
  db.exec(`
    INSERT INTO units (name, capacity, base_rate_cents, created_at, updated_at) VALUES ('La Grange', 4, 8500, '${AT}', '${AT}');
    INSERT INTO channel_connections (channel, name, kind, commission_basis_points, created_at, updated_at) VALUES ('alma_heritage', 'Alma Heritage', 'api', 1300, '${AT}', '${AT}');
  `);
  const insert = db.prepare(
    `INSERT INTO reservations (unit_id, source_connection_id, kind, status, arrival, departure, amount_cents, commission_cents, payout_date, created_at, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, '${AT}', '${AT}')`,
  );
  insert.run(1, 'booking', 'confirmed', '2026-07-28', '2026-07-31', 41_300, 5_369, '2026-07-31');
  insert.run(null, 'booking', 'confirmed', '2026-07-30', '2026-08-01', 20_000, null, null);
  insert.run(null, 'booking', 'cancelled', '2026-07-10', '2026-07-12', 15_000, null, null);
  for (let day = 1; day <= 20; day++) insert.run(1, 'block', 'confirmed', `2026-06-${String(day).padStart(2, '0')}`, `2026-06-${String(day + 1).padStart(2, '0')}`, null, null, null);
  db.close();
}

function migrated(): { db: Db; backupFile: string | null; from: number } {
  const dir = tempDir();
  schemaFourWithFiles(dir);
  const { db, migration } = openDatabase(dir, { migrations: MIGRATIONS, now });
  return { db, backupFile: migration.backupFile, from: migration.from };
}

describe('005_payout_month_index', () => {
  it('is registered as version 5, right after 004', () => {
    expect(MIGRATIONS[4]).toBe(payoutMonthIndex);
    expect([payoutMonthIndex.version, payoutMonthIndex.name]).toEqual([5, '005_payout_month_index']);
  });

  it('migrates a schema-4 database with files, after a backup, keeping every row', () => {
    const { db, backupFile, from } = migrated();
    try {
      expect(from).toBe(4);
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
      expect(backupFile && fs.existsSync(backupFile)).toBe(true);
      expect(db.prepare('SELECT count(*) FROM reservations').pluck().get()).toBe(23);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('indexes bookings only, and the payouts read goes through it by range', () => {
    const { db } = migrated();
    try {
      // A partial index: the three bookings, none of the twenty blocks.
      expect(db.pragma('index_list(reservations)')).toContainEqual(expect.objectContaining({ name: 'reservations_payout_month', partial: 1 }));
      expect(db.prepare("SELECT count(*) FROM reservations INDEXED BY reservations_payout_month WHERE kind = 'booking'").pluck().get()).toBe(3);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${PAYOUT_FILES_SQL}`).all({ firstNight: '2026-07-01', lastNight: '2026-07-31' }) as { detail: string }[]).map((r) => r.detail);
      expect(plan).toContainEqual(expect.stringMatching(/SEARCH reservations USING INDEX reservations_payout_month \(<expr>>\? AND <expr><\?\)/));
      expect(plan.join('\n')).not.toMatch(/SCAN reservations/);
      expect(listPayoutFiles(db, '2026-07', '2026-07').map((f) => [f.departure, f.payoutDate])).toEqual([['2026-07-31', '2026-07-31']]);
      expect(listPayoutFiles(db, '2026-07', '2026-08').map((f) => f.departure)).toEqual(['2026-07-31', '2026-08-01']);
    } finally {
      db.close();
    }
  });
});
