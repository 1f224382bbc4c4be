/**
 * Stores one batch of reservation events from Alma Heritage in ONE transaction, each with its
 * partner_events row, before anything is acknowledged (docs/alma-protocol.md: acknowledge only
 * what is committed). An event already stored (a redelivery) changes nothing and is owed an
 * acknowledgement again.
 *
 * An event we cannot apply is still stored and acknowledged, HELD with what the partner sent
 * (partner_events.payload): were it left unacknowledged, fifty of them would fill every read
 * (the partner delivers the 50 oldest) and no later booking would ever come in.
 * - its room is not mapped: the owner is alerted; mapping the room (alma:saveMapping) applies
 *   the room's held events in that same transaction (applyHeldEvents), creating the files;
 * - it cannot be read: the raw text is kept and the owner told to check the booking in Alma
 *   Heritage's extranet and record it by hand.
 *
 * Book → a confirmed file; Request → a pending file (holding the nights); Cancel → the file is
 * cancelled and its nights freed ('unchanged' when it no longer held any); Modify → the file is
 * kept as it was, flagged, and the owner told to settle it with Alma Heritage (it does not
 * support changes: a cancellation and a new booking). A Book for a file we hold as refused or
 * cancelled (the owner's refusal crossed Alma's confirmation): the guest has prepaid and will
 * come, so the file is reopened as confirmed, flagged, and the owner told.
 */
import type { ApiEventMessage } from '../../../shared/api';
import type { ApiRoomMapping } from '../../../shared/alma';
import { holdsStock, type HistoryActor } from '../../../shared/domain';
import { addDays, type Night } from '../../../shared/nights';
import type { AlmaRejectedReservation, AlmaReservationEvent } from '../../channels/alma/messages';
import { dismissOpenAlerts, raiseAlert, type NewAlert } from '../../db/alerts';
import type { Db } from '../../db/connection';
import { addHistory } from '../../db/history';
import { dropDecisions, enqueueNights } from '../../db/outbox';
import {
  findPartnerEvent,
  findPartnerFileId,
  hasPartnerCancel,
  insertPartnerEvent,
  listHeldEvents,
  markRedelivered,
  resolveHeldEvent,
  type PartnerEventOutcome,
} from '../../db/partnerEvents';
import { getReservation, insertReservation, setFlag, updateReservation } from '../../db/reservations';
import { getUnit } from '../../db/units';
import { alertImportOverbookings } from '../overbookingCheck';
import { OVERBOOKING_HORIZON_DAYS } from '../applyPlan';
import { almaFileFields, createdChanges } from './almaFile';

export interface StoreContext {
  db: Db;
  now: Date;
  today: Night;
  connection: { id: number; name: string; commissionBasisPoints: number | null };
  /** Room code → our room. */
  mappings: ReadonlyMap<string, ApiRoomMapping>;
}

export interface StoredBatch {
  /** Events now stored (new or redelivered, applied or held), owed an acknowledgement. */
  stored: number;
  /** Held: stored without a file (room not mapped, or unreadable). */
  held: number;
  /** Not stored at all: unreadable AND without an identity to acknowledge it by (the partner will deliver them again). */
  skipped: number;
  /** To announce once committed. */
  events: ApiEventMessage[];
}

interface Frame extends StoreContext {
  actor: HistoryActor;
  /** Alerts raised, announced after the commit. */
  events: ApiEventMessage[];
  reservationIds: Set<number>;
  /** Nights whose stock changed; `taken` when a new file holds them (checked for overbookings). */
  unitNights: { unitId: number; first: Night; last: Night; taken: boolean }[];
}

function alert(frame: Frame, fields: Omit<NewAlert, 'connectionId'>): void {
  const raised = raiseAlert(frame.db, { ...fields, connectionId: frame.connection.id, params: { channel: frame.connection.name, ...fields.params } }, frame.now);
  if (raised) frame.events.push({ event: 'alerts:new', payload: raised });
}

const unitName = (frame: Frame, unitId: number) => getUnit(frame.db, unitId)?.name ?? String(unitId);

function nightsChanged(frame: Frame, unitId: number, arrival: Night, departure: Night, taken: boolean): void {
  frame.unitNights.push({ unitId, first: arrival, last: addDays(departure, -1), taken });
}

