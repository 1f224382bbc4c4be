/**
 * The outbox of API channels (migration 004): which nights of which mapped room must be sent
 * again (filled by the database's triggers, or by a full resend), and the owner's answers to
 * on-request bookings. Rows never carry ARI values: the pusher reads the schedule when it sends.
 *
 * Concurrency rule: a push reads rows with their `revision`, sends, then deletes each row only
 * `WHERE id = ? AND revision = ?`. Any change to a row meanwhile (a trigger widening it, a merge,
 * a full resend) bumps the revision, so the row survives and goes out again with the new state.
 *
 * Close-outs: a room type Alma Heritage must stop selling (unmapped, renamed, or its channel
 * removed) is an 'availability' row with payload {"closeOut": roomCode} and no nights: the pusher
 * sends BookingLimit 0 over the whole horizon for that code. No night range, so the triggers and
 * merges (which compare nights) never touch it; queued in the outbox so it survives a restart or
 * an offline spell, and is sent even once the connection is removed.
 */
import { addDays } from '../../shared/nights';
import { OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST } from './migrations/004_api_channels';
import type { Db } from './connection';

export type AriKind = 'availability' | 'rates' | 'restrictions';
export const ARI_KINDS: readonly AriKind[] = ['availability', 'rates', 'restrictions'];

