/**
 * Reconcile (DESIGN §4), pure: the last good read + this read + the files + today → a plan.
 *
 * Each stay of this read is compared with the same stay in the last good read — not with its
 * file, which the owner may have edited since: only what the partner changed is applied.
 * - New stay → a new file; announced, except on a first read. A departed stay is left alone.
 * - Nights changed by the partner → the file follows, flagged "changed by partner".
 * - STATUS:CANCELLED → the file is cancelled.
 * - A read showing damage (see ReconcileInput.damaged) applies what adds nights, never what
 *   frees one: such a stay keeps what the last good read said, for the next clean read to decide.
 * - A UID never seen with exactly the nights of a stay that vanished → the same stay (partners
 *   rotate UIDs): the file is kept and re-keyed.
 * - Gone from the feed: a departed stay is never a cancellation. If this read lost more than half
 *   of the future stays (an outage serving an empty calendar), nothing is cancelled: the files
 *   are flagged, the owner alerted, and the lost stays stay in the reference read so the next
 *   read is judged against them again. Nor when the read shows damage (an event it could not
 *   read, lines that are not iCalendar): the lost stays are kept as they were. Otherwise
 *   partners that send cancellations get the file cancelled; the others (Feratel Deskline) get
 *   it flagged "gone from the feed", still holding.
 */
import { holdsStock } from '../../shared/domain';
import type { FeedStay } from '../ical/feedTypes';
import type { ReadStay } from '../db/feedReads';
import type { FeedFile } from '../db/syncReservations';
import {
  fileKind,
  fileStatus,
  guestChanges,
  guestJson,
  holdsNights,
  newFileFields,
  type FileFields,
  type FileRef,
  type Plan,
  type ReconcileInput,
} from './planTypes';

function readEntry(stay: FeedStay, guest: string | null, file: FileRef | null): Plan['nextRead'][number] {
  const { key, uid, arrival, departure, kind, status, sequence, dtstamp } = stay;
  return { key, uid, arrival, departure, kind, status, sequence, dtstamp, guest, file };
}

function keptEntry(entry: ReadStay): Plan['nextRead'][number] {
  const { reservationId, ...rest } = entry;
  return { ...rest, file: reservationId === null ? null : { id: reservationId } };
}

function sameAsBefore(before: ReadStay, stay: FeedStay, guest: string | null): boolean {
  return before.arrival === stay.arrival && before.departure === stay.departure && before.status === stay.status && before.kind === stay.kind && before.guest === guest;
}

/** The stay, as this read has it, no longer holds a night it held before. */
function freesNights(before: { status: string; arrival: string; departure: string }, stay: FeedStay): boolean {
  if (!holdsNights(before)) return false;
  return !holdsNights(stay) || stay.arrival > before.arrival || stay.departure < before.departure;
}

const nightsParams = (stay: { arrival: string; departure: string }) => ({ arrival: stay.arrival, departure: stay.departure });