function create(frame: Frame, event: AlmaReservationEvent, mapping: ApiRoomMapping): { id: number; outcome: PartnerEventOutcome } {
  const fields = almaFileFields(event, mapping, frame.connection);
  const file = insertReservation(frame.db, fields, frame.now);
  addHistory(frame.db, file.id, frame.actor, 'created', createdChanges(fields), frame.now);
  frame.reservationIds.add(file.id);
  nightsChanged(frame, file.unitId, file.arrival, file.departure, true);
  alert(frame, {
    kind: 'newBooking',
    reservationIds: [file.id],
    params: { unit: unitName(frame, file.unitId), arrival: file.arrival, departure: file.departure, guestName: file.guestName ?? '' },
    dedupeKey: `newBooking:${frame.connection.id}:${event.reservationNumber}`,
  });
  return { id: file.id, outcome: file.status === 'pending' ? 'held' : 'created' };
}

/**
 * A Book or Request for a reservation we already hold: a Book confirms a pending file, and
 * reopens one refused or cancelled here (not one Alma Heritage itself cancelled); nothing else
 * changes.
 */
function again(frame: Frame, event: AlmaReservationEvent, fileId: number): PartnerEventOutcome {
  const file = getReservation(frame.db, fileId)!;
  if (event.resStatus !== 'Book') return 'unchanged';
  if (file.status === 'pending') {
    updateReservation(frame.db, file.id, { status: 'confirmed' }, frame.now);
    addHistory(frame.db, file.id, frame.actor, 'confirmed', { status: ['pending', 'confirmed'] }, frame.now);
    frame.reservationIds.add(file.id);
    return 'created';
  }
  if ((file.status === 'refused' || file.status === 'cancelled') && !hasPartnerCancel(frame.db, frame.connection.id, event.reservationNumber)) {
    return reopen(frame, event, file.id, file.status);
  }
  return 'unchanged';
}

/**
 * Alma Heritage confirmed a stay we refused or cancelled (error 87 "already confirmed": the
 * owner's refusal crossed its confirmation). The guest has prepaid Alma and will come: the file
 * is confirmed again and holds its nights, flagged, and the owner told; an overbooking alert
 * follows if the nights were sold again meanwhile. An answer still queued for it is dropped.
 */
function reopen(frame: Frame, event: AlmaReservationEvent, fileId: number, was: 'refused' | 'cancelled'): PartnerEventOutcome {
  const file = getReservation(frame.db, fileId)!;
  const wasFlagged = file.flags.includes('changedByPartner');
  updateReservation(frame.db, file.id, { status: 'confirmed' }, frame.now);
  if (!wasFlagged) setFlag(frame.db, file.id, 'changedByPartner', true, frame.now);
  addHistory(frame.db, file.id, frame.actor, 'confirmed', { status: [was, 'confirmed'], ...(wasFlagged ? {} : { changedByPartner: [false, true] }) }, frame.now);
  dropDecisions(frame.db, file.id);
  frame.reservationIds.add(file.id);
  nightsChanged(frame, file.unitId, file.arrival, file.departure, true);
  alert(frame, {
    kind: 'partnerReopened',
    reservationIds: [file.id],
    params: { unit: unitName(frame, file.unitId), number: event.reservationNumber, arrival: file.arrival, departure: file.departure, was },
    dedupeKey: `partnerReopened:${frame.connection.id}:${event.reservationNumber}:${event.createdAt}`,
  });
  return 'created';
}

function cancel(frame: Frame, fileId: number): PartnerEventOutcome {
  const file = getReservation(frame.db, fileId)!;
  if (!holdsStock(file.status)) return 'unchanged';
  updateReservation(frame.db, file.id, { status: 'cancelled' }, frame.now);
  addHistory(frame.db, file.id, frame.actor, 'cancelled', { status: [file.status, 'cancelled'] }, frame.now);
  frame.reservationIds.add(file.id);
  nightsChanged(frame, file.unitId, file.arrival, file.departure, false);
  alert(frame, {
    kind: 'cancellation',
    reservationIds: [file.id],
    params: { unit: unitName(frame, file.unitId), arrival: file.arrival, departure: file.departure, reason: 'cancelledByPartner' },
    dedupeKey: `cancellation:${file.id}`,
  });
  return 'cancelled';
}

