/**
 * The reservation events an API partner delivered (migration 004's partner_events), each stored
 * once: (connection, reservation number, status, the partner's creation time) is its identity,
 * so a redelivery (we died before acknowledging, or the partner lost our acknowledgement) is
 * recognised and acknowledged again, never applied twice. `acked_at` NULL = still owed to the
 * partner.
 *
 * A held event has no file yet (outcome 'held', reservation_id NULL) and keeps what the partner
 * sent in `payload`: its room is not mapped (applied when the owner maps it), or it could not be
 * read (the raw text, for the owner to record by hand). It is acknowledged like any other, so
 * fifty of them can never fill the partner's undelivered list and hide the bookings behind them.
 */
import type { Db } from './connection';

export type PartnerEventOutcome = 'created' | 'cancelled' | 'flagged' | 'unchanged' | 'held';

export interface PartnerEventIdentity {
  connectionId: number;
  reservationNumber: string;
  resStatus: string;
  partnerCreatedAt: string;
}

export interface StoredPartnerEvent extends PartnerEventIdentity {
  id: number;
  reservationId: number | null;
  outcome: PartnerEventOutcome;
  receivedAt: string;
  ackedAt: string | null;
}

const COLUMNS = `id, connection_id AS connectionId, reservation_number AS reservationNumber, res_status AS resStatus,
  partner_created_at AS partnerCreatedAt, reservation_id AS reservationId, outcome, received_at AS receivedAt, acked_at AS ackedAt`;

export function findPartnerEvent(db: Db, identity: PartnerEventIdentity): StoredPartnerEvent | null {
  const row = db
    .prepare(
      `SELECT ${COLUMNS} FROM partner_events
       WHERE connection_id = @connectionId AND reservation_number = @reservationNumber AND res_status = @resStatus AND partner_created_at = @partnerCreatedAt`,
    )
    .get(identity) as StoredPartnerEvent | undefined;
  return row ?? null;
}

/** Stores a newly applied event, owed an acknowledgement. */
export function insertPartnerEvent(
  db: Db,
  event: PartnerEventIdentity & { reservationId: number | null; outcome: PartnerEventOutcome; payload?: unknown },
  now: Date,
): number {
  const { id } = db
    .prepare(
      `INSERT INTO partner_events (connection_id, reservation_number, res_status, partner_created_at, reservation_id, outcome, received_at, payload)
       VALUES (@connectionId, @reservationNumber, @resStatus, @partnerCreatedAt, @reservationId, @outcome, @at, @payload) RETURNING id`,
    )
    .get({
      connectionId: event.connectionId,
      reservationNumber: event.reservationNumber,
      resStatus: event.resStatus,
      partnerCreatedAt: event.partnerCreatedAt,
      reservationId: event.reservationId,
      outcome: event.outcome,
      at: now.toISOString(),
      payload: event.payload === undefined ? null : JSON.stringify(event.payload),
    }) as { id: number };
  return id;
}

export interface HeldPartnerEvent {
  id: number;
  /** What the partner sent, as stored (main/sync/alma/storeEvents.ts reads it). */
  payload: unknown;
}

/** The held events of one of the partner's room codes, oldest first (mapping the room applies them). */
export function listHeldEvents(db: Db, connectionId: number, roomCode: string): HeldPartnerEvent[] {
  const rows = db
    .prepare(
      `SELECT id, payload FROM partner_events
       WHERE connection_id = ? AND outcome = 'held' AND reservation_id IS NULL AND json_extract(payload, '$.roomCode') = ? ORDER BY id`,
    )
    .all(connectionId, roomCode) as { id: number; payload: string }[];
  return rows.map((row) => ({ id: row.id, payload: JSON.parse(row.payload) as unknown }));
}

/** A held event finally applied: it names its file (if it made one) and keeps no copy of the partner's data. */
export function resolveHeldEvent(db: Db, id: number, applied: { reservationId: number | null; outcome: PartnerEventOutcome }): void {
  db.prepare('UPDATE partner_events SET reservation_id = ?, outcome = ?, payload = NULL WHERE id = ?').run(applied.reservationId, applied.outcome, id);
}

/** The partner delivered it again: it did not take our acknowledgement, so it is owed once more. */
export function markRedelivered(db: Db, id: number): void {
  db.prepare('UPDATE partner_events SET acked_at = NULL WHERE id = ?').run(id);
}

export function listUnacknowledged(db: Db, connectionId: number): StoredPartnerEvent[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM partner_events WHERE connection_id = ? AND acked_at IS NULL ORDER BY id`)
    .all(connectionId) as StoredPartnerEvent[];
}

export function markAcknowledged(db: Db, ids: readonly number[], now: Date): void {
  const mark = db.prepare('UPDATE partner_events SET acked_at = ? WHERE id = ? AND acked_at IS NULL');
  db.transaction(() => {
    for (const id of ids) mark.run(now.toISOString(), id);
  })();
}

/** The file a partner's reservation number names on this connection (the newest, should there be several). */
export function findPartnerFileId(db: Db, connectionId: number, reservationNumber: string): number | null {
  const row = db
    .prepare('SELECT id FROM reservations WHERE source_connection_id = ? AND external_id = ? ORDER BY id DESC LIMIT 1')
    .get(connectionId, reservationNumber) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Where the owner's answer to a pending file must go: its API connection (active or paused)
 * and the partner's reservation number; null for any other file.
 */
export function partnerDecisionTarget(db: Db, reservationId: number): { connectionId: number; reservationNumber: string } | null {
  const row = db
    .prepare(
      `SELECT r.source_connection_id AS connectionId, r.external_id AS reservationNumber FROM reservations r
       JOIN channel_connections c ON c.id = r.source_connection_id
       WHERE r.id = ? AND c.kind = 'api' AND c.status IN ('active', 'paused') AND r.external_id IS NOT NULL`,
    )
    .get(reservationId) as { connectionId: number; reservationNumber: string } | undefined;
  return row ?? null;
}

/** Whether the partner itself cancelled this reservation (a later Book must not reopen what it cancelled). */
export function hasPartnerCancel(db: Db, connectionId: number, reservationNumber: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM partner_events WHERE connection_id = ? AND reservation_number = ? AND res_status = 'Cancel' AND reservation_id IS NOT NULL`)
      .get(connectionId, reservationNumber) !== undefined
  );
}
