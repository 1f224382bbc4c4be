/**
 * The payouts view (issue 9), as a pure function of the reservation files and the connections:
 * per payout month and per channel, gross, commission, net and payout date, and each month's
 * expected commission invoice. main/db/payouts.ts reads the files; this decides what counts.
 *
 * What counts as money:
 * - bookings only (blocks are not stays), and only confirmed ones;
 * - pending bookings (on request) are not money yet: they are summed apart per month, as
 *   "awaiting your decision", and enter no row, total or invoice;
 * - cancelled and refused files do not count. A cancelled prepaid Alma Heritage stay may still
 *   leave cancellation fees, but Alma's customer service settles them and we do not know them:
 *   counting anything would be a guess.
 *
 * Which month: the payout month — the month of the file's payout date when it has one, else the
 * month of its departure (main/db/payouts.ts selects by the same expression). The commission
 * invoice alone goes by the month of departure, as the partner bills it.
 *
 * Commissions: the file's own figure (what the partner sent, or the owner typed); else, for a
 * connection with a contract rate (Alma: 1300 bp), that rate of the stay's amount rounded to
 * the cent per stay, as the partner bills per booking; a direct booking pays none; anything
 * else is not known here (an iCal partner keeps its commissions in its extranet) and stays
 * null, never 0. A file without an amount enters no sum; it is only counted.
 *
 * Money is integer cents throughout: sums of integers, never of floats.
 */
import type { ChannelConnection, Reservation } from '../../shared/domain';
import { percentOf, type Cents } from '../../shared/money';
import { monthOf, monthsFromTo, type Month } from '../../shared/months';
import type { Night } from '../../shared/nights';
import type { CommissionInvoice, PayoutFigures, PayoutMonth, PayoutRow, PayoutsResult, PendingFigures } from '../../shared/payouts';
import { payoutRuleOf } from './channelRules';

/** What the view needs of a file. */
export type PayoutFile = Pick<Reservation, 'id' | 'sourceConnectionId' | 'kind' | 'status' | 'departure' | 'amountCents' | 'commissionCents' | 'payoutDate'>;
/** What the view needs of a connection. */
export type PayoutConnection = Pick<ChannelConnection, 'id' | 'channel' | 'name' | 'status' | 'commissionBasisPoints'>;

export interface MonthRange {
  fromMonth: Month;
  toMonth: Month;
}

/** The month a file is paid in: its payout date's, else its departure's. */
export function payoutMonthOf(file: Pick<PayoutFile, 'payoutDate' | 'departure'>): Month {
  return monthOf(file.payoutDate ?? file.departure);
}

/** The file's commission in cents, or null when it is not known here (see the header). */
export function commissionOf(file: PayoutFile, connection: PayoutConnection | null): Cents | null {
  if (file.commissionCents !== null) return file.commissionCents;
  if (file.sourceConnectionId === null) return 0;
  const basisPoints = connection?.commissionBasisPoints ?? null;
  if (file.amountCents !== null && basisPoints !== null) return percentOf(file.amountCents, basisPoints);
  return null;
}

/** When the channel pays this stay: the file's date, else the channel's rule; null when not known here. */
function payoutDateOf(file: PayoutFile, connection: PayoutConnection | null): Night | null {
  return file.payoutDate ?? payoutRuleOf(connection?.channel ?? null)?.payoutDate(file.departure) ?? null;
}

type Lookup = (file: PayoutFile) => PayoutConnection | null;

/** Gross, commission and net of confirmed stays; money from the files that hold an amount only. */
export function figuresOf(files: PayoutFile[], connectionOf: Lookup): PayoutFigures {
  let grossCents = 0;
  let knownCommission = 0;
  let withAmount = 0;
  let withCommission = 0;
  for (const file of files) {
    if (file.amountCents === null) continue;
    withAmount += 1;
    grossCents += file.amountCents;
    const commission = commissionOf(file, connectionOf(file));
    if (commission !== null) {
      withCommission += 1;
      knownCommission += commission;
    }
  }
  const stays = files.length;
  const nothingKnown = stays > 0 && withAmount === 0;
  const commissionCents = stays > 0 && withCommission === 0 ? null : knownCommission;
  const staysWithoutCommission = withAmount - withCommission;
  return {
    stays,
    staysWithoutAmount: stays - withAmount,
    grossCents: nothingKnown ? null : grossCents,
    commissionCents,
    staysWithoutCommission,
    netCents: nothingKnown || commissionCents === null || staysWithoutCommission > 0 ? null : grossCents - commissionCents,
  };
}