function modify(frame: Frame, event: AlmaReservationEvent, fileId: number): PartnerEventOutcome {
  const file = getReservation(frame.db, fileId)!;
  const requested = { roomCode: event.roomCode, arrival: event.arrival, departure: event.departure, guests: event.guests, amountCents: event.amountCents };
  const wasFlagged = file.flags.includes('changedByPartner');
  if (!wasFlagged) setFlag(frame.db, file.id, 'changedByPartner', true, frame.now);
  // The partner's new values are recorded beside the file, never applied to it.
  addHistory(frame.db, file.id, frame.actor, 'flagged', { ...(wasFlagged ? {} : { changedByPartner: [false, true] }), partnerChange: [null, requested] }, frame.now);
  frame.reservationIds.add(file.id);
  alert(frame, {
    kind: 'partnerModification',
    reservationIds: [file.id],
    params: {
      unit: unitName(frame, file.unitId),
      number: event.reservationNumber,
      arrival: file.arrival,
      departure: file.departure,
      newArrival: event.arrival,
      newDeparture: event.departure,
    },
    dedupeKey: `partnerModification:${frame.connection.id}:${event.reservationNumber}:${event.createdAt}`,
  });
  return 'flagged';
}

/**
 * Alma Heritage changed its own counts when it made the event (it took the nights of a booking,
 * gave back those of a cancellation, moved those of a modification), whatever we do with it:
 * the nights it names and the file's nights go out again, so its stock is ours once more (a
 * cancellation already recorded by hand, a modification we do not apply).
 */
function resend(frame: Frame, event: AlmaReservationEvent, mapping: ApiRoomMapping | undefined, fileId: number | null): void {
  const nights = (unitId: number, arrival: Night, departure: Night) =>
    enqueueNights(frame.db, frame.connection.id, unitId, 'availability', arrival, addDays(departure, -1));
  if (mapping) nights(mapping.unitId, event.arrival, event.departure);
  const file = fileId === null ? null : getReservation(frame.db, fileId);
  if (file) nights(file.unitId, file.arrival, file.departure);
}

/** Applies one new event; null when it cannot be stored yet (its room is not mapped). */
function apply(frame: Frame, event: AlmaReservationEvent): { reservationId: number | null; outcome: PartnerEventOutcome } | null {
  const fileId = findPartnerFileId(frame.db, frame.connection.id, event.reservationNumber);
  const mapping = frame.mappings.get(event.roomCode);
  if (fileId === null && mapping === undefined) return null;
  resend(frame, event, mapping, fileId);
  switch (event.resStatus) {
    case 'Book':
    case 'Request': {
      if (fileId !== null) return { reservationId: fileId, outcome: again(frame, event, fileId) };
      const created = create(frame, event, mapping!);
      return { reservationId: created.id, outcome: created.outcome };
    }
    case 'Cancel':
      return { reservationId: fileId, outcome: fileId === null ? 'unchanged' : cancel(frame, fileId) };
    case 'Modify':
      if (fileId === null) {
        alert(frame, {
          kind: 'partnerModification',
          reservationIds: [],
          params: { unit: unitName(frame, mapping!.unitId), number: event.reservationNumber, arrival: '', departure: '', newArrival: event.arrival, newDeparture: event.departure },
          dedupeKey: `partnerModification:${frame.connection.id}:${event.reservationNumber}:${event.createdAt}`,
        });
        return { reservationId: null, outcome: 'unchanged' };
      }
      return { reservationId: fileId, outcome: modify(frame, event, fileId) };
  }
}

const RES_STATUSES: readonly string[] = ['Book', 'Request', 'Cancel', 'Modify'];

/** What a held event of an unreadable reservation keeps: the partner's text, for the owner and for diagnosis. */
interface RejectedPayload {
  rejected: true;
  reasonKey: string;
  raw: string;
}

function newFrame(ctx: StoreContext): Frame {
  return { ...ctx, actor: { kind: 'sync', connectionId: ctx.connection.id }, events: [], reservationIds: new Set(), unitNights: [] };
}

/** What changed, to announce once committed. */
function announcements(frame: Frame): ApiEventMessage[] {
  const changes: ApiEventMessage[] = [];
  if (frame.reservationIds.size > 0) changes.push({ event: 'reservations:changed', payload: { reservationIds: [...frame.reservationIds] } });
  for (const { unitId, first, last } of frame.unitNights) {
    changes.push({ event: 'availability:changed', payload: { unitIds: [unitId], firstNight: first, lastNight: last } });
  }
  return [...changes, ...frame.events];
}

/** One open alert per room code not mapped, however many bookings it holds. */
const unmappedRoomKey = (connectionId: number, roomCode: string) => `unmappedRoom:${connectionId}:${roomCode}`;

function alertUnmapped(frame: Frame, event: AlmaReservationEvent): void {
  alert(frame, {
    kind: 'unmappedRoom',
    reservationIds: [],
    params: { roomCode: event.roomCode, number: event.reservationNumber },
    dedupeKey: unmappedRoomKey(frame.connection.id, event.roomCode),
  });
}

