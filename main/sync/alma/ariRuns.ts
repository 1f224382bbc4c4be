/**
 * What Alma Heritage must hold for some nights of one mapped room, read from the schedule as it
 * is now (full state, never a delta), as runs of consecutive nights with the same value:
 * - stock: what Alma may still sell, the room's free stock (0 when closed, never below 0);
 * - restrictions: minimum stay, closed, closed to arrival, closed to departure, all four;
 * - rates: the nightly rate in cents.
 */
import type { ApiRoomMapping } from '../../../shared/alma';
import type { NightAvailability } from '../../../shared/domain';
import type { Db } from '../../db/connection';
import type { RateRun, RestrictionRun, StockRun } from '../../channels/alma/messages';
import { toRuns } from '../../channels/alma/runs';
import { availability } from '../../schedule/schedule';
import type { NightRange } from './horizon';

/** The nights of `ranges` (sorted, disjoint), each with its availability, in order. */
export function nightsOf(db: Db, now: Date, unitId: number, ranges: readonly NightRange[]): NightAvailability[] {
  if (ranges.length === 0) return [];
  const first = ranges.reduce((min, r) => (r.first < min ? r.first : min), ranges[0]!.first);
  const last = ranges.reduce((max, r) => (r.last > max ? r.last : max), ranges[0]!.last);
  const ctx = { db, now: () => now, emit: () => undefined };
  const nights = availability(ctx, [unitId], first, last)[0]?.nights ?? [];
  return nights.filter((n) => ranges.some((r) => n.night >= r.first && n.night <= r.last));
}

export const bookingLimit = (n: NightAvailability): number => (n.closed ? 0 : Math.max(0, n.free));

interface Restrictions {
  minStay: number;
  closed: boolean;
  closedToArrival: boolean;
  closedToDeparture: boolean;
}

const restrictionsOf = (n: NightAvailability): Restrictions => ({
  minStay: n.minStay,
  closed: n.closed,
  closedToArrival: n.closedToArrival,
  closedToDeparture: n.closedToDeparture,
});

const sameRestrictions = (a: Restrictions, b: Restrictions) =>
  a.minStay === b.minStay && a.closed === b.closed && a.closedToArrival === b.closedToArrival && a.closedToDeparture === b.closedToDeparture;

export function stockRuns(mapping: ApiRoomMapping, nights: readonly NightAvailability[]): StockRun[] {
  return toRuns(
    nights.map((n) => ({ night: n.night, value: bookingLimit(n) })),
    (a, b) => a === b,
  ).map((run) => ({ roomCode: mapping.roomCode, first: run.first, last: run.last, bookingLimit: run.value }));
}

export function restrictionRuns(mapping: ApiRoomMapping, nights: readonly NightAvailability[]): RestrictionRun[] {
  return toRuns(
    nights.map((n) => ({ night: n.night, value: restrictionsOf(n) })),
    sameRestrictions,
  ).map((run) => ({ roomCode: mapping.roomCode, rateCode: mapping.rateCode, first: run.first, last: run.last, ...run.value }));
}

export function rateRuns(mapping: ApiRoomMapping, nights: readonly NightAvailability[]): RateRun[] {
  return toRuns(
    nights.map((n) => ({ night: n.night, value: n.rateCents })),
    (a, b) => a === b,
  ).map((run) => ({ roomCode: mapping.roomCode, rateCode: mapping.rateCode, first: run.first, last: run.last, amountCents: run.value }));
}
