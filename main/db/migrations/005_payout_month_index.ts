import type { Migration } from './index';

/**
 * The payouts view (issue 9, main/db/payouts.ts) reads bookings by payout month: the month of
 * the payout date, else of the departure. No index covered that expression, so every refresh
 * of the view (one per 'reservations:changed', many during a sync round) scanned every file
 * ever recorded. This indexes the expression itself, for bookings only: the partners' "not
 * available" blocks, often the most numerous rows, are never paid and stay out of it.
 */
export const payoutMonthIndex: Migration = {
  version: 5,
  name: '005_payout_month_index',
  up(db) {
    db.exec(`
      CREATE INDEX reservations_payout_month ON reservations (coalesce(payout_date, departure)) WHERE kind = 'booking';
    `);
  },
};
