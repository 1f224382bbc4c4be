/**
 * A believable schedule behind the fake Api: availability computed from the rooms, their files
 * and per-night overrides the way the service computes it (stock − holding files, 0 when
 * closed), so a page test reads the grid it would read from the real service.
 */
import type { ApiInput, ApiResult } from '../../shared/api';
import { holdsStock, type NightOverride, type Reservation, type Unit, type UnitAvailability } from '../../shared/domain';
import { nightsFromTo } from '../../shared/nights';

export interface FakeSchedule {
  units: Unit[];
  stays: Reservation[];
  overrides?: NightOverride[];
}

export function availabilityOf(schedule: FakeSchedule, input: ApiInput<'availability:get'>): UnitAvailability[] {
  const nights = nightsFromTo(input.firstNight, input.lastNight);
  return schedule.units
    .filter((unit) => !input.unitIds || input.unitIds.includes(unit.id))
    .map((unit) => ({
      unitId: unit.id,
      nights: nights.map((night) => {
        const override = schedule.overrides?.find((o) => o.unitId === unit.id && o.night === night);
        const closed = override?.closed ?? false;
        const stock = closed ? 0 : (override?.stock ?? unit.stock);
        const held = schedule.stays.filter((s) => s.unitId === unit.id && holdsStock(s.status) && s.arrival <= night && s.departure > night).length;
        return {
          night,
          stock,
          held,
          free: closed ? 0 - held : stock - held,
          closed,
          rateCents: override?.rateCents ?? unit.baseRateCents,
          minStay: override?.minStay ?? unit.minStay,
          closedToArrival: override?.closedToArrival ?? false,
          closedToDeparture: override?.closedToDeparture ?? false,
        };
      }),
    }));
}

/** The files overlapping the asked period with the asked statuses, as 'reservations:list' filters them. */
export function listOf(stays: Reservation[], input: ApiInput<'reservations:list'> = {}): ApiResult<'reservations:list'> {
  const items = stays.filter(
    (s) =>
      (!input.statuses || input.statuses.includes(s.status)) &&
      (!input.firstNight || s.departure > input.firstNight) &&
      (!input.lastNight || s.arrival <= input.lastNight),
  );
  return { items, total: items.length };
}
