/**
 * Carries out a reconcile plan through the repositories. The caller holds the transaction:
 * the files, their history, the feed's reference read and the alerts change together or not at
 * all. Every change to a file leaves a history row by "the sync of <connection>".
 */
import type { ApiEventMessage } from '../../shared/api';
import { holdsStock, type HistoryActor } from '../../shared/domain';
import { addDays, type Night } from '../../shared/nights';
import { addDaysFast } from '../ical/civilDays';
import { raiseAlert } from '../db/alerts';
import type { Db } from '../db/connection';
import { saveReadStays, type ReadStay } from '../db/feedReads';
import { addHistory, diff } from '../db/history';
import { getReservation, setFlag, updateReservation } from '../db/reservations';
import { reservationWriter } from '../db/syncReservations';
import type { ScheduleContext } from '../schedule/schedule';
import { alertImportOverbookings } from './overbookingCheck';
import type { FileFields, FileRef, Plan } from './planTypes';

/** Overbookings are looked for this far ahead of today: partners rarely open their calendars further. */
export const OVERBOOKING_HORIZON_DAYS = 730;

export interface ApplyTarget {
  feedId: number;
  unitId: number;
  connectionId: number;
  today: Night;
}

export interface Applied {
  reservationIds: number[];
  events: ApiEventMessage[];
}

function createdHistory(fields: FileFields): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['externalId', 'partnerReference', 'kind', 'status', 'arrival', 'departure', 'guests', 'guestName', 'email', 'phone'] as const) {
    if (fields[key] !== null) changes[key] = [null, fields[key]];
  }
  return changes;
}

export function applyPlan(db: Db, now: Date, target: ApplyTarget, previous: readonly ReadStay[], plan: Plan): Applied {
  const actor: HistoryActor = { kind: 'sync', connectionId: target.connectionId };
  const events: ApiEventMessage[] = [];
  const writer = reservationWriter(db, actor, now);
  const touched = new Set<number>();
  // The nights whose stock changed: checked for overbookings afterwards.
  const range: { first: Night | null; last: Night | null } = { first: null, last: null };
  const widen = (arrival: Night, departure: Night) => {
    if (range.first === null || arrival < range.first) range.first = arrival;
    if (range.last === null || departure > range.last) range.last = departure;
  };

  const createdIds = plan.creates.map((fields) => {
    const id = writer.insert(fields, target.unitId, target.connectionId);
    writer.history(id, 'created', createdHistory(fields));
    touched.add(id);
    widen(fields.arrival, fields.departure);
    return id;
  });
  const resolve = (ref: FileRef | null): number | null => (ref === null ? null : 'id' in ref ? ref.id : createdIds[ref.created]!);

  // The partner's UID is not in the Reservation the app shows, but when a rotated UID re-keys a
  // file, its history row must say which UID it replaced.
  const externalIdOf = db.prepare('SELECT external_id FROM reservations WHERE id = ?').pluck();
  for (const update of plan.updates) {
    const reservation = getReservation(db, update.id)!;
    const before = { ...reservation, ...('externalId' in update.changes ? { externalId: externalIdOf.get(update.id) as string | null } : {}) };
    const changes = diff(before as unknown as Partial<FileFields>, update.changes);
    if (Object.keys(changes).length === 0) continue;
    const after = updateReservation(db, update.id, update.changes, now);
    addHistory(db, update.id, actor, 'updated', changes, now);
    touched.add(update.id);
    if (holdsStock(after.status)) widen(after.arrival, after.departure);
  }
  for (const id of plan.cancels) {
    const before = getReservation(db, id)!;
    if (!holdsStock(before.status)) continue;
    updateReservation(db, id, { status: 'cancelled' }, now);
    addHistory(db, id, actor, 'cancelled', { status: [before.status, 'cancelled'] }, now);
    touched.add(id);
    widen(before.arrival, before.departure);
  }
  for (const { id, flag, on } of plan.flags) {
    setFlag(db, id, flag, on, now);
    addHistory(db, id, actor, on ? 'flagged' : 'resolved', { [flag]: [!on, on] }, now);
    touched.add(id);
  }

  const next: ReadStay[] = plan.nextRead.map((s) => ({
    key: s.key,
    uid: s.uid,
    arrival: s.arrival,
    departure: s.departure,
    kind: s.kind,
    status: s.status,
    sequence: s.sequence,
    dtstamp: s.dtstamp,
    guest: s.guest,
    reservationId: resolve(s.file),
  }));
  saveReadStays(db, target.feedId, previous, next);

  for (const planned of plan.alerts) {
    const id = resolve(planned.file);
    const alert = raiseAlert(
      db,
      { kind: planned.kind, connectionId: target.connectionId, reservationIds: id === null ? [] : [id], params: planned.params, dedupeKey: planned.dedupe },
      now,
    );
    if (alert) events.push({ event: 'alerts:new', payload: alert });
  }

  if (touched.size > 0) events.push({ event: 'reservations:changed', payload: { reservationIds: [...touched] } });
  const { first, last } = range;
  if (first !== null && last !== null) {
    events.push({ event: 'availability:changed', payload: { unitIds: [target.unitId], firstNight: first, lastNight: addDays(last, -1) } });
    const from: Night = first > target.today ? first : target.today;
    const horizon = addDaysFast(target.today, OVERBOOKING_HORIZON_DAYS);
    const to: Night = addDays(last, -1) < horizon ? addDays(last, -1) : horizon;
    if (from <= to) {
      const ctx: ScheduleContext = { db, now: () => now, emit: (event, payload) => void events.push({ event, payload } as ApiEventMessage) };
      alertImportOverbookings(ctx, target.unitId, from, to);
    }
  }
  return { reservationIds: [...touched], events };
}
