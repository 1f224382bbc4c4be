import type { HistoryAction, HistoryActor, ReservationHistoryEntry } from '../../shared/domain';
import type { Db } from './connection';
import { prepared } from './statements';

interface HistoryRow {
  id: number;
  reservation_id: number;
  at: string;
  actor_kind: 'owner' | 'sync';
  actor_connection_id: number | null;
  action: HistoryAction;
  changes: string;
}

export const OWNER: HistoryActor = { kind: 'owner', connectionId: null };

export function addHistory(
  db: Db,
  reservationId: number,
  actor: HistoryActor,
  action: HistoryAction,
  changes: Record<string, [unknown, unknown]>,
  now: Date,
): void {
  prepared(
    db,
    `INSERT INTO reservation_history (reservation_id, at, actor_kind, actor_connection_id, action, changes)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(reservationId, now.toISOString(), actor.kind, actor.connectionId, action, JSON.stringify(changes));
}

export function listHistory(db: Db, reservationId: number): ReservationHistoryEntry[] {
  const rows = db.prepare('SELECT * FROM reservation_history WHERE reservation_id = ? ORDER BY id').all(reservationId) as HistoryRow[];
  return rows.map((row) => ({
    id: row.id,
    reservationId: row.reservation_id,
    at: row.at,
    actor: { kind: row.actor_kind, connectionId: row.actor_connection_id },
    action: row.action,
    changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]>,
  }));
}

/**
 * Field → [before, after] for the fields that really change; empty when nothing does. Against
 * an empty `before` it lists a new file's initial values, each as [null, value].
 */
export function diff<T extends object>(before: Partial<T>, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const next = after[key];
    const previous = before[key] ?? null;
    if (next !== undefined && next !== previous && !(next === '' && previous === null)) changes[String(key)] = [previous, next];
  }
  return changes;
}
