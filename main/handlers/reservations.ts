/**
 * Writing reservation files: a direct booking, an edit, a cancellation. Each is one
 * transaction (the service opens it) with a history row; a stay that would overbook is refused
 * unless the owner, warned, insists — and then the overbooking is raised as an alert.
 */
import type { Reservation, Unit } from '../../shared/domain';
import { holdsStock } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { addDays, compareNights, daysBetween, type Night } from '../../shared/nights';
import { MAX_STAY_NIGHTS } from '../../shared/schemas';
import { stayIssues } from '../calendar/availability';
import { addHistory, diff, OWNER } from '../db/history';
import { insertReservation, updateReservation, type ReservationFields } from '../db/reservations';
import { getUnit } from '../db/units';
import type { Context } from './context';
import { requireReservation, withOverbookedFlag } from './reservationQueries';
import { alertOverbookings, loadSchedules } from '../schedule/schedule';
import { nightsAvailability } from '../calendar/availability';
import type { Handlers } from './types';

function requireUnit(ctx: Context, unitId: number, path: (string | number)[] = ['unitId']): Unit {
  const unit = getUnit(ctx.db, unitId);
  if (!unit) throw ApiError.invalid([{ path, key: 'errors.unknownUnit', params: { id: unitId } }]);
  return unit;
}

function checkCapacity(unit: Unit, guests: number | null, path: (string | number)[]): void {
  if (guests !== null && guests > unit.capacity) {
    throw ApiError.invalid([{ path, key: 'errors.guestsOverCapacity', params: { capacity: unit.capacity, unit: unit.name } }]);
  }
}

/** Refuses a stay on nights with nothing left to sell, unless the owner chose to overbook. */
function checkAvailable(ctx: Context, unit: Unit, arrival: Night, departure: Night, excludeId: number | null, allow: boolean): void {
  if (allow) return;
  const [schedule] = loadSchedules(ctx, [unit.id], arrival, departure);
  const others = { ...schedule!, reservations: schedule!.reservations.filter((r) => r.id !== excludeId) };
  const { unavailableNights } = stayIssues(nightsAvailability(others, arrival, departure), arrival, departure);
  if (unavailableNights.length > 0) {
    throw ApiError.conflict('errors.overbooking', {
      unit: unit.name,
      nights: unavailableNights.length,
      firstNight: unavailableNights[0]!,
      lastNight: unavailableNights[unavailableNights.length - 1]!,
    });
  }
}

function announce(ctx: Context, reservation: Reservation, previous?: Reservation) {
  ctx.emit('reservations:changed', { reservationIds: [reservation.id] });
  const stays = previous ? [reservation, previous] : [reservation];
  const firstNight = stays.reduce((m, r) => (r.arrival < m ? r.arrival : m), reservation.arrival);
  const lastNight = addDays(stays.reduce((m, r) => (r.departure > m ? r.departure : m), reservation.departure), -1);
  const unitIds = [...new Set(stays.map((r) => r.unitId))];
  ctx.emit('availability:changed', { unitIds, firstNight, lastNight });
  const overbookings = holdsStock(reservation.status) ? alertOverbookings(ctx, [reservation.unitId], reservation.arrival, addDays(reservation.departure, -1)) : [];
  return overbookings;
}

export const reservationHandlers: Handlers<'reservations:create' | 'reservations:update' | 'reservations:cancel'> = {
  'reservations:create': (input, ctx) => {
    const unit = requireUnit(ctx, input.unitId);
    checkCapacity(unit, input.guests, ['guests']);
    checkAvailable(ctx, unit, input.arrival, input.departure, null, input.allowOverbooking);
    const fields: ReservationFields = {
      unitId: unit.id,
      sourceConnectionId: null,
      partnerReference: null,
      externalId: null,
      kind: 'booking',
      status: input.status,
      arrival: input.arrival,
      departure: input.departure,
      guests: input.guests,
      guestName: input.guestName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      amountCents: input.amountCents ?? null,
      commissionCents: null,
      payoutDate: null,
      notes: input.notes ?? '',
      rawText: null,
    };
    const created = insertReservation(ctx.db, fields, ctx.now());
    addHistory(ctx.db, created.id, OWNER, 'created', diff({} as Partial<ReservationFields>, fields), ctx.now());
    const overbookings = announce(ctx, created);
    return { reservation: withOverbookedFlag(ctx, [created])[0]!, overbookings };
  },

  'reservations:update': (input, ctx) => {
    const before = requireReservation(ctx, input.id);
    const next = { ...before, ...input.changes };
    const nights = daysBetween(next.arrival, next.departure);
    if (nights <= 0) throw ApiError.invalid([{ path: ['changes', 'departure'], key: 'errors.departureNotAfterArrival' }]);
    if (nights > MAX_STAY_NIGHTS) throw ApiError.invalid([{ path: ['changes', 'departure'], key: 'errors.stayTooLong', params: { max: MAX_STAY_NIGHTS } }]);
    if (before.kind === 'booking' && (next.guests === null || next.guestName === null)) {
      throw ApiError.invalid([{ path: ['changes', next.guests === null ? 'guests' : 'guestName'], key: 'errors.required' }]);
    }
    const unit = requireUnit(ctx, next.unitId, ['changes', 'unitId']);
    checkCapacity(unit, next.guests, ['changes', 'guests']);
    const stayMoved =
      next.unitId !== before.unitId || compareNights(next.arrival, before.arrival) !== 0 || compareNights(next.departure, before.departure) !== 0;
    if (stayMoved && holdsStock(before.status)) checkAvailable(ctx, unit, next.arrival, next.departure, before.id, input.allowOverbooking);

    const changes = diff(before, input.changes);
    if (Object.keys(changes).length === 0) return { reservation: withOverbookedFlag(ctx, [before])[0]!, overbookings: [] };
    const after = updateReservation(ctx.db, before.id, input.changes, ctx.now());
    addHistory(ctx.db, before.id, OWNER, 'updated', changes, ctx.now());
    const overbookings = announce(ctx, after, before);
    return { reservation: withOverbookedFlag(ctx, [after])[0]!, overbookings };
  },

  'reservations:cancel': (input, ctx) => {
    const before = requireReservation(ctx, input.id);
    if (!holdsStock(before.status)) throw ApiError.conflict('errors.alreadyClosed', { status: before.status });
    const after = updateReservation(ctx.db, before.id, { status: 'cancelled' }, ctx.now());
    const changes: Record<string, [unknown, unknown]> = { status: [before.status, 'cancelled'] };
    if (input.reason) changes.reason = [null, input.reason];
    addHistory(ctx.db, before.id, OWNER, 'cancelled', changes, ctx.now());
    announce(ctx, after, before);
    return after;
  },
};
