/** Short ways to say what a feed must look like after a case (see invariants.ts). */
import type { SyncOutcome } from '../../main/db/syncRuns';
import type { Expectation, FeedExpectation } from './invariants';
import type { PartnerCalendar } from './property';

/** The feed read well: its files hold this calendar. */
export function inStep(calendar: PartnerCalendar, outcome: SyncOutcome = 'unchanged'): FeedExpectation {
  return { calendar, health: 'ok', run: { outcome, key: null } };
}

/** The feed's last read failed or was refused for this reason: its files still hold `calendar`, the last good one. */
export function failing(calendar: PartnerCalendar, outcome: 'failed' | 'rejected', key: string, httpStatus: number | null): FeedExpectation {
  return { calendar, health: 'failing', run: { outcome, key: `feeds.problem.${key}`, httpStatus } };
}

type AlertTag = Expectation['alerts'][number];

/** What each room's second version of its calendar tells the owner. */
export const V2_ALERTS: Record<'grange' | 'fournil' | 'bergerie', AlertTag[]> = {
  // g-5 new, g-2 moved, g-3 removed (cancelled: Airbnb sends cancellations).
  grange: ['newBooking@Airbnb', 'changedByPartner@Airbnb', 'cancellation@Airbnb'],
  fournil: ['newBooking@Airbnb'],
  // b-3 new, b-2 gone but still held (Deskline sends no cancellations).
  bergerie: ['newBooking@Gîtes de France', 'cancellation@Gîtes de France'],
};