export function reconcile(input: ReconcileInput): Plan {
  const { today, labels } = input;
  const plan: Plan = {
    creates: [],
    updates: [],
    cancels: [],
    flags: [],
    alerts: [],
    nextRead: [],
    suspicious: null,
    counts: { stays: input.current.length, created: 0, updated: 0, cancelled: 0, flagged: 0, rotated: 0, past: 0 },
  };
  const previous = new Map(input.previous.map((s) => [s.key, s]));
  const filesById = new Map(input.files.map((f) => [f.id, f]));
  const filesByKey = new Map(input.files.map((f) => [f.externalId, f]));
  const currentKeys = new Set(input.current.map((s) => s.key));
  const fileOf = (entry: ReadStay | undefined, key: string): FeedFile | undefined =>
    (entry?.reservationId != null ? filesById.get(entry.reservationId) : undefined) ?? filesByKey.get(key);

  // Stays that vanished from this read, by nights, for recognising a rotated UID.
  const vanished = input.previous.filter((s) => !currentKeys.has(s.key));
  const vanishedByNights = new Map<string, ReadStay[]>();
  for (const s of vanished) {
    if (!holdsNights(s)) continue;
    const key = `${s.arrival}/${s.departure}`;
    vanishedByNights.set(key, [...(vanishedByNights.get(key) ?? []), s]);
  }
  const rotatedAway = new Set<string>();

  const flag = (file: FeedFile, name: FeedFile['flags'][number], on: boolean) => {
    if (file.flags.includes(name) === on) return;
    plan.flags.push({ id: file.id, flag: name, on });
    if (on) plan.counts.flagged++;
  };
  const alert = (kind: Plan['alerts'][number]['kind'], file: FileRef | null, params: Record<string, string | number>, dedupe: string) =>
    plan.alerts.push({ kind, file, params: { unit: labels.unit, channel: labels.channel, ...params }, dedupe });

  for (const stay of input.current) {
    // A departed stay changes nothing whatever becomes of it: not imported, not kept for the next read.
    if (stay.departure <= today) {
      plan.counts.past++;
      continue;
    }
    const guest = guestJson(stay);
    const before = previous.get(stay.key);
    let file = fileOf(before, stay.key);
    const changes: Partial<FileFields> = {};
    let changedByPartner = false;

    if (!file && !before && holdsNights(stay)) {
      const candidates = vanishedByNights.get(`${stay.arrival}/${stay.departure}`) ?? [];
      const match = candidates.find((s) => !rotatedAway.has(s.key) && s.kind === stay.kind) ?? candidates.find((s) => !rotatedAway.has(s.key));
      const matchedFile = match ? fileOf(match, match.key) : undefined;
      if (match) rotatedAway.add(match.key);
      if (matchedFile) {
        file = matchedFile;
        changes.externalId = stay.key;
        plan.counts.rotated++;
      }
    }

    if (!file) {
      if (!holdsNights(stay)) {
        plan.nextRead.push(readEntry(stay, guest, null));
      } else {
        const index = plan.creates.push(newFileFields(stay)) - 1;
        plan.counts.created++;
        plan.nextRead.push(readEntry(stay, guest, { created: index }));
        if (!input.firstRead && stay.kind !== 'block') {
          alert('newBooking', { created: index }, { ...nightsParams(stay), guestName: stay.guest?.name ?? '' }, `newBooking:${input.feedId}:${stay.key}:${stay.arrival}`);
        }
      }
      continue;
    }

    const ref: FileRef = { id: file.id };
    const partnerSaysBefore = before ?? { arrival: file.arrival, departure: file.departure, status: holdsStock(file.status) ? 'confirmed' : 'cancelled', guest: null };
    if (input.damaged && freesNights(partnerSaysBefore, stay)) {
      plan.nextRead.push(before ? keptEntry(before) : readEntry(stay, guest, ref));
      continue;
    }
    plan.nextRead.push(readEntry(stay, guest, ref));
    // The common case, nearly every stay of every read: the partner says what it said last time.
    if (before && sameAsBefore(before, stay, guest) && !file.flags.some((f) => f !== 'changedByPartner')) continue;

    if (!holdsNights(stay)) {
      // The partner cancelled it (or left it without a night): free the file, once.
      if (holdsStock(file.status) && holdsNights(partnerSaysBefore)) {
        plan.cancels.push(file.id);
        plan.counts.cancelled++;
        if (file.kind !== 'block') alert('cancellation', ref, { ...nightsParams(file), reason: 'cancelledByPartner' }, `cancellation:${file.id}`);
      }
    } else {
      flag(file, 'goneFromFeed', false);
      flag(file, 'suspiciousFeed', false);
      const nightsMoved = partnerSaysBefore.arrival !== stay.arrival || partnerSaysBefore.departure !== stay.departure;
      if (nightsMoved && (file.arrival !== stay.arrival || file.departure !== stay.departure)) {
        changes.arrival = stay.arrival;
        changes.departure = stay.departure;
        changedByPartner = true;
      }
      if (!holdsStock(file.status)) {
        // Back in the partner's calendar after a cancellation: it holds the night there, so here too.
        if (!holdsNights(partnerSaysBefore)) {
          changes.status = fileStatus(stay);
          changedByPartner = true;
        }
      } else if (before && before.status !== stay.status && file.status !== fileStatus(stay)) {
        changes.status = fileStatus(stay);
        if (stay.status === 'tentative') changedByPartner = true;
      }
      if (before && before.kind !== stay.kind && file.kind !== fileKind(stay)) changes.kind = fileKind(stay);
      if (before && before.guest !== guest) Object.assign(changes, guestChanges(stay));
      if (changedByPartner) {
        flag(file, 'changedByPartner', true);
        const was = { previousArrival: file.arrival, previousDeparture: file.departure };
        alert('changedByPartner', ref, { ...nightsParams(stay), ...was }, `changedByPartner:${file.id}:${stay.arrival}:${stay.departure}:${stay.status}`);
      }
    }
    if (Object.keys(changes).length > 0) {
      plan.updates.push({ id: file.id, changes });
      plan.counts.updated++;
    }
  }

  decideVanished(input, plan, vanished.filter((s) => !rotatedAway.has(s.key)), fileOf, flag, alert);
  return plan;
}

function decideVanished(
  input: ReconcileInput,
  plan: Plan,
  vanished: ReadStay[],
  fileOf: (entry: ReadStay | undefined, key: string) => FeedFile | undefined,
  flag: (file: FeedFile, name: FeedFile['flags'][number], on: boolean) => void,
  alert: (kind: Plan['alerts'][number]['kind'], file: FileRef | null, params: Record<string, string | number>, dedupe: string) => void,
): void {
  const { today } = input;
  const future = (s: ReadStay) => {
    const file = fileOf(s, s.key);
    return file !== undefined && holdsStock(file.status) && holdsNights(s) && s.departure > today && file.departure > today;
  };
  const lost = vanished.filter(future);
  const futureBefore = input.previous.filter(future).length;
  if (lost.length > 0 && lost.length * 2 > futureBefore) {
    plan.suspicious = { lost: lost.length, of: futureBefore };
    for (const s of lost) {
      flag(fileOf(s, s.key)!, 'suspiciousFeed', true);
      // Kept as the reference: the next read is judged against these stays again.
      plan.nextRead.push(keptEntry(s));
    }
    alert('suspiciousFeed', null, { lost: lost.length, of: futureBefore }, `suspiciousFeed:${input.feedId}`);
    return;
  }
  if (input.damaged) {
    // "Cancel only after a complete, valid read confirms it" (DESIGN §4): kept as the
    // reference, unchanged, so the next clean read decides.
    for (const s of lost) plan.nextRead.push(keptEntry(s));
    return;
  }
  for (const s of lost) {
    const file = fileOf(s, s.key)!;
    const ref = { id: file.id };
    if (input.sendsCancellations) {
      plan.cancels.push(file.id);
      plan.counts.cancelled++;
      if (file.kind !== 'block') alert('cancellation', ref, { arrival: file.arrival, departure: file.departure, reason: 'removedByPartner' }, `cancellation:${file.id}`);
    } else {
      if (file.flags.includes('goneFromFeed')) continue;
      flag(file, 'goneFromFeed', true);
      if (file.kind !== 'block') alert('cancellation', ref, { arrival: file.arrival, departure: file.departure, reason: 'goneStillHeld' }, `goneFromFeed:${file.id}`);
    }
  }
}