function rowOf(connectionId: number | null, files: PayoutFile[], connection: PayoutConnection | null): PayoutRow {
  const figures = figuresOf(files, () => connection);
  if (connectionId === null) {
    return { connectionId, channel: null, name: null, removed: false, ...figures, payoutDates: [], staysWithoutPayoutDate: 0 };
  }
  const dates = new Set<Night>();
  let staysWithoutPayoutDate = 0;
  for (const file of files) {
    const date = payoutDateOf(file, connection);
    if (date === null) staysWithoutPayoutDate += 1;
    else dates.add(date);
  }
  return {
    connectionId,
    channel: connection?.channel ?? null,
    name: connection?.name ?? null,
    removed: connection?.status === 'removed',
    ...figures,
    payoutDates: [...dates].sort(),
    staysWithoutPayoutDate,
  };
}

/** Groups by a key, keeping first-seen order of keys. */
function groupBy<K, T>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Channels by connection id, direct bookings last. */
function compareConnectionIds(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/**
 * A month's commission invoices: per connection whose channel bills its commission monthly,
 * its confirmed stays departing that month. Chosen by departure among all the files, not among
 * the month's payouts: a stay whose payout date moved to another month (Alma paid it late, or
 * the owner corrected the date) is still on its departure month's invoice.
 */
function invoicesOf(departing: PayoutFile[], connections: Map<number, PayoutConnection>): CommissionInvoice[] {
  const invoices: CommissionInvoice[] = [];
  const byConnection = groupBy(departing, (file) => file.sourceConnectionId!);
  for (const [connectionId, files] of [...byConnection].sort(([a], [b]) => a - b)) {
    const connection = connections.get(connectionId);
    if (!connection || !payoutRuleOf(connection.channel)?.invoicesCommissionMonthly) continue;
    let commissionCents = 0;
    let staysWithoutCommission = 0;
    for (const file of files) {
      // Billed on what the stay cost, so a file's own commission counts even without an amount.
      const commission = commissionOf(file, connection);
      if (commission === null) staysWithoutCommission += 1;
      else commissionCents += commission;
    }
    invoices.push({ connectionId, channel: connection.channel, name: connection.name, commissionCents, stays: files.length, staysWithoutCommission });
  }
  return invoices;
}

function pendingOf(files: PayoutFile[]): PendingFigures {
  const withAmount = files.filter((file) => file.amountCents !== null);
  return {
    stays: files.length,
    staysWithoutAmount: files.length - withAmount.length,
    grossCents: withAmount.reduce((sum, file) => sum + file.amountCents!, 0),
  };
}

/**
 * `files`: every file the range concerns — paid in it (rows, totals, pending) or departing in it
 * (invoices); a file outside the range on both counts is ignored. main/db/payouts.ts reads both.
 */
export function buildPayouts(files: readonly PayoutFile[], connectionList: readonly PayoutConnection[], range: MonthRange): PayoutsResult {
  const connections = new Map(connectionList.map((c) => [c.id, c]));
  const connectionOf: Lookup = (file) => (file.sourceConnectionId === null ? null : (connections.get(file.sourceConnectionId) ?? null));
  const bookings = files.filter((file) => file.kind === 'booking' && (file.status === 'confirmed' || file.status === 'pending'));
  const byMonth = groupBy(bookings, payoutMonthOf);
  const channelStays = bookings.filter((file) => file.status === 'confirmed' && file.sourceConnectionId !== null);
  const byDepartureMonth = groupBy(channelStays, (file) => monthOf(file.departure));

  const months = monthsFromTo(range.fromMonth, range.toMonth).map((month): PayoutMonth => {
    const inMonth = byMonth.get(month) ?? [];
    const confirmed = inMonth.filter((file) => file.status === 'confirmed');
    const byConnection = groupBy(confirmed, (file) => file.sourceConnectionId);
    const rows = [...byConnection]
      .sort(([a], [b]) => compareConnectionIds(a, b))
      .map(([connectionId, group]) => rowOf(connectionId, group, connectionId === null ? null : (connections.get(connectionId) ?? null)));
    return {
      month,
      rows,
      totals: figuresOf(confirmed, connectionOf),
      invoices: invoicesOf(byDepartureMonth.get(month) ?? [], connections),
      pending: pendingOf(inMonth.filter((file) => file.status === 'pending')),
    };
  });
  return { fromMonth: range.fromMonth, toMonth: range.toMonth, months };
}
