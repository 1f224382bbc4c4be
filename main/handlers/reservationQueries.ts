import type { Reservation } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { addDays, stayNights } from '../../shared/nights';
import { stayIssues } from '../calendar/availability';
import { listHistory } from '../db/history';
import { findReservations, getReservation } from '../db/reservations';
import { getUnit } from '../db/units';
import type { Context } from './context';
import { loadSchedules, overbookings } from '../schedule/schedule';
import { nightsAvailability } from '../calendar/availability';
import type { Handlers } from './types';

export function requireReservation(ctx: Context, id: number): Reservation {
  const reservation = getReservation(ctx.db, id);
  if (!reservation) throw ApiError.notFound('errors.unknownReservation', { id });
  return reservation;
}

/** Adds the computed "overbooked" flag to files that share an overbooked night. */
export function withOverbookedFlag(ctx: Context, files: Reservation[]): Reservation[] {
  if (files.length === 0) return files;
  const unitIds = [...new Set(files.map((f) => f.unitId))];
  const first = files.reduce((min, f) => (f.arrival < min ? f.arrival : min), files[0]!.arrival);
  const last = files.reduce((max, f) => (f.departure > max ? f.departure : max), files[0]!.departure);
  const overbooked = new Set(overbookings(ctx, unitIds, first, addDays(last, -1)).flatMap((o) => o.reservationIds));
  return files.map((f) => (overbooked.has(f.id) ? { ...f, flags: ['overbooked', ...f.flags] } : f));
}

export const reservationQueryHandlers: Handlers<'reservations:list' | 'reservations:get' | 'reservations:history' | 'reservations:check'> = {
  'reservations:list': (input, ctx) => {
    const { needsAttention, limit, offset, ...filter } = input;
    let files = withOverbookedFlag(ctx, findReservations(ctx.db, filter));
    if (needsAttention !== undefined) files = files.filter((f) => f.flags.length > 0 === needsAttention);
    return { items: files.slice(offset, offset + limit), total: files.length };
  },
  'reservations:get': (input, ctx) => withOverbookedFlag(ctx, [requireReservation(ctx, input.id)])[0]!,
  'reservations:history': (input, ctx) => {
    requireReservation(ctx, input.id);
    return listHistory(ctx.db, input.id);
  },
  'reservations:check': (input, ctx) => {
    const unit = getUnit(ctx.db, input.unitId);
    if (!unit) throw ApiError.invalid([{ path: ['unitId'], key: 'errors.unknownUnit', params: { id: input.unitId } }]);
    const [schedule] = loadSchedules(ctx, [unit.id], input.arrival, input.departure);
    const others = { ...schedule!, reservations: schedule!.reservations.filter((r) => r.id !== input.excludeReservationId) };
    // The departure day is included: "closed to departure" is read on it.
    const nights = nightsAvailability(others, input.arrival, input.departure);
    const { unavailableNights, warnings } = stayIssues(nights, input.arrival, input.departure);
    if (input.guests !== undefined && input.guests > unit.capacity) {
      warnings.push({ key: 'errors.guestsOverCapacity', params: { capacity: unit.capacity } });
    }
    const stay = new Set(stayNights(input.arrival, input.departure));
    const stayNightsAvailability = nights.filter((n) => stay.has(n.night));
    return {
      nights: stayNightsAvailability,
      unavailableNights,
      warnings,
      suggestedAmountCents: stayNightsAvailability.reduce((sum, n) => sum + n.rateCents, 0),
    };
  },
};
