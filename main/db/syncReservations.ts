/**
 * The reservation files an import touches, with statements prepared once (statements.ts): a first
 * read of a big feed creates thousands of files, and preparing SQL per row would cost more
 * than parsing the calendar. Single-row helpers for the rare changes are in reservations.ts.
 */
import type { HistoryActor, ReservationKind, ReservationStatus, StoredFlag } from '../../shared/domain';
import type { Night } from '../../shared/nights';
import type { Db } from './connection';
import { prepared } from './statements';
import type { ReservationFields } from './reservations';

/** What reconcile needs to know of a file that came from a feed. */
export interface FeedFile {
  id: number;
  externalId: string;
  kind: ReservationKind;
  status: ReservationStatus;
  arrival: Night;
  departure: Night;
  flags: StoredFlag[];
}

type FeedFileRow = [number, string, ReservationKind, ReservationStatus, string, string, number, number, number];

/** The files imported from this connection for this unit (those a feed read can match). */
export function listFeedFiles(db: Db, connectionId: number, unitId: number): FeedFile[] {
  const rows = prepared(
    db,
    `SELECT id, external_id, kind, status, arrival, departure, flag_gone_from_feed, flag_changed_by_partner, flag_suspicious_feed
     FROM reservations WHERE source_connection_id = ? AND unit_id = ? AND external_id IS NOT NULL`,
  )
    .raw()
    .all(connectionId, unitId) as FeedFileRow[];
  return rows.map(([id, externalId, kind, status, arrival, departure, gone, changed, suspicious]) => {
    const flags: StoredFlag[] = [];
    if (gone) flags.push('goneFromFeed');
    if (changed) flags.push('changedByPartner');
    if (suspicious) flags.push('suspiciousFeed');
    return { id, externalId, kind, status, arrival, departure, flags };
  });
}

/** What a feed tells of a stay; the other fields of a new file start empty. */
export type ImportedFields = Pick<
  ReservationFields,
  'externalId' | 'partnerReference' | 'kind' | 'status' | 'arrival' | 'departure' | 'guests' | 'guestName' | 'email' | 'phone'
> & { rawText: string };

export interface ReservationWriter {
  insert(fields: ImportedFields, unitId: number, connectionId: number): number;
  history(reservationId: number, action: string, changes: Record<string, [unknown, unknown]>): void;
}

/** Inserts files and history rows at one instant, by one actor, with statements prepared once. */
export function reservationWriter(db: Db, actor: HistoryActor, now: Date): ReservationWriter {
  const at = now.toISOString();
  const insert = prepared(
    db,
    `INSERT INTO reservations (unit_id, source_connection_id, partner_reference, external_id, kind, status, arrival, departure,
       guests, guest_name, email, phone, address, amount_cents, commission_cents, payout_date, notes, raw_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const history = prepared(db, `INSERT INTO reservation_history (reservation_id, at, actor_kind, actor_connection_id, action, changes) VALUES (?, ?, ?, ?, ?, ?)`);
  return {
    // Positional parameters: binding by name costs a lookup per column per row.
    insert: (f, unitId, connectionId) =>
      Number(
        insert.run(
          unitId, connectionId, f.partnerReference, f.externalId, f.kind, f.status, f.arrival, f.departure, f.guests, f.guestName,
          f.email, f.phone, null, null, null, null, '', f.rawText, at, at,
        ).lastInsertRowid,
      ),
    history: (reservationId, action, changes) => void history.run(reservationId, at, actor.kind, actor.connectionId, action, JSON.stringify(changes)),
  };
}
