/**
 * After an import, overbookings are looked for on the nights whose stock changed. The reference
 * check (schedule/schedule.ts alertOverbookings, on calendar/availability.ts) walks every night
 * with Temporal, which costs tens of milliseconds over two years; this integer count of the same
 * rule (more stock-holding stays than units: override stock, else the unit's) finds the nights
 * where it can fire, and the reference check runs on those only — usually on none.
 */
import type { Overbooking } from '../../shared/domain';
import type { Night } from '../../shared/nights';
import { daysOfNight, nightFromDays } from '../ical/civilDays';
import type { Db } from '../db/connection';
import { listOverrides } from '../db/overrides';
import { listStockHolding } from '../db/reservations';
import { getUnit } from '../db/units';
import type { ScheduleContext } from '../schedule/schedule';
import { alertOverbookings } from '../schedule/schedule';

/** The first and last night of the range where more is held than the unit has, or null. */
export function overbookedSpan(db: Db, unitId: number, first: Night, last: Night): [Night, Night] | null {
  const unit = getUnit(db, unitId);
  if (!unit) return null;
  const from = daysOfNight(first);
  const held = new Uint32Array(daysOfNight(last) - from + 1);
  for (const r of listStockHolding(db, [unitId], first, last)) {
    const start = Math.max(daysOfNight(r.arrival), from) - from;
    const end = Math.min(daysOfNight(r.departure) - from, held.length);
    for (let d = start; d < end; d++) held[d]!++;
  }
  const stock = new Map(listOverrides(db, [unitId], first, last).map((o) => [daysOfNight(o.night) - from, o.stock]));
  let span: [number, number] | null = null;
  for (let d = 0; d < held.length; d++) {
    if (held[d]! <= (stock.get(d) ?? unit.stock)) continue;
    span = span ? [span[0], d] : [d, d];
  }
  return span && [nightFromDays(from + span[0]), nightFromDays(from + span[1])];
}

export function alertImportOverbookings(ctx: ScheduleContext, unitId: number, first: Night, last: Night): Overbooking[] {
  const span = overbookedSpan(ctx.db, unitId, first, last);
  return span ? alertOverbookings(ctx, [unitId], span[0], span[1]) : [];
}
