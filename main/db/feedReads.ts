/**
 * The stays of each feed's last good read (migration 002): what reconcile compares the next
 * read with. Saved as a difference, so a read that changes two stays writes two rows.
 */
import type { Night } from '../../shared/nights';
import type { Db } from './connection';
import { prepared } from './statements';

/** As main/ical/feedTypes.ts classifies them (the store does not import the parser). */
export type EventKind = 'reservation' | 'block' | 'unknown';
export type EventStatus = 'confirmed' | 'tentative' | 'cancelled';

export interface ReadStay {
  key: string;
  uid: string;
  arrival: Night;
  departure: Night;
  kind: EventKind;
  status: EventStatus;
  sequence: number;
  dtstamp: string | null;
  /** The guest details the partner sent, as JSON; null when none. */
  guest: string | null;
  reservationId: number | null;
}

type ReadStayRow = [string, string, string, string, EventKind, EventStatus, number, string | null, string | null, number | null];

export function listReadStays(db: Db, feedId: number): ReadStay[] {
  // Raw rows (arrays): a feed may hold tens of thousands of stays, loaded at every changed read.
  const rows = prepared(db, 'SELECT stay_key, uid, arrival, departure, kind, status, sequence, dtstamp, guest, reservation_id FROM feed_read_stays WHERE feed_id = ?')
    .raw()
    .all(feedId) as ReadStayRow[];
  return rows.map(([key, uid, arrival, departure, kind, status, sequence, dtstamp, guest, reservationId]) => ({
    key,
    uid,
    arrival,
    departure,
    kind,
    status,
    sequence,
    dtstamp,
    guest,
    reservationId,
  }));
}

function same(a: ReadStay, b: ReadStay): boolean {
  return (
    a.uid === b.uid &&
    a.arrival === b.arrival &&
    a.departure === b.departure &&
    a.kind === b.kind &&
    a.status === b.status &&
    a.sequence === b.sequence &&
    a.dtstamp === b.dtstamp &&
    a.guest === b.guest &&
    a.reservationId === b.reservationId
  );
}

/** Makes the feed's stored read equal to `next`, writing only the rows that differ from `previous`. */
export function saveReadStays(db: Db, feedId: number, previous: readonly ReadStay[], next: readonly ReadStay[]): void {
  const before = new Map(previous.map((s) => [s.key, s]));
  const upsert = prepared(
    db,
    `INSERT INTO feed_read_stays (feed_id, stay_key, uid, arrival, departure, kind, status, sequence, dtstamp, guest, reservation_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (feed_id, stay_key) DO UPDATE SET uid = excluded.uid, arrival = excluded.arrival, departure = excluded.departure,
       kind = excluded.kind, status = excluded.status, sequence = excluded.sequence, dtstamp = excluded.dtstamp,
       guest = excluded.guest, reservation_id = excluded.reservation_id`,
  );
  const remove = prepared(db, 'DELETE FROM feed_read_stays WHERE feed_id = ? AND stay_key = ?');
  const kept = new Set<string>();
  const changed: ReadStay[] = [];
  for (const s of next) {
    kept.add(s.key);
    const old = before.get(s.key);
    if (!old || !same(old, s)) changed.push(s);
  }
  // In key order, the rows append to the table's B-tree instead of splitting pages all over it.
  changed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const s of changed) upsert.run(feedId, s.key, s.uid, s.arrival, s.departure, s.kind, s.status, s.sequence, s.dtstamp, s.guest, s.reservationId);
  for (const key of before.keys()) if (!kept.has(key)) remove.run(feedId, key);
}
