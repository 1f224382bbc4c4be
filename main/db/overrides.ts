import type { NightOverride } from '../../shared/domain';
import type { Night } from '../../shared/nights';
import type { Db } from './connection';
import { prepared } from './statements';

interface OverrideRow {
  unit_id: number;
  night: string;
  rate_cents: number | null;
  stock: number | null;
  min_stay: number | null;
  closed_to_arrival: number | null;
  closed_to_departure: number | null;
  closed: number | null;
}

const flag = (value: number | null) => (value === null ? null : value === 1);
const bit = (value: boolean | null | undefined) => (value === null || value === undefined ? value : value ? 1 : 0);

function rowToOverride(row: OverrideRow): NightOverride {
  return {
    unitId: row.unit_id,
    night: row.night,
    rateCents: row.rate_cents,
    stock: row.stock,
    minStay: row.min_stay,
    closedToArrival: flag(row.closed_to_arrival),
    closedToDeparture: flag(row.closed_to_departure),
    closed: flag(row.closed),
  };
}

export type OverrideChanges = Partial<Omit<NightOverride, 'unitId' | 'night'>>;

const COLUMNS = {
  rateCents: 'rate_cents',
  stock: 'stock',
  minStay: 'min_stay',
  closedToArrival: 'closed_to_arrival',
  closedToDeparture: 'closed_to_departure',
  closed: 'closed',
} as const;

/** Overrides of the given units (all units when null) between two nights, both included. */
export function listOverrides(db: Db, unitIds: number[] | null, firstNight: Night, lastNight: Night): NightOverride[] {
  const rows = prepared(
    db,
    `SELECT * FROM night_overrides
     WHERE night BETWEEN @firstNight AND @lastNight
       AND (@all OR unit_id IN (SELECT value FROM json_each(@unitIds)))
     ORDER BY unit_id, night`,
  ).all({ firstNight, lastNight, all: unitIds === null ? 1 : 0, unitIds: JSON.stringify(unitIds ?? []) }) as OverrideRow[];
  return rows.map(rowToOverride);
}

/**
 * Applies the same changes to every (unit, night): a value sets the override, null clears it.
 * Rows left with nothing overridden are removed, so the table stays sparse. The caller wraps
 * this in its transaction.
 */
export function applyOverrides(db: Db, unitIds: number[], nights: Night[], changes: OverrideChanges): void {
  const keys = (Object.keys(changes) as (keyof OverrideChanges)[]).filter((k) => k in COLUMNS);
  const columns = keys.map((k) => COLUMNS[k]);
  const upsert = db.prepare(
    `INSERT INTO night_overrides (unit_id, night, ${columns.join(', ')})
     VALUES (@unitId, @night, ${keys.map((k) => `@${k}`).join(', ')})
     ON CONFLICT (unit_id, night) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const prune = db.prepare(
    `DELETE FROM night_overrides WHERE unit_id = ? AND night = ?
       AND rate_cents IS NULL AND stock IS NULL AND min_stay IS NULL
       AND closed_to_arrival IS NULL AND closed_to_departure IS NULL AND closed IS NULL`,
  );
  const values: Record<string, number | null | undefined> = {};
  for (const k of keys) {
    const value = changes[k];
    values[k] = typeof value === 'boolean' || value === null ? bit(value) : value;
  }
  for (const unitId of unitIds) {
    for (const night of nights) {
      upsert.run({ unitId, night, ...values });
      prune.run(unitId, night);
    }
  }
}