function storeRejected(frame: Frame, reservation: AlmaRejectedReservation): boolean {
  alert(frame, {
    kind: 'partnerEventRejected',
    reservationIds: [],
    // The reason's key, for diagnosis; the alert's text says what to do.
    params: { number: reservation.reservationNumber ?? '', reasonKey: reservation.reason.key },
    dedupeKey: `partnerEventRejected:${frame.connection.id}:${reservation.reservationNumber ?? ''}:${reservation.resStatus ?? ''}:${reservation.createdAt ?? ''}`,
  });
  const { reservationNumber, resStatus, createdAt } = reservation;
  // Without its identity an event cannot be acknowledged: the partner will deliver it again.
  if (!reservationNumber || !resStatus || !RES_STATUSES.includes(resStatus) || !createdAt) return false;
  const identity = { connectionId: frame.connection.id, reservationNumber, resStatus, partnerCreatedAt: createdAt };
  const existing = findPartnerEvent(frame.db, identity);
  if (existing) {
    if (existing.ackedAt !== null) markRedelivered(frame.db, existing.id);
    return true;
  }
  const payload: RejectedPayload = { rejected: true, reasonKey: reservation.reason.key, raw: reservation.raw };
  insertPartnerEvent(frame.db, { ...identity, reservationId: null, outcome: 'held', payload }, frame.now);
  return true;
}

export function storeBatch(ctx: StoreContext, events: readonly AlmaReservationEvent[], rejected: readonly AlmaRejectedReservation[]): StoredBatch {
  const frame = newFrame(ctx);
  let stored = 0;
  let held = 0;
  let skipped = 0;
  ctx.db
    .transaction(() => {
      for (const event of events) {
        const identity = { connectionId: ctx.connection.id, reservationNumber: event.reservationNumber, resStatus: event.resStatus, partnerCreatedAt: event.createdAt };
        const existing = findPartnerEvent(ctx.db, identity);
        stored += 1;
        if (existing) {
          if (existing.ackedAt !== null) markRedelivered(ctx.db, existing.id);
          continue;
        }
        const applied = apply(frame, event);
        if (applied === null) {
          held += 1;
          alertUnmapped(frame, event);
          insertPartnerEvent(ctx.db, { ...identity, reservationId: null, outcome: 'held', payload: event }, ctx.now);
          continue;
        }
        insertPartnerEvent(ctx.db, { ...identity, ...applied }, ctx.now);
      }
      for (const reservation of rejected) {
        if (storeRejected(frame, reservation)) {
          stored += 1;
          held += 1;
        } else skipped += 1;
      }
      checkOverbookings(frame);
    })
    .immediate();
  return { stored, held, skipped, events: announcements(frame) };
}

/**
 * The owner mapped these room codes: their held events are applied now, oldest first, in the
 * caller's transaction (the mapping's), so the files appear with the mapping or not at all, and
 * the codes' open 'unmappedRoom' alerts are dismissed.
 * Returns what to announce once committed.
 */
export function applyHeldEvents(ctx: StoreContext, roomCodes: readonly string[]): ApiEventMessage[] {
  const frame = newFrame(ctx);
  for (const roomCode of roomCodes) {
    for (const held of listHeldEvents(ctx.db, ctx.connection.id, roomCode)) {
      const event = held.payload as AlmaReservationEvent;
      const applied = apply(frame, event);
      if (applied !== null) resolveHeldEvent(ctx.db, held.id, applied);
    }
  }
  // The room is linked now: its "link the room" alert is done with (a later booking for a code
  // still not mapped raises its own again).
  dismissOpenAlerts(ctx.db, roomCodes.map((code) => unmappedRoomKey(ctx.connection.id, code)), ctx.now);
  checkOverbookings(frame);
  return announcements(frame);
}

/** An Alma booking that oversells a night is alerted like any other import's. */
function checkOverbookings(frame: Frame): void {
  const horizon = addDays(frame.today, OVERBOOKING_HORIZON_DAYS);
  const ctx = { db: frame.db, now: () => frame.now, emit: (event: string, payload: unknown) => void frame.events.push({ event, payload } as ApiEventMessage) };
  for (const { unitId, first, last } of frame.unitNights.filter((n) => n.taken)) {
    const from = first > frame.today ? first : frame.today;
    const to = last < horizon ? last : horizon;
    if (from <= to) alertImportOverbookings(ctx, unitId, from, to);
  }
}
