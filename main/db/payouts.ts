/**
 * The files the payouts view sums (main/payouts/payouts.ts): bookings, confirmed or pending,
 * whose payout month falls in a range. The payout month is the payout date's month, else the
 * departure's; one range read on that expression, which migration 004 indexes (bookings only,
 * so the partners' "not available" blocks never cost a thing here). The commission invoices go
 * by departure month instead, so their stays have their own read (listInvoiceFiles).
 */
import type { Month } from '../../shared/months';
import { firstNightOf, lastNightOf } from '../../shared/months';
import type { PayoutFile } from '../payouts/payouts';
import type { Db } from './connection';

/**
 * Exported for the migration's test, which checks that SQLite reads it through the index.
 * The expression must stay `coalesce(payout_date, departure)`, word for word as indexed.
 */
export const PAYOUT_FILES_SQL = `
  SELECT id, source_connection_id, kind, status, departure, amount_cents, commission_cents, payout_date
  FROM reservations
  WHERE kind = 'booking'
    AND coalesce(payout_date, departure) BETWEEN @firstNight AND @lastNight
    AND status IN ('confirmed', 'pending')
  ORDER BY coalesce(payout_date, departure), id`;

interface PayoutFileRow {
  id: number;
  source_connection_id: number | null;
  kind: PayoutFile['kind'];
  status: PayoutFile['status'];
  departure: string;
  amount_cents: number | null;
  commission_cents: number | null;
  payout_date: string | null;
}

/**
 * The stays a commission invoice covers: confirmed bookings of the given connections departing
 * in the range, whatever their payout date. Read through the index on source_connection_id,
 * one connection at a time (only the channels that invoice monthly are asked for).
 */
export const INVOICE_FILES_SQL = `
  SELECT id, source_connection_id, kind, status, departure, amount_cents, commission_cents, payout_date
  FROM reservations
  WHERE source_connection_id IN (SELECT value FROM json_each(@connectionIds))
    AND kind = 'booking'
    AND status = 'confirmed'
    AND departure BETWEEN @firstNight AND @lastNight
  ORDER BY departure, id`;

/** Confirmed and pending bookings paid in `fromMonth` … `toMonth` (both included). */
export function listPayoutFiles(db: Db, fromMonth: Month, toMonth: Month): PayoutFile[] {
  const rows = db.prepare(PAYOUT_FILES_SQL).all({ firstNight: firstNightOf(fromMonth), lastNight: lastNightOf(toMonth) }) as PayoutFileRow[];
  return rows.map(toPayoutFile);
}

/** Confirmed bookings of `connectionIds` departing in `fromMonth` … `toMonth` (both included). */
export function listInvoiceFiles(db: Db, connectionIds: readonly number[], fromMonth: Month, toMonth: Month): PayoutFile[] {
  if (connectionIds.length === 0) return [];
  const rows = db
    .prepare(INVOICE_FILES_SQL)
    .all({ connectionIds: JSON.stringify(connectionIds), firstNight: firstNightOf(fromMonth), lastNight: lastNightOf(toMonth) }) as PayoutFileRow[];
  return rows.map(toPayoutFile);
}

function toPayoutFile(row: PayoutFileRow): PayoutFile {
  return {
    id: row.id,
    sourceConnectionId: row.source_connection_id,
    kind: row.kind,
    status: row.status,
    departure: row.departure,
    amountCents: row.amount_cents,
    commissionCents: row.commission_cents,
    payoutDate: row.payout_date,
  };
}
