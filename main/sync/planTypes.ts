/**
 * The decisions reconcile takes for one good read of one feed, before anything is written: a
 * plan applyPlan.ts carries out in one transaction.
 */
import type { ReservationFields } from '../db/reservations';
import type { AlertKind, ReservationKind, ReservationStatus, StoredFlag } from '../../shared/domain';
import type { Night } from '../../shared/nights';
import type { FeedStay } from '../ical/feedTypes';
import type { ReadStay } from '../db/feedReads';
import type { FeedFile } from '../db/syncReservations';

export interface ReconcileInput {
  feedId: number;
  /** The stays of the feed's last good read; empty on the first read. */
  previous: readonly ReadStay[];
  /** True when the feed has never been read well: its stays are imported, not announced as new. */
  firstRead: boolean;
  current: readonly FeedStay[];
  /**
   * The read shows damage (an event skipped for unreadable dates, lines that are not iCalendar):
   * a stay missing from it, shorter or cancelled in it may be the damaged part. It may add
   * nights, never free one; the stays it would free keep the last good read's word.
   */
  damaged?: boolean;
  /** The files already imported from this connection for this unit. */
  files: readonly FeedFile[];
  /** False for partners that never send cancellations (Feratel Deskline). */
  sendsCancellations: boolean;
  /** Today in the property's zone. */
  today: Night;
  /** For the alerts' messages. */
  labels: { unit: string; channel: string };
}

/** A file that exists, or the n-th file this plan creates. */
export type FileRef = { id: number } | { created: number };

/** The fields an import writes on a file: the partner's side of it (the owner's notes, amounts … stay the owner's). */
export type FileFields = Pick<
  ReservationFields,
  'partnerReference' | 'kind' | 'status' | 'arrival' | 'departure' | 'guests' | 'guestName' | 'email' | 'phone'
> & { externalId: string; rawText: string };

export interface PlannedUpdate {
  id: number;
  changes: Partial<FileFields>;
}

export interface PlannedAlert {
  kind: AlertKind;
  file: FileRef | null;
  params: Record<string, string | number>;
  /** Same key, same situation: raised once while open. */
  dedupe: string;
}

export interface Plan {
  creates: FileFields[];
  updates: PlannedUpdate[];
  cancels: number[];
  flags: { id: number; flag: StoredFlag; on: boolean }[];
  alerts: PlannedAlert[];
  /** What becomes the feed's last good read. */
  nextRead: (Omit<ReadStay, 'reservationId'> & { file: FileRef | null })[];
  /** Set when the read lost most future stays: nothing was cancelled, the owner is asked. */
  suspicious: { lost: number; of: number } | null;
  counts: { stays: number; created: number; updated: number; cancelled: number; flagged: number; rotated: number; past: number };
}

export function fileKind(stay: FeedStay): ReservationKind {
  return stay.kind === 'block' ? 'block' : 'booking';
}

export function fileStatus(stay: FeedStay): ReservationStatus {
  return stay.status === 'tentative' ? 'pending' : stay.status === 'cancelled' ? 'cancelled' : 'confirmed';
}

/** The stay holds stock: not cancelled and at least one night. */
export function holdsNights(stay: { status: string; arrival: Night; departure: Night }): boolean {
  return stay.status !== 'cancelled' && stay.departure > stay.arrival;
}

export function guestJson(stay: FeedStay): string | null {
  return stay.guest ? JSON.stringify(stay.guest) : null;
}

export function newFileFields(stay: FeedStay): FileFields {
  const guest = stay.guest;
  return {
    externalId: stay.key,
    partnerReference: guest?.reference ?? null,
    kind: fileKind(stay),
    status: fileStatus(stay),
    arrival: stay.arrival,
    departure: stay.departure,
    guests: guest?.guests ?? null,
    guestName: guest?.name ?? null,
    email: guest?.email ?? null,
    phone: guest?.phone ?? null,
    rawText: stay.description ? `${stay.summary}\n${stay.description}` : stay.summary,
  };
}

/** The guest fields the partner sent (non-null), to refresh a file when they change. */
export function guestChanges(stay: FeedStay): Partial<FileFields> {
  const fields = newFileFields(stay);
  const changes: Partial<FileFields> = { rawText: fields.rawText };
  for (const key of ['partnerReference', 'guests', 'guestName', 'email', 'phone'] as const) {
    if (fields[key] !== null) (changes as Record<string, unknown>)[key] = fields[key];
  }
  return changes;
}
