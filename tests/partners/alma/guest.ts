/**
 * What happens on Alma Heritage's side without the channel manager: a guest books on Alma's
 * site (checked against Alma's own copy of the inventory, like the real site would), cancels,
 * or Alma's staff change a stay. Each queues the event the channel manager will read.
 */
import { compareNights, isNight, stayNights, type Night } from './dates';
import type { AlmaState, GuestAddress, Reservation } from './state';

export interface BookingInput {
  room: string;
  rate: string;
  arrival: Night;
  /** The departure date: the stay holds the nights arrival … departure − 1. */
  departure: Night;
  guests?: number;
  /** "Given Surname". */
  guest?: string;
  email?: string;
  phone?: string;
  address?: GuestAddress;
  comment?: string;
  /** What the guest paid; by default the sum of the nightly rates pushed (refused if one is missing). */
  amountCents?: number;
  /** An on-request booking (event Request) instead of a confirmed one (event Book). */
  onRequest?: boolean;
}

export type RefusalReason = 'unknownRoom' | 'unknownRate' | 'badDates' | 'inThePast' | 'badGuests' | 'badAmount' | 'noStock' | 'closed' | 'closedToArrival' | 'closedToDeparture' | 'minStay' | 'noRate';

export type BookingOutcome = { ok: true; number: string } | { ok: false; reason: RefusalReason; message: string };

export class AlmaBookingRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'AlmaBookingRefused';
  }
}

export function tryBook(state: AlmaState, input: BookingInput): BookingOutcome {
  const refuse = (reason: RefusalReason, message: string): BookingOutcome => ({ ok: false, reason, message });
  const { room, rate, arrival, departure } = input;
  if (!state.hasRoom(room)) return refuse('unknownRoom', `Unknown room type ${room}`);
  if (!state.hasRate(room, rate)) return refuse('unknownRate', `Unknown rate plan ${rate} for ${room}`);
  const datesProblem = checkDates(state, arrival, departure);
  if (datesProblem) return refuse(datesProblem.reason, datesProblem.message);
  const guests = input.guests ?? 2;
  if (!Number.isSafeInteger(guests) || guests < 1) return refuse('badGuests', `Not a number of guests: ${guests}`);
  if (input.amountCents !== undefined && (!Number.isSafeInteger(input.amountCents) || input.amountCents < 0)) return refuse('badAmount', `Not an amount in cents: ${input.amountCents}`);

  const nights = stayNights(arrival, departure);
  const full = nights.find((night) => (state.stockOf(room, night) ?? 0) <= 0);
  if (full) return refuse('noStock', `${room} has no stock left on ${full}`);
  const closed = nights.find((night) => state.restrictionsOf(room, rate, night)?.closed);
  if (closed) return refuse('closed', `${room} ${rate} is closed on ${closed}`);
  const onArrival = state.restrictionsOf(room, rate, arrival);
  if (onArrival?.closedToArrival) return refuse('closedToArrival', `${room} ${rate} is closed to arrival on ${arrival}`);
  if (state.restrictionsOf(room, rate, departure)?.closedToDeparture) return refuse('closedToDeparture', `${room} ${rate} is closed to departure on ${departure}`);
  if (onArrival && nights.length < onArrival.minStay) return refuse('minStay', `${room} ${rate} needs at least ${onArrival.minStay} nights from ${arrival}`);

  let amountCents = input.amountCents;
  if (amountCents === undefined) {
    const unpriced = nights.find((night) => state.rateOf(room, rate, night) === undefined);
    if (unpriced) return refuse('noRate', `${room} ${rate} has no rate on ${unpriced}`);
    amountCents = nights.reduce((sum, night) => sum + state.rateOf(room, rate, night)!, 0);
  }

  const reservation = state.addReservation({
    room,
    rate,
    arrival,
    departure,
    guests,
    guest: input.guest ?? 'Claire Dubois',
    email: input.email ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    comment: input.comment ?? null,
    amountCents,
    status: input.onRequest ? 'requested' : 'booked',
  });
  takeStock(state, reservation.room, nights);
  state.queueEvent(reservation.number, input.onRequest ? 'Request' : 'Book');
  return { ok: true, number: reservation.number };
}

