/**
 * The values the Alma Heritage connector exchanges (docs/alma-protocol.md), as the rest of
 * Pigeonnier sees them: nights, integer cents, plain strings. No XML here; ota/ turns these into
 * OpenTravel documents and back.
 */
import type { Night } from '../../../shared/nights';

/** Stock for one room type over consecutive nights (both inclusive) with the same value. */
export interface StockRun { roomCode: string; first: Night; last: Night; bookingLimit: number }

/** Full restriction state for a room type + rate plan over consecutive nights. */
export interface RestrictionRun {
  roomCode: string; rateCode: string; first: Night; last: Night;
  minStay: number; closed: boolean; closedToArrival: boolean; closedToDeparture: boolean;
}

export interface RateRun { roomCode: string; rateCode: string; first: Night; last: Night; amountCents: number }

export type AlmaResStatus = 'Book' | 'Request' | 'Cancel' | 'Modify';

export const ALMA_RES_STATUSES: readonly AlmaResStatus[] = ['Book', 'Request', 'Cancel', 'Modify'];

/** One reservation event from OTA_ResRetrieveRS; arrival/departure are our nights convention
 *  (TimeSpan End = departure, exclusive of nights). */
export interface AlmaReservationEvent {
  reservationNumber: string;      // UniqueID Type=14
  resStatus: AlmaResStatus;
  createdAt: string;              // CreateDateTime exactly as sent (part of the event's identity)
  roomCode: string;
  rateCode: string | null;
  arrival: Night;
  departure: Night;
  guests: number | null;
  guestName: string | null;       // "GivenName Surname"
  email: string | null;
  phone: string | null;
  address: string | null;         // one line: "3 rue des Tilleuls, 37000 Tours, FR"
  amountCents: number | null;     // Total AmountAfterTax
  comments: string | null;
  /** The HotelReservation element as XML text, for the file's raw text (diagnosis). */
  raw: string;
}

/** fileId null: an event that made no file of ours (a cancellation of a reservation we never had); Book/Request always name one. */
export interface AlmaAck {
  reservationNumber: string;
  resStatus: AlmaResStatus;
  createdAt: string;
  fileId: number | null;
  /**
   * An event stored but held (its room not mapped yet, or unreadable), which has no file: it is
   * acknowledged under the hold's number `PGN-H{heldId}` (never a file number), so a Book or
   * Request still carries the ResID_Type 10 the partner requires.
   */
  heldId?: number;
}
export interface AlmaDecision { reservationNumber: string; fileId: number; decision: 'accept' | 'refuse' }
export interface PartnerError { type: string | null; code: string | null; shortText: string | null; text: string | null }

/** A translatable text: an i18n key (under `alma.errors.*`) and its parameters. */
export interface AlmaMessage { key: string; params?: Record<string, string | number> }

/**
 * A reservation event the partner sent that Pigeonnier cannot take as it is (a date that is not
 * a date, a departure not after the arrival, an unknown ResStatus, an amount that is not euros
 * and cents…). It is NOT stored and NOT acknowledged, so Alma Heritage keeps delivering it; the
 * owner is shown `reason` and settles it with Alma Heritage. The identity fields are what could
 * be read (null when that very field is the problem).
 */
export interface AlmaRejectedReservation {
  reservationNumber: string | null;
  resStatus: string | null;
  createdAt: string | null;
  reason: AlmaMessage;
  raw: string;
}
