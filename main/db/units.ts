import type { Unit } from '../../shared/domain';
import type { Db } from './connection';
import { prepared } from './statements';

interface UnitRow {
  id: number;
  name: string;
  capacity: number;
  stock: number;
  base_rate_cents: number;
  min_stay: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = {
  name: 'name',
  capacity: 'capacity',
  stock: 'stock',
  baseRateCents: 'base_rate_cents',
  minStay: 'min_stay',
  sortOrder: 'sort_order',
} as const;

export type UnitFields = Pick<Unit, keyof typeof COLUMNS>;

function rowToUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    capacity: row.capacity,
    stock: row.stock,
    baseRateCents: row.base_rate_cents,
    minStay: row.min_stay,
    sortOrder: row.sort_order,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listUnits(db: Db): Unit[] {
  return (db.prepare('SELECT * FROM units ORDER BY sort_order, id').all() as UnitRow[]).map(rowToUnit);
}

export function getUnit(db: Db, id: number): Unit | null {
  const row = prepared(db, 'SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
  return row ? rowToUnit(row) : null;
}

export function insertUnit(db: Db, fields: Omit<UnitFields, 'sortOrder'>, now: Date): Unit {
  const at = now.toISOString();
  const { id } = db
    .prepare(
      `INSERT INTO units (name, capacity, stock, base_rate_cents, min_stay, sort_order, created_at, updated_at)
       VALUES (@name, @capacity, @stock, @baseRateCents, @minStay,
               (SELECT coalesce(max(sort_order), -1) + 1 FROM units), @at, @at)
       RETURNING id`,
    )
    .get({ ...fields, at }) as { id: number };
  return getUnit(db, id)!;
}

export function updateUnit(db: Db, id: number, changes: Partial<UnitFields>, now: Date): Unit {
  // Column names come from the fixed COLUMNS map, never from the caller; values are bound.
  const keys = (Object.keys(changes) as (keyof UnitFields)[]).filter((k) => k in COLUMNS);
  const assignments = keys.map((k) => `${COLUMNS[k]} = @${k}`);
  db.prepare(`UPDATE units SET ${[...assignments, 'updated_at = @at'].join(', ')} WHERE id = @id`).run({
    ...changes,
    id,
    at: now.toISOString(),
  });
  return getUnit(db, id)!;
}
