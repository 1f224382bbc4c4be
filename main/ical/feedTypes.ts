/** What a good read of a partner's calendar yields, after normalising and classifying. */
import type { Night } from '../../shared/nights';

/** A guest's stay, a partner's "Not available", or words we cannot tell apart (Booking.com says "CLOSED - Not available" for both). */
export type EventKind = 'reservation' | 'block' | 'unknown';
export type EventStatus = 'confirmed' | 'tentative' | 'cancelled';

export interface GuestDetails {
  name: string | null;
  guests: number | null;
  phone: string | null;
  email: string | null;
  /** The partner's reference for the booking (Airbnb's reservation code, a Deskline file number …). */
  reference: string | null;
  /** Airbnb sends only the last four digits of the guest's phone. */
  phoneLast4: string | null;
}

/**
 * One stay as the partner's calendar shows it: one event, or one occurrence of a repeating event.
 * `departure` equals `arrival` when the event holds no night (a same-day timed event, an
 * inverted range); `status` cancelled holds nothing either.
 */
export interface FeedStay {
  /** The event's UID, or UID#YYYY-MM-DD (its original date) for one occurrence of a repeating event. */
  key: string;
  uid: string;
  arrival: Night;
  departure: Night;
  kind: EventKind;
  status: EventStatus;
  summary: string;
  description: string;
  guest: GuestDetails | null;
  sequence: number;
  /** DTSTAMP as ISO-8601, when the partner sends one. */
  dtstamp: string | null;
}
