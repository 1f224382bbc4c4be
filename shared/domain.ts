/**
 * The domain as both sides see it (DESIGN §3). Rows in the database map to these shapes in
 * main/db; the page receives exactly these over the API.
 */
import type { Cents } from './money';
import type { Night } from './nights';

/** A property's zone until the owner sets one: the owner is in France first. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export const PROPERTY_TYPES = [
  'gite',
  'chambre_hotes',
  'meuble',
  'insolite',
  'hotel',
  'camping',
  'other',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface Property {
  name: string;
  type: PropertyType;
  addressLine: string;
  postalCode: string;
  city: string;
  region: string;
  /** ISO 3166-1 alpha-2; overseas departments have their own (GP, MQ, GF, RE, YT) or FR. */
  country: string;
  /** IANA zone; "today" and every imported time are read in it. */
  timeZone: string;
  termsOfSale: string;
  updatedAt: string;
}

export interface Unit {
  id: number;
  name: string;
  capacity: number;
  /** Identical units sold together (three identical rooms = 3). */
  stock: number;
  baseRateCents: Cents;
  minStay: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

/** A per-night exception to a unit's defaults; a null field is "not overridden". */
export interface NightOverride {
  unitId: number;
  night: Night;
  rateCents: Cents | null;
  stock: number | null;
  minStay: number | null;
  closedToArrival: boolean | null;
  closedToDeparture: boolean | null;
  closed: boolean | null;
}

export const RESERVATION_KINDS = ['booking', 'block'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

export const RESERVATION_STATUSES = ['pending', 'confirmed', 'cancelled', 'refused'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Pending (on request) and confirmed files hold stock; cancelled and refused ones do not. */
export const STOCK_HOLDING_STATUSES: readonly ReservationStatus[] = ['pending', 'confirmed'];

export function holdsStock(status: ReservationStatus): boolean {
  return STOCK_HOLDING_STATUSES.includes(status);
}

/** What the owner must look at. These are stored on the file until the owner resolves them. */
export const STORED_FLAGS = ['goneFromFeed', 'changedByPartner', 'suspiciousFeed'] as const;
export type StoredFlag = (typeof STORED_FLAGS)[number];
/** Overbooked is computed from availability at read time, never stored: it cannot go stale. */
export type AttentionFlag = StoredFlag | 'overbooked';

export interface Reservation {
  id: number;
  unitId: number;
  /** The channel connection it came from; null for a direct booking (phone, e-mail, website). */
  sourceConnectionId: number | null;
  partnerReference: string | null;
  kind: ReservationKind;
  status: ReservationStatus;
  arrival: Night;
  departure: Night;
  guests: number | null;
  guestName: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  amountCents: Cents | null;
  commissionCents: Cents | null;
  payoutDate: Night | null;
  notes: string;
  /** What the partner sent, verbatim, for diagnosis. */
  rawText: string | null;
  flags: AttentionFlag[];
  createdAt: string;
  updatedAt: string;
}

export type HistoryAction = 'created' | 'updated' | 'cancelled' | 'confirmed' | 'refused' | 'flagged' | 'resolved';

export interface HistoryActor {
  kind: 'owner' | 'sync';
  /** For a sync: the connection whose read made the change. */
  connectionId: number | null;
}

export interface ReservationHistoryEntry {
  id: number;
  reservationId: number;
  at: string;
  actor: HistoryActor;
  action: HistoryAction;
  /** Field → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
}

export const CHANNELS = [
  'france_voyage',
  'feratel_deskline',
  'alma_heritage',
  'airbnb',
  'booking_com',
  'abritel',
  'amivac',
  'tripadvisor',
  'clevacances',
  'google',
  'other_ical',
] as const;
export type Channel = (typeof CHANNELS)[number];

export type ConnectionKind = 'ical' | 'api';
export type ConnectionStatus = 'pending' | 'active' | 'paused' | 'removed';

export interface ChannelConnection {
  id: number;
  channel: Channel;
  name: string;
  kind: ConnectionKind;
  status: ConnectionStatus;
  /** False for partners that never send cancellations (Feratel Deskline): vanished files are flagged, not cancelled. */
  sendsCancellations: boolean;
  commissionBasisPoints: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Per (connection, unit): what we import from the partner and what we serve to it. */
export interface Feed {
  id: number;
  connectionId: number;
  unitId: number;
  importUrl: string | null;
  importEnabled: boolean;
  exportEnabled: boolean;
  health: 'unknown' | 'ok' | 'failing' | 'suspicious';
  lastError: string | null;
  lastSuccessAt: string | null;
  failingSince: string | null;
}

/** One night of one unit, as the planning grid and the booking form need it. */
export interface NightAvailability {
  night: Night;
  /** Stock for sale that night (0 when closed). */
  stock: number;
  /** Stock held by pending and confirmed files. */
  held: number;
  /** What can still be sold: stock − held, 0 when closed; negative is an overbooking. */
  free: number;
  closed: boolean;
  rateCents: Cents;
  minStay: number;
  closedToArrival: boolean;
  closedToDeparture: boolean;
}

export interface UnitAvailability {
  unitId: number;
  nights: NightAvailability[];
}

export interface Overbooking {
  unitId: number;
  night: Night;
  /** How many more units are sold than exist. */
  excess: number;
  reservationIds: number[];
}

/** What the booking form shows live while the owner types a stay. */
export interface StayCheck {
  nights: NightAvailability[];
  /** Nights with no free stock (closed or sold out): booking them is an overbooking. */
  unavailableNights: string[];
  /** Restrictions the stay breaks; the owner may book anyway, they bind the channels. */
  warnings: { key: string; params?: Record<string, string | number> }[];
  /** Sum of the nightly rates, for the amount field. */
  suggestedAmountCents: number;
}

export const ALERT_KINDS = [
  'overbooking',
  'newBooking',
  'cancellation',
  'changedByPartner',
  'suspiciousFeed',
  'feedFailing',
  'partnerRefused',
  // API channels (Alma Heritage): a change the partner does not support, a room it sells that
  // is not mapped, an error it answered, credentials it refused, an exchange failing for long,
  // a reservation it sent that cannot be read.
  'partnerModification',
  'unmappedRoom',
  'partnerError',
  'partnerCredentials',
  // Credentials refused while a removed channel still owed its close-outs: the owner closes the rooms by hand.
  'partnerCredentialsRemoved',
  'partnerUnreachable',
  'partnerEventRejected',
  // The partner confirmed a stay refused or cancelled here (the answers crossed): reopened.
  'partnerReopened',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  id: number;
  kind: AlertKind;
  createdAt: string;
  reservationIds: number[];
  connectionId: number | null;
  /** Values for the alert's translated message (unit name, nights …). */
  params: Record<string, string | number>;
  dismissedAt: string | null;
}
