/**
 * The shapes of Alma Heritage's books in the simulator (./state.ts, ./inventoryBooks.ts): the
 * property and its rooms, what was pushed, the reservations sold on Alma's site, their events,
 * the owner's answers and the request log.
 */
import type { Night } from './dates';
import type { FailureKind } from './failures';

export type ResStatus = 'Book' | 'Request' | 'Cancel' | 'Modify';
export type ReservationStatus = 'booked' | 'requested' | 'confirmed' | 'refused' | 'cancelled';
export type OwnerDecision = 'Commit' | 'Cancel';

export interface AlmaProperty {
  hotelCode: string;
  userName: string;
  password: string;
  /** Room type code → the rate plan codes sold for it. */
  rooms: Record<string, string[]>;
}

export interface Restrictions {
  minStay: number;
  closed: boolean;
  closedToArrival: boolean;
  closedToDeparture: boolean;
}

export interface GuestAddress {
  line: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

export interface Reservation {
  /** Alma Heritage's reservation number (`AH-R-10001`), UniqueID Type 14. */
  number: string;
  room: string;
  rate: string;
  arrival: Night;
  departure: Night;
  guests: number;
  /** "Given Surname": the first word is the given name. */
  guest: string;
  email: string | null;
  phone: string | null;
  address: GuestAddress | null;
  comment: string | null;
  /** What the guest paid Alma Heritage for the stay. */
  amountCents: number;
  status: ReservationStatus;
}

export interface AlmaEvent {
  number: string;
  resStatus: ResStatus;
  /** ISO instant, whole seconds; with the number and ResStatus, the event's identity. */
  createDateTime: string;
  deliveredCount: number;
  ackCount: number;
  /** When the first acknowledgement arrived (simulator clock). */
  ackedAt: string | null;
  /** Our file number (`PGN-57`) from the acknowledgement's ResID_Type="10", the latest one. */
  fileNumber: string | null;
  /** The reservation as it was when the event was queued: what every delivery carries. */
  reservation: Reservation;
}

export interface DecisionRecord {
  number: string;
  decision: OwnerDecision;
  /** How many times the same answer arrived (the repeats are harmless). */
  count: number;
  fileNumber: string | null;
  at: string;
}

export interface RequestLogEntry {
  /** The root element's name; null when the body was not an XML document. */
  message: string | null;
  at: string;
  /** ok: Success; error: OTA Errors; failure: injected by failNext; rejected: refused at HTTP level. */
  outcome: 'ok' | 'error' | 'failure' | 'rejected';
  httpStatus: number | null;
  errorCodes: number[];
  failure: FailureKind | null;
  body: string;
}

/** One rate plan on one night; every field null when nothing was ever pushed. */
export interface PlanNight {
  minStay: number | null;
  closed: boolean | null;
  closedToArrival: boolean | null;
  closedToDeparture: boolean | null;
  amountCents: number | null;
}

export interface NightInventory {
  /** null when no stock was ever pushed for that night (Alma then sells nothing). */
  bookingLimit: number | null;
  plans: Record<string, PlanNight>;
}

/** room → night → what Alma Heritage holds. */
export type InventorySnapshot = Record<string, Record<Night, NightInventory>>;

export interface AlmaStateOptions {
  today: Night;
  now: () => Date;
  firstReservationNumber: number;
}
