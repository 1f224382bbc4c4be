/**
 * Availability of a unit per night (DESIGN §3): stock(U, N) — 0 when closed — minus the stays
 * that hold stock on N. More stock-holding stays than units is an overbooking (a closed night
 * with its guest already booked is not: see `free` below). Pure: the caller loads the unit, its
 * overrides and its stock-holding files and passes them in.
 */
import type { NightAvailability, NightOverride, Overbooking, Reservation, Unit } from '../../shared/domain';
import { holdsStock } from '../../shared/domain';
import { nightsFromTo, stayNights, type Night } from '../../shared/nights';

/** Which stock-holding files cover each night of the range, by night. */
function occupancy(reservations: readonly Reservation[], firstNight: Night, lastNight: Night): Map<Night, number[]> {
  const byNight = new Map<Night, number[]>();
  for (const r of reservations) {
    if (!holdsStock(r.status)) continue;
    for (const night of stayNights(r.arrival, r.departure)) {
      if (night < firstNight || night > lastNight) continue;
      const ids = byNight.get(night);
      if (ids) ids.push(r.id);
      else byNight.set(night, [r.id]);
    }
  }
  return byNight;
}

export interface UnitSchedule {
  unit: Unit;
  /** This unit's overrides; others are ignored. */
  overrides: readonly NightOverride[];
  /** This unit's files; those that do not hold stock are ignored. */
  reservations: readonly Reservation[];
}

export function nightsAvailability(schedule: UnitSchedule, firstNight: Night, lastNight: Night): NightAvailability[] {
  const { unit } = schedule;
  const overrides = new Map(schedule.overrides.filter((o) => o.unitId === unit.id).map((o) => [o.night, o]));
  const held = occupancy(schedule.reservations.filter((r) => r.unitId === unit.id), firstNight, lastNight);
  return nightsFromTo(firstNight, lastNight).map((night) => {
    const o = overrides.get(night);
    const closed = o?.closed ?? false;
    const units = o?.stock ?? unit.stock;
    const heldCount = held.get(night)?.length ?? 0;
    // Closing a night stops further sales; it does not turn the guests already there into an
    // overbooking. Only more stays than units is one.
    const free = closed ? Math.min(0, units - heldCount) : units - heldCount;
    return {
      night,
      stock: closed ? 0 : units,
      held: heldCount,
      free,
      closed,
      rateCents: o?.rateCents ?? unit.baseRateCents,
      minStay: o?.minStay ?? unit.minStay,
      closedToArrival: o?.closedToArrival ?? false,
      closedToDeparture: o?.closedToDeparture ?? false,
    };
  });
}

/** Every night where more is sold than there is, naming the files that share it. */
export function findOverbookings(schedule: UnitSchedule, firstNight: Night, lastNight: Night): Overbooking[] {
  const held = occupancy(schedule.reservations.filter((r) => r.unitId === schedule.unit.id), firstNight, lastNight);
  return nightsAvailability(schedule, firstNight, lastNight)
    .filter((n) => n.free < 0)
    .map((n) => ({ unitId: schedule.unit.id, night: n.night, excess: -n.free, reservationIds: held.get(n.night) ?? [] }));
}

export interface StayIssue {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * What a new stay would break. `nights` must cover arrival … departure (the departure day is
 * needed for "closed to departure"). Unavailable nights are an overbooking; restrictions are
 * warnings, since they bind the channels, not the owner.
 */
export function stayIssues(
  nights: readonly NightAvailability[],
  arrival: Night,
  departure: Night,
): { unavailableNights: Night[]; warnings: StayIssue[] } {
  const byNight = new Map(nights.map((n) => [n.night, n]));
  const stay = stayNights(arrival, departure);
  const unavailableNights = stay.filter((night) => (byNight.get(night)?.free ?? 0) <= 0);
  const warnings: StayIssue[] = [];
  const first = byNight.get(arrival);
  if (first && stay.length < first.minStay) warnings.push({ key: 'warnings.minStay', params: { nights: first.minStay } });
  if (first?.closedToArrival) warnings.push({ key: 'warnings.closedToArrival', params: { night: arrival } });
  if (byNight.get(departure)?.closedToDeparture) warnings.push({ key: 'warnings.closedToDeparture', params: { night: departure } });
  return { unavailableNights, warnings };
}