export interface AriOutboxRow {
  id: number;
  connectionId: number;
  unitId: number;
  kind: AriKind;
  firstNight: string;
  lastNight: string;
  revision: number;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface DecisionPayload {
  reservationId: number;
  reservationNumber: string;
  decision: 'accept' | 'refuse';
}

export interface DecisionOutboxRow {
  id: number;
  connectionId: number;
  revision: number;
  attempts: number;
  decision: DecisionPayload;
}

/** Which rows a push handled, with the revision it read. */
export interface SentRow {
  id: number;
  revision: number;
}

/** SQL: the row is a close-out (see above), not a range of nights. */
const IS_CLOSE_OUT = `json_extract(payload, '$.closeOut') IS NOT NULL`;
/** SQL: a row of nights to send (stock, restrictions or rates). */
const IS_NIGHTS = `message_kind != 'reservation_status' AND NOT (${IS_CLOSE_OUT})`;

export interface CloseOutRow {
  id: number;
  connectionId: number;
  unitId: number;
  roomCode: string;
  revision: number;
  attempts: number;
}

const ARI_COLUMNS = `id, connection_id AS connectionId, unit_id AS unitId, message_kind AS kind,
  first_night AS firstNight, last_night AS lastNight, revision, attempts,
  next_attempt_at AS nextAttemptAt, created_at AS createdAt`;

/**
 * Queues every night of every mapped room of the connection, all three kinds: one open-range
 * row per (unit, kind), absorbing what is already waiting (revision bumped, so a push in flight
 * does not delete it). Due at once, whatever backoff the earlier rows were in.
 */
export function enqueueFullResend(db: Db, connectionId: number, kinds: readonly AriKind[] = ARI_KINDS): void {
  const units = db.prepare('SELECT unit_id AS unitId FROM api_room_mappings WHERE connection_id = ? ORDER BY unit_id').all(connectionId) as {
    unitId: number;
  }[];
  const existing = db.prepare(`SELECT id FROM outbox WHERE connection_id = ? AND unit_id = ? AND message_kind = ? AND NOT (${IS_CLOSE_OUT}) ORDER BY id`);
  const widen = db.prepare(
    `UPDATE outbox SET first_night = ?, last_night = ?, revision = revision + 1, next_attempt_at = NULL WHERE id = ?`,
  );
  const remove = db.prepare('DELETE FROM outbox WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO outbox (connection_id, unit_id, message_kind, first_night, last_night, created_at)
     VALUES (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  );
  db.transaction(() => {
    for (const { unitId } of units) {
      for (const kind of kinds) {
        const ids = (existing.all(connectionId, unitId, kind) as { id: number }[]).map((r) => r.id);
        const [keep, ...rest] = ids;
        if (keep === undefined) insert.run(connectionId, unitId, kind, OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST);
        else {
          widen.run(OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST, keep);
          for (const id of rest) remove.run(id);
        }
      }
    }
  })();
}

/** Queues nights first..last of one mapped unit, merged like the triggers do (the horizon's new nights). */
export function enqueueNights(db: Db, connectionId: number, unitId: number, kind: AriKind, first: string, last: string): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE outbox SET first_night = min(first_night, @first), last_night = max(last_night, @last), revision = revision + 1
       WHERE connection_id = @connectionId AND unit_id = @unitId AND message_kind = @kind
         AND first_night <= date(@last, '+1 day') AND last_night >= date(@first, '-1 day')`,
    ).run({ connectionId, unitId, kind, first, last });
    db.prepare(
      `INSERT INTO outbox (connection_id, unit_id, message_kind, first_night, last_night, created_at)
       SELECT @connectionId, @unitId, @kind, @first, @last, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE connection_id = @connectionId AND unit_id = @unitId
         AND message_kind = @kind AND first_night <= @first AND last_night >= @last)`,
    ).run({ connectionId, unitId, kind, first, last });
  })();
}

/** The owner's answer to an on-request booking; it goes out with the next push. */
export function enqueueDecision(
  db: Db,
  connectionId: number,
  decision: { reservationId: number; reservationNumber: string; decision: 'accept' | 'refuse' },
  now: Date,
): void {
  const unit = db.prepare('SELECT unit_id AS unitId FROM reservations WHERE id = ?').get(decision.reservationId) as { unitId: number } | undefined;
  if (unit === undefined) throw new Error(`enqueueDecision: no reservation ${decision.reservationId}`);
  const payload: DecisionPayload = {
    reservationId: decision.reservationId,
    reservationNumber: decision.reservationNumber,
    decision: decision.decision,
  };
  db.prepare(
    `INSERT INTO outbox (connection_id, unit_id, message_kind, payload, created_at) VALUES (?, ?, 'reservation_status', ?, ?)`,
  ).run(connectionId, unit.unitId, JSON.stringify(payload), now.toISOString());
}

/**
 * Combines rows of the same (connection, unit, kind) whose nights overlap or touch, so a push
 * sends each night once. Two waiting rows can come to overlap when a change between them widens
 * both. The kept row's revision goes up when its range changes; a deleted row's push (if one
 * were in flight) finds nothing to delete, and its nights are still queued in the kept row.
 */
export function mergeAriRows(db: Db, connectionId: number): void {
  db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT ${ARI_COLUMNS} FROM outbox WHERE connection_id = ? AND ${IS_NIGHTS}
         ORDER BY unit_id, message_kind, first_night, last_night DESC, id`,
      )
      .all(connectionId) as AriOutboxRow[];
    const widen = db.prepare(
      `UPDATE outbox SET last_night = ?, attempts = ?, next_attempt_at = ?, revision = revision + 1 WHERE id = ?`,
    );
    const remove = db.prepare('DELETE FROM outbox WHERE id = ?');
    let current: AriOutboxRow | null = null;
    let changed = false;
    const flush = () => {
      if (current !== null && changed) widen.run(current.lastNight, current.attempts, current.nextAttemptAt, current.id);
      changed = false;
    };
    for (const row of rows) {
      const sameGroup = current !== null && current.unitId === row.unitId && current.kind === row.kind;
      if (current !== null && sameGroup && row.firstNight <= nextNight(current.lastNight)) {
        if (row.lastNight > current.lastNight) {
          current.lastNight = row.lastNight;
          changed = true;
        }
        // The merged row is due as soon as either part is: waiting longer would delay a new change.
        current.attempts = Math.min(current.attempts, row.attempts);
        current.nextAttemptAt = earliest(current.nextAttemptAt, row.nextAttemptAt);
        changed = true;
        remove.run(row.id);
        continue;
      }
      flush();
      current = { ...row };
    }
    flush();
  })();
}

