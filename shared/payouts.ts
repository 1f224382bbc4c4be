/**
 * What 'payouts:list' answers (issue 9): per payout month and per channel, the money the owner
 * is owed — gross, commission, net, when it is paid — and each month's expected commission
 * invoice. Built by main/payouts/payouts.ts; every amount is integer cents.
 *
 * A null amount means "not known here" (an iCal partner keeps its commissions and payout dates
 * in its own extranet), never zero: the page must not show 0 € for what it does not know.
 */
import type { Channel } from './domain';
import type { Cents } from './money';
import type { Month } from './months';
import type { Night } from './nights';

/** Money figures of a set of confirmed stays (a channel's row, or a month's total). */
export interface PayoutFigures {
  /** Confirmed stays, with or without an amount. */
  stays: number;
  /** Stays whose file holds no amount: counted here, in no sum. */
  staysWithoutAmount: number;
  /** Sum of the amounts the guests paid; null when no stay holds an amount (nothing is known). */
  grossCents: Cents | null;
  /** Sum of the known commissions of the stays with an amount; null when none is known. */
  commissionCents: Cents | null;
  /** Stays with an amount whose commission is not known: `commissionCents` leaves them out. */
  staysWithoutCommission: number;
  /** Gross − commission; null unless the commission of every stay with an amount is known. */
  netCents: Cents | null;
}

/** One channel (connection) in one month, or the direct bookings (connectionId null). */
export interface PayoutRow extends PayoutFigures {
  connectionId: number | null;
  channel: Channel | null;
  /** The connection's name; null for direct bookings (the page names them). */
  name: string | null;
  /** The connection was removed; its files stay and still count. */
  removed: boolean;
  /**
   * When the channel pays the owner, distinct and in order (Alma Heritage: the last day of the
   * month of departure). Empty for direct bookings: the guest pays the owner, no payout.
   */
  payoutDates: Night[];
  /** Stays of a channel whose payout date is not known here. Always 0 for direct bookings. */
  staysWithoutPayoutDate: number;
}

/** The commission invoice a channel sends for the month (Alma Heritage, by e-mail). */
export interface CommissionInvoice {
  connectionId: number;
  channel: Channel;
  name: string;
  /** Sum of the known commissions of the stays departing that month. */
  commissionCents: Cents;
  stays: number;
  /** Stays with an amount whose commission is not known: the invoice will be higher by theirs. */
  staysWithoutCommission: number;
}

/** Bookings on request: not money yet, shown apart as awaiting the owner's decision. */
export interface PendingFigures {
  stays: number;
  staysWithoutAmount: number;
  grossCents: Cents;
}

export interface PayoutMonth {
  month: Month;
  /** Channels by connection id, direct bookings last; empty when the month has no confirmed stay. */
  rows: PayoutRow[];
  totals: PayoutFigures;
  invoices: CommissionInvoice[];
  pending: PendingFigures;
}

export interface PayoutsResult {
  fromMonth: Month;
  toMonth: Month;
  /** Every month of the range, in order, empty ones included. */
  months: PayoutMonth[];
}
