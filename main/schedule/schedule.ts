/**
 * Loads what the pure availability functions need, and turns overbookings into alerts. Shared by
 * everything that changes or reads stock: the handlers (a booking, an edit, a stock or closing
 * override), the import of a partner's calendar, and the outgoing feeds. It sits below the
 * handlers, so the sync loop and the feed server never reach up into them.
 */
import type { Overbooking, Unit, UnitAvailability } from '../../shared/domain';
import type { Night } from '../../shared/nights';
import { findOverbookings, nightsAvailability, type UnitSchedule } from '../calendar/availability';
import { raiseAlert } from '../db/alerts';
import { listOverrides } from '../db/overrides';
import { listStockHolding } from '../db/reservations';
import { listUnits } from '../db/units';
import type { ApiEventName, ApiEvents } from '../../shared/api';
import type { Db } from '../db/connection';

/** What loading and alerting need: the database, the clock, and where to announce new alerts. */
export interface ScheduleContext {
  db: Db;
  now(): Date;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
}

export function loadSchedules(ctx: ScheduleContext, unitIds: number[] | null, firstNight: Night, lastNight: Night): UnitSchedule[] {
  const units: Unit[] = listUnits(ctx.db).filter((u) => unitIds === null || unitIds.includes(u.id));
  const ids = units.map((u) => u.id);
  const overrides = listOverrides(ctx.db, ids, firstNight, lastNight);
  const reservations = listStockHolding(ctx.db, ids, firstNight, lastNight);
  return units.map((unit) => ({
    unit,
    overrides: overrides.filter((o) => o.unitId === unit.id),
    reservations: reservations.filter((r) => r.unitId === unit.id),
  }));
}

export function availability(ctx: ScheduleContext, unitIds: number[] | null, firstNight: Night, lastNight: Night): UnitAvailability[] {
  return loadSchedules(ctx, unitIds, firstNight, lastNight).map((schedule) => ({
    unitId: schedule.unit.id,
    nights: nightsAvailability(schedule, firstNight, lastNight),
  }));
}

export function overbookings(ctx: ScheduleContext, unitIds: number[] | null, firstNight: Night, lastNight: Night): Overbooking[] {
  return loadSchedules(ctx, unitIds, firstNight, lastNight).flatMap((s) => findOverbookings(s, firstNight, lastNight));
}

/**
 * Checks a changed range for overbookings and raises one alert per group of files sharing
 * nights (once: the same files overbooked again do not raise it twice).
 */
export function alertOverbookings(ctx: ScheduleContext, unitIds: number[], firstNight: Night, lastNight: Night): Overbooking[] {
  const found = overbookings(ctx, unitIds, firstNight, lastNight);
  const groups = new Map<string, Overbooking[]>();
  for (const o of found) {
    const key = `overbooking:${o.unitId}:${[...o.reservationIds].sort((a, b) => a - b).join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const unitNames = new Map(listUnits(ctx.db).map((u) => [u.id, u.name]));
  for (const [dedupeKey, nights] of groups) {
    const first = nights[0]!;
    const alert = raiseAlert(
      ctx.db,
      {
        kind: 'overbooking',
        connectionId: null,
        reservationIds: first.reservationIds,
        params: {
          unit: unitNames.get(first.unitId) ?? String(first.unitId),
          firstNight: first.night,
          lastNight: nights[nights.length - 1]!.night,
          nights: nights.length,
        },
        dedupeKey,
      },
      ctx.now(),
    );
    if (alert) ctx.emit('alerts:new', alert);
  }
  return found;
}