function nextNight(night: string): string {
  return night >= OUTBOX_OPEN_LAST ? night : addDays(night, 1);
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  return a < b ? a : b;
}

/** Rows of the connection whose backoff is over (or that never failed). */
export function listDueAriRows(db: Db, connectionId: number, now: Date): AriOutboxRow[] {
  return db
    .prepare(
      `SELECT ${ARI_COLUMNS} FROM outbox
       WHERE connection_id = ? AND ${IS_NIGHTS} AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       ORDER BY unit_id, message_kind, first_night`,
    )
    .all(connectionId, now.toISOString()) as AriOutboxRow[];
}

export function listDueDecisions(db: Db, connectionId: number, now: Date): DecisionOutboxRow[] {
  const rows = db
    .prepare(
      `SELECT id, connection_id AS connectionId, revision, attempts, payload FROM outbox
       WHERE connection_id = ? AND message_kind = 'reservation_status' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       ORDER BY id`,
    )
    .all(connectionId, now.toISOString()) as (Omit<DecisionOutboxRow, 'decision'> & { payload: string })[];
  return rows.map(({ payload, ...row }) => ({ ...row, decision: JSON.parse(payload) as DecisionPayload }));
}

/**
 * Which rows a connection can send now: 'all' (active), 'stock' (paused: its rates and
 * restrictions wait for the resume), 'closeOuts' (removed: its close-outs and answers only).
 */
export type OutboxScope = 'all' | 'stock' | 'closeOuts';

const SCOPE_FILTER: Record<OutboxScope, string> = {
  all: '1',
  stock: `message_kind IN ('availability', 'reservation_status')`,
  closeOuts: `(message_kind = 'reservation_status' OR ${IS_CLOSE_OUT})`,
};

/** When the next waiting row of the connection (that it can send, `scope`) is due, or null when nothing waits. */
export function nextOutboxDueAt(db: Db, connectionId: number, scope: OutboxScope = 'all'): { any: boolean; dueAt: string | null } {
  const row = db
    .prepare(
      `SELECT count(*) AS n, max(next_attempt_at IS NULL) AS anyNow, min(next_attempt_at) AS earliest FROM outbox
       WHERE connection_id = ? AND ${SCOPE_FILTER[scope]}`,
    )
    .get(connectionId) as { n: number; anyNow: number | null; earliest: string | null };
  if (row.n === 0) return { any: false, dueAt: null };
  return { any: true, dueAt: row.anyNow === 1 ? null : row.earliest };
}

/** After the partner's Success: removes what was sent, unless it changed since it was read. */
export function deleteSentRows(db: Db, rows: readonly SentRow[]): void {
  const remove = db.prepare('DELETE FROM outbox WHERE id = ? AND revision = ?');
  db.transaction(() => {
    for (const row of rows) remove.run(row.id, row.revision);
  })();
}

/** A failed send: the rows stay, with their attempt count, the next try (backoff) and why. */
export function recordRowFailure(db: Db, ids: readonly number[], error: string, nextAttemptAt: (attempts: number) => Date): void {
  const read = db.prepare('SELECT attempts FROM outbox WHERE id = ?');
  const write = db.prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?');
  db.transaction(() => {
    for (const id of ids) {
      const row = read.get(id) as { attempts: number } | undefined;
      if (row === undefined) continue;
      const attempts = row.attempts + 1;
      write.run(attempts, nextAttemptAt(attempts).toISOString(), error, id);
    }
  })();
}

/** Makes every waiting row of the connection due now (Sync now, new credentials). */
export function makeOutboxDue(db: Db, connectionId: number): void {
  db.prepare('UPDATE outbox SET next_attempt_at = NULL WHERE connection_id = ?').run(connectionId);
}

