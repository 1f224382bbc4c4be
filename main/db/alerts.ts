import type { Alert, AlertKind } from '../../shared/domain';
import type { Db } from './connection';
import { prepared } from './statements';

interface AlertRow {
  id: number;
  kind: AlertKind;
  created_at: string;
  connection_id: number | null;
  reservation_ids: string;
  params: string;
  dismissed_at: string | null;
}

function rowToAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.created_at,
    connectionId: row.connection_id,
    reservationIds: JSON.parse(row.reservation_ids) as number[],
    params: JSON.parse(row.params) as Alert['params'],
    dismissedAt: row.dismissed_at,
  };
}

export interface NewAlert {
  kind: AlertKind;
  connectionId: number | null;
  reservationIds: number[];
  params: Alert['params'];
  /** Same key, same situation: raised once while it is open, however often it is detected. */
  dedupeKey: string;
}

/** Stores the alert unless the same situation is already open; returns it only when it is new. */
export function raiseAlert(db: Db, alert: NewAlert, now: Date): Alert | null {
  const row = prepared(
    db,
    `INSERT INTO alerts (kind, created_at, connection_id, reservation_ids, params, dedupe_key)
     VALUES (@kind, @at, @connectionId, @reservationIds, @params, @dedupeKey)
     ON CONFLICT (dedupe_key) WHERE dismissed_at IS NULL DO NOTHING RETURNING *`,
  ).get({
      ...alert,
      at: now.toISOString(),
      reservationIds: JSON.stringify(alert.reservationIds),
      params: JSON.stringify(alert.params),
    }) as AlertRow | undefined;
  return row ? rowToAlert(row) : null;
}

export function listAlerts(db: Db): Alert[] {
  return (db.prepare('SELECT * FROM alerts ORDER BY id DESC').all() as AlertRow[]).map(rowToAlert);
}

export function dismissAlert(db: Db, id: number, now: Date): Alert | null {
  const row = db
    .prepare('UPDATE alerts SET dismissed_at = coalesce(dismissed_at, ?) WHERE id = ? RETURNING *')
    .get(now.toISOString(), id) as AlertRow | undefined;
  return row ? rowToAlert(row) : null;
}

/**
 * Dismisses the open alerts of these situations (their dedupe keys), for when the owner has
 * settled them elsewhere (a room mapped); returns those dismissed.
 */
export function dismissOpenAlerts(db: Db, dedupeKeys: readonly string[], now: Date): Alert[] {
  const statement = prepared(db, 'UPDATE alerts SET dismissed_at = ? WHERE dedupe_key = ? AND dismissed_at IS NULL RETURNING *');
  return dedupeKeys.flatMap((key) => (statement.all(now.toISOString(), key) as AlertRow[]).map(rowToAlert));
}