/** Like {@link tryBook}, throwing {@link AlmaBookingRefused} with the reason when Alma would refuse. */
export function book(state: AlmaState, input: BookingInput): string {
  const outcome = tryBook(state, input);
  if (!outcome.ok) throw new AlmaBookingRefused(outcome.reason, outcome.message);
  return outcome.number;
}

/** The guest (or Alma Heritage) cancels: the stock comes back, a Cancel event is queued. */
export function cancel(state: AlmaState, number: string): void {
  const reservation = live(state, number);
  state.updateReservation(number, { status: 'cancelled' });
  releaseStock(state, reservation);
  state.queueEvent(number, 'Cancel');
}

export interface StayChange {
  arrival: Night;
  departure: Night;
  guests?: number;
  amountCents?: number;
}

/**
 * Alma's staff change a stay. Alma Heritage does not support changes through the channel, but
 * the event can still arrive: the reservation takes the new dates (checked against the stock,
 * its own nights excepted) and a Modify event is queued.
 */
export function modify(state: AlmaState, number: string, change: StayChange): void {
  const reservation = live(state, number);
  const datesProblem = checkDates(state, change.arrival, change.departure);
  if (datesProblem) throw new AlmaBookingRefused(datesProblem.reason, datesProblem.message);
  const before = new Set(stayNights(reservation.arrival, reservation.departure));
  const after = stayNights(change.arrival, change.departure);
  const added = after.filter((night) => !before.has(night));
  const full = added.find((night) => (state.stockOf(reservation.room, night) ?? 0) <= 0);
  if (full) throw new AlmaBookingRefused('noStock', `${reservation.room} has no stock left on ${full}`);
  releaseStock(state, reservation, new Set(after));
  takeStock(state, reservation.room, added);
  state.updateReservation(number, {
    arrival: change.arrival,
    departure: change.departure,
    ...(change.guests !== undefined ? { guests: change.guests } : {}),
    ...(change.amountCents !== undefined ? { amountCents: change.amountCents } : {}),
  });
  state.queueEvent(number, 'Modify');
}

/** Gives back a reservation's nights to Alma's stock (except those in `keep`). */
export function releaseStock(state: AlmaState, reservation: Reservation, keep: Set<Night> = new Set()): void {
  for (const night of stayNights(reservation.arrival, reservation.departure)) {
    if (keep.has(night)) continue;
    state.setStock(reservation.room, night, (state.stockOf(reservation.room, night) ?? 0) + 1);
  }
}

function takeStock(state: AlmaState, room: string, nights: Night[]): void {
  for (const night of nights) state.setStock(room, night, state.stockOf(room, night)! - 1);
}

function checkDates(state: AlmaState, arrival: Night, departure: Night): { reason: RefusalReason; message: string } | null {
  if (!isNight(arrival) || !isNight(departure)) return { reason: 'badDates', message: `Not dates: ${arrival} → ${departure}` };
  if (compareNights(departure, arrival) <= 0) return { reason: 'badDates', message: `Departure ${departure} is not after arrival ${arrival}` };
  if (compareNights(arrival, state.today) < 0) return { reason: 'inThePast', message: `Arrival ${arrival} is before today (${state.today})` };
  return null;
}

/** A reservation that can still be cancelled or changed. */
function live(state: AlmaState, number: string): Reservation {
  const reservation = state.reservation(number);
  if (!reservation) throw new Error(`No reservation ${number}`);
  if (reservation.status === 'cancelled' || reservation.status === 'refused') throw new Error(`${number} is already ${reservation.status}`);
  return reservation;
}
