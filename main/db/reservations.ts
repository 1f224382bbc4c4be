import { STOCK_HOLDING_STATUSES, type AttentionFlag, type Reservation, type ReservationKind, type ReservationStatus, type StoredFlag } from '../../shared/domain';
import type { Night } from '../../shared/nights';
import { foldForSearch, type Db } from './connection';
import { prepared } from './statements';

interface ReservationRow {
  id: number;
  unit_id: number;
  source_connection_id: number | null;
  partner_reference: string | null;
  external_id: string | null;
  kind: ReservationKind;
  status: ReservationStatus;
  arrival: string;
  departure: string;
  guests: number | null;
  guest_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  amount_cents: number | null;
  commission_cents: number | null;
  payout_date: string | null;
  notes: string;
  raw_text: string | null;
  flag_gone_from_feed: number;
  flag_changed_by_partner: number;
  flag_suspicious_feed: number;
  created_at: string;
  updated_at: string;
}

const FLAG_COLUMNS: Record<StoredFlag, keyof ReservationRow> = {
  goneFromFeed: 'flag_gone_from_feed',
  changedByPartner: 'flag_changed_by_partner',
  suspiciousFeed: 'flag_suspicious_feed',
};

function rowToReservation(row: ReservationRow): Reservation {
  const flags: AttentionFlag[] = (Object.keys(FLAG_COLUMNS) as StoredFlag[]).filter((f) => row[FLAG_COLUMNS[f]] === 1);
  return {
    id: row.id,
    unitId: row.unit_id,
    sourceConnectionId: row.source_connection_id,
    partnerReference: row.partner_reference,
    kind: row.kind,
    status: row.status,
    arrival: row.arrival,
    departure: row.departure,
    guests: row.guests,
    guestName: row.guest_name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    amountCents: row.amount_cents,
    commissionCents: row.commission_cents,
    payoutDate: row.payout_date,
    notes: row.notes,
    rawText: row.raw_text,
    flags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The fields a caller may write; flags go through setFlag. */
export interface ReservationFields {
  unitId: number;
  sourceConnectionId: number | null;
  partnerReference: string | null;
  externalId: string | null;
  kind: ReservationKind;
  status: ReservationStatus;
  arrival: Night;
  departure: Night;
  guests: number | null;
  guestName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  amountCents: number | null;
  commissionCents: number | null;
  payoutDate: Night | null;
  notes: string;
  rawText: string | null;
}

const COLUMNS: Record<keyof ReservationFields, string> = {
  unitId: 'unit_id',
  sourceConnectionId: 'source_connection_id',
  partnerReference: 'partner_reference',
  externalId: 'external_id',
  kind: 'kind',
  status: 'status',
  arrival: 'arrival',
  departure: 'departure',
  guests: 'guests',
  guestName: 'guest_name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  amountCents: 'amount_cents',
  commissionCents: 'commission_cents',
  payoutDate: 'payout_date',
  notes: 'notes',
  rawText: 'raw_text',
};

export function getReservation(db: Db, id: number): Reservation | null {
  const row = prepared(db, 'SELECT * FROM reservations WHERE id = ?').get(id) as ReservationRow | undefined;
  return row ? rowToReservation(row) : null;
}

const INSERT_KEYS = Object.keys(COLUMNS) as (keyof ReservationFields)[];
// The row comes back with the insert (RETURNING *): no second read of what was just written.
const INSERT_SQL = `INSERT INTO reservations (${INSERT_KEYS.map((k) => COLUMNS[k]).join(', ')}, created_at, updated_at)
  VALUES (${INSERT_KEYS.map((k) => `@${k}`).join(', ')}, @at, @at) RETURNING *`;

export function insertReservation(db: Db, fields: ReservationFields, now: Date): Reservation {
  const row = prepared(db, INSERT_SQL).get({ ...fields, at: now.toISOString() }) as ReservationRow;
  return rowToReservation(row);
}

export function updateReservation(db: Db, id: number, changes: Partial<ReservationFields>, now: Date): Reservation {
  const keys = (Object.keys(changes) as (keyof ReservationFields)[]).filter((k) => k in COLUMNS);
  const assignments = keys.map((k) => `${COLUMNS[k]} = @${k}`);
  db.prepare(`UPDATE reservations SET ${[...assignments, 'updated_at = @at'].join(', ')} WHERE id = @id`).run({
    ...changes,
    id,
    at: now.toISOString(),
  });
  return getReservation(db, id)!;
}

export function setFlag(db: Db, id: number, flag: StoredFlag, on: boolean, now: Date): void {
  prepared(db, `UPDATE reservations SET ${FLAG_COLUMNS[flag]} = ?, updated_at = ? WHERE id = ?`).run(on ? 1 : 0, now.toISOString(), id);
}

/** Files of these units (all when null) whose stay overlaps first … last night and that hold stock. */
export function listStockHolding(db: Db, unitIds: number[] | null, firstNight: Night, lastNight: Night): Reservation[] {
  const rows = prepared(
    db,
    `SELECT * FROM reservations
     WHERE status IN (SELECT value FROM json_each(@holding))
       AND arrival <= @lastNight AND departure > @firstNight
       AND (@all OR unit_id IN (SELECT value FROM json_each(@unitIds)))
     ORDER BY unit_id, arrival, id`,
  ).all({ holding: JSON.stringify(STOCK_HOLDING_STATUSES), firstNight, lastNight, all: unitIds === null ? 1 : 0, unitIds: JSON.stringify(unitIds ?? []) }) as ReservationRow[];
  return rows.map(rowToReservation);
}

export interface ReservationFilter {
  statuses?: ReservationStatus[];
  source?: number | 'direct';
  unitId?: number;
  firstNight?: Night;
  lastNight?: Night;
  search?: string;
  flaggedOnly?: boolean;
}

/** Every file matching the filter, by arrival; paging is the caller's (it adds computed flags first). */
export function findReservations(db: Db, filter: ReservationFilter): Reservation[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.statuses?.length) {
    where.push('status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(filter.statuses);
  }
  if (filter.source === 'direct') where.push('source_connection_id IS NULL');
  else if (filter.source !== undefined) {
    where.push('source_connection_id = @source');
    params.source = filter.source;
  }
  if (filter.unitId !== undefined) {
    where.push('unit_id = @unitId');
    params.unitId = filter.unitId;
  }
  if (filter.firstNight) {
    where.push('departure > @firstNight');
    params.firstNight = filter.firstNight;
  }
  if (filter.lastNight) {
    where.push('arrival <= @lastNight');
    params.lastNight = filter.lastNight;
  }
  if (filter.search) {
    // Folded on both sides (accents, case); LIKE wildcards escaped, so "100%" or "_" are literal.
    const fields = ['guest_name', 'email', 'phone', 'partner_reference', 'notes'];
    where.push(`(${fields.map((f) => `fold(${f}) LIKE @search ESCAPE '\\'`).join(' OR ')})`);
    params.search = `%${foldForSearch(filter.search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filter.flaggedOnly) where.push('(flag_gone_from_feed = 1 OR flag_changed_by_partner = 1 OR flag_suspicious_feed = 1)');
  const sql = `SELECT * FROM reservations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY arrival, id`;
  return (db.prepare(sql).all(params) as ReservationRow[]).map(rowToReservation);
}