/** Drops a decision the partner will never take (the reservation is gone, or already decided). */
export function deleteOutboxRow(db: Db, id: number): void {
  db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
}

/**
 * Alma Heritage must stop selling these room codes (they left the mapping, or the channel is
 * removed): one close-out row per code, due at once. `unitId` is the room the code was sold
 * as (the outbox row needs one). A code already waiting for its close-out is not queued twice.
 */
export function enqueueCloseOuts(db: Db, connectionId: number, rooms: readonly { unitId: number; roomCode: string }[], now: Date): void {
  const waiting = db.prepare(`SELECT 1 FROM outbox WHERE connection_id = ? AND json_extract(payload, '$.closeOut') = ?`);
  const insert = db.prepare(
    `INSERT INTO outbox (connection_id, unit_id, message_kind, payload, created_at) VALUES (?, ?, 'availability', ?, ?)`,
  );
  db.transaction(() => {
    for (const room of rooms) {
      if (waiting.get(connectionId, room.roomCode) === undefined) insert.run(connectionId, room.unitId, JSON.stringify({ closeOut: room.roomCode }), now.toISOString());
    }
  })();
}

/** A code mapped again before its close-out went out: it is sold again, the close-out must not follow the resend. */
export function dropCloseOuts(db: Db, connectionId: number, roomCodes: readonly string[]): void {
  const remove = db.prepare(`DELETE FROM outbox WHERE connection_id = ? AND json_extract(payload, '$.closeOut') = ?`);
  db.transaction(() => {
    for (const code of roomCodes) remove.run(connectionId, code);
  })();
}

export function listDueCloseOuts(db: Db, connectionId: number, now: Date): CloseOutRow[] {
  return db
    .prepare(
      `SELECT id, connection_id AS connectionId, unit_id AS unitId, json_extract(payload, '$.closeOut') AS roomCode, revision, attempts
       FROM outbox WHERE connection_id = ? AND ${IS_CLOSE_OUT} AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id`,
    )
    .all(connectionId, now.toISOString()) as CloseOutRow[];
}

/** Close-outs still waiting (due or in backoff): a removed connection keeps its password until none is left. */
export function countCloseOuts(db: Db, connectionId: number): number {
  return db.prepare(`SELECT count(*) FROM outbox WHERE connection_id = ? AND ${IS_CLOSE_OUT}`).pluck().get(connectionId) as number;
}

/** Removed connections that still owe the partner a close-out. */
export function listClosingConnections(db: Db): number[] {
  return db
    .prepare(
      `SELECT DISTINCT c.id FROM channel_connections c JOIN outbox o ON o.connection_id = c.id
       WHERE c.kind = 'api' AND c.status = 'removed' AND json_extract(o.payload, '$.closeOut') IS NOT NULL ORDER BY c.id`,
    )
    .pluck()
    .all() as number[];
}

/** A removed connection's nights will never go out (it sells nothing now): only its close-outs and answers stay. */
export function dropNightRows(db: Db, connectionId: number): void {
  db.prepare(`DELETE FROM outbox WHERE connection_id = ? AND ${IS_NIGHTS}`).run(connectionId);
}

/** A removed connection is done with: nothing of it is left to send. */
export function dropConnectionOutbox(db: Db, connectionId: number): void {
  db.prepare('DELETE FROM outbox WHERE connection_id = ?').run(connectionId);
}

/** Whether any waiting row of the connection failed last time (its error is still the connection's problem). */
export function anyRowFailing(db: Db, connectionId: number): boolean {
  return db.prepare('SELECT 1 FROM outbox WHERE connection_id = ? AND last_error IS NOT NULL LIMIT 1').get(connectionId) !== undefined;
}

/** The partner settled the reservation itself (it confirmed it): the owner's queued answer is moot. */
export function dropDecisions(db: Db, reservationId: number): void {
  db.prepare(`DELETE FROM outbox WHERE message_kind = 'reservation_status' AND json_extract(payload, '$.reservationId') = ?`).run(reservationId);
}
