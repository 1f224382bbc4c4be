/**
 * What one channel must be told is gone (DESIGN §4 export): the nights where the unit has no
 * stock left for that channel — closed nights included — merged into runs of consecutive
 * nights. Stays that came from the channel itself are left out: the partner knows its own
 * bookings, and sending them back would come round again as a block of ours (an echo loop).
 * Pure: the caller loads the schedule.
 */
import { addDays, type Night } from '../../shared/nights';
import { nightsAvailability, type UnitSchedule } from './availability';

/** Consecutive nights, both ends included. */
export interface NightRun {
  firstNight: Night;
  lastNight: Night;
}

/** Nights of `first` … `last` with nothing left to sell to `connectionId`. */
export function blockedNightsForChannel(schedule: UnitSchedule, connectionId: number, first: Night, last: Night): Night[] {
  const others = { ...schedule, reservations: schedule.reservations.filter((r) => r.sourceConnectionId !== connectionId) };
  // free ≤ 0: sold out, closed (stock 0), stock set to 0, or already overbooked.
  return nightsAvailability(others, first, last)
    .filter((n) => n.free <= 0)
    .map((n) => n.night);
}

/** Sorted nights → maximal runs of consecutive nights. */
export function mergeNights(nights: readonly Night[]): NightRun[] {
  const runs: NightRun[] = [];
  for (const night of nights) {
    const current = runs[runs.length - 1];
    if (current && addDays(current.lastNight, 1) === night) current.lastNight = night;
    else runs.push({ firstNight: night, lastNight: night });
  }
  return runs;
}

export function blockedRunsForChannel(schedule: UnitSchedule, connectionId: number, first: Night, last: Night): NightRun[] {
  return mergeNights(blockedNightsForChannel(schedule, connectionId, first, last));
}

