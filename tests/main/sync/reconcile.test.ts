/**
 * Reconcile's decisions (DESIGN §4), pure: no database, no clock, no network. Each test gives
 * the last good read, this read, the files and today, and reads the plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReservationStatus, StoredFlag } from '../../../shared/domain';
import type { FeedStay } from '../../../main/ical/feedTypes';
import type { ReadStay } from '../../../main/db/feedReads';
import type { FeedFile } from '../../../main/db/syncReservations';
import { reconcile } from '../../../main/sync/reconcile';
import { guestJson, type ReconcileInput } from '../../../main/sync/planTypes';

const TODAY = '2026-07-01';

function stay(key: string, arrival: string, departure: string, fields: Partial<FeedStay> = {}): FeedStay {
  return { key, uid: key, arrival, departure, kind: 'reservation', status: 'confirmed', summary: 'Reserved', description: '', guest: null, sequence: 0, dtstamp: null, ...fields };
}

/** The stays as the last good read stored them, mapped to files 1, 2, 3 … in order. */
function readOf(stays: FeedStay[], ids: (number | null)[] = stays.map((_, i) => i + 1)): ReadStay[] {
  return stays.map((s, i) => ({
    key: s.key,
    uid: s.uid,
    arrival: s.arrival,
    departure: s.departure,
    kind: s.kind,
    status: s.status,
    sequence: s.sequence,
    dtstamp: s.dtstamp,
    guest: guestJson(s),
    reservationId: ids[i]!,
  }));
}

function filesOf(stays: FeedStay[], overrides: Partial<FeedFile>[] = []): FeedFile[] {
  return stays.map((s, i) => ({
    id: i + 1,
    externalId: s.key,
    kind: s.kind === 'block' ? 'block' : 'booking',
    status: (s.status === 'tentative' ? 'pending' : 'confirmed') as ReservationStatus,
    arrival: s.arrival,
    departure: s.departure,
    flags: [] as StoredFlag[],
    ...overrides[i],
  }));
}

function plan(input: Partial<ReconcileInput>) {
  return reconcile({
    feedId: 7,
    previous: [],
    firstRead: false,
    current: [],
    files: [],
    sendsCancellations: true,
    today: TODAY,
    labels: { unit: 'La Grange', channel: 'Airbnb' },
    ...input,
  });
}

const A = stay('a@airbnb.com', '2026-07-10', '2026-07-13');
const B = stay('b@airbnb.com', '2026-07-20', '2026-07-25');
const C = stay('c@airbnb.com', '2026-08-01', '2026-08-04');
const D = stay('d@airbnb.com', '2026-08-10', '2026-08-12');
const PAST = stay('past@airbnb.com', '2026-06-20', '2026-06-25');

describe('reconcile: stays that appear', () => {
  it('imports every upcoming stay of a first read as a file, announces none, and skips departed ones', () => {
    const result = plan({ firstRead: true, current: [A, B, PAST] });
    expect(result.creates.map((c) => [c.externalId, c.arrival, c.departure, c.status, c.kind])).toEqual([
      ['a@airbnb.com', '2026-07-10', '2026-07-13', 'confirmed', 'booking'],
      ['b@airbnb.com', '2026-07-20', '2026-07-25', 'confirmed', 'booking'],
    ]);
    expect(result.alerts).toEqual([]);
    expect(result.counts).toMatchObject({ created: 2, past: 1 });
    // Departed stays are not kept for the next read either: nothing they do can matter.
    expect(result.nextRead.map((r) => [r.key, r.file])).toEqual([
      ['a@airbnb.com', { created: 0 }],
      ['b@airbnb.com', { created: 1 }],
    ]);
  });

  it('announces a new booking on a later read, but not a new "Not available"', () => {
    const block = stay('blk@airbnb.com', '2026-09-01', '2026-09-03', { kind: 'block', summary: 'Airbnb (Not available)' });
    const result = plan({ previous: readOf([A]), files: filesOf([A]), current: [A, B, block] });
    expect(result.creates.map((c) => [c.externalId, c.kind])).toEqual([
      ['b@airbnb.com', 'booking'],
      ['blk@airbnb.com', 'block'],
    ]);
    expect(result.alerts).toEqual([expect.objectContaining({ kind: 'newBooking', file: { created: 0 }, params: expect.objectContaining({ arrival: '2026-07-20', unit: 'La Grange', channel: 'Airbnb' }) })]);
  });

  it('creates a tentative stay as pending, with the guest details the partner sent', () => {
    const guest = { name: 'Marie Dupont', guests: 4, phone: '06 12 34 56 78', email: 'marie@example.fr', reference: 'GDF-1', phoneLast4: null };
    const result = plan({ current: [stay('t', '2026-07-10', '2026-07-12', { status: 'tentative', guest })] });
    expect(result.creates[0]).toMatchObject({ status: 'pending', guestName: 'Marie Dupont', guests: 4, phone: '06 12 34 56 78', email: 'marie@example.fr', partnerReference: 'GDF-1' });
  });

  it('creates nothing for a cancelled event or one that holds no night', () => {
    const result = plan({ current: [stay('x', '2026-07-10', '2026-07-12', { status: 'cancelled' }), stay('y', '2026-07-10', '2026-07-10')] });
    expect(result.creates).toEqual([]);
  });
});

describe('reconcile: stays the partner changed', () => {
  it('moves the file when the partner moved the nights, flags it and alerts', () => {
    const moved = { ...A, arrival: '2026-07-11', departure: '2026-07-15' };
    const result = plan({ previous: readOf([A]), files: filesOf([A]), current: [moved] });
    expect(result.updates).toEqual([{ id: 1, changes: { arrival: '2026-07-11', departure: '2026-07-15' } }]);
    expect(result.flags).toEqual([{ id: 1, flag: 'changedByPartner', on: true }]);
    expect(result.alerts).toEqual([
      expect.objectContaining({ kind: 'changedByPartner', file: { id: 1 }, params: expect.objectContaining({ arrival: '2026-07-11', previousArrival: '2026-07-10' }) }),
    ]);
  });

  it('leaves alone a file the owner moved while the partner changed nothing', () => {
    const result = plan({ previous: readOf([A]), files: filesOf([A], [{ arrival: '2026-07-09' }]), current: [A] });
    expect(result.updates).toEqual([]);
    expect(result.flags).toEqual([]);
  });

  it('cancels a file the partner marks STATUS:CANCELLED, once', () => {
    const cancelled = { ...A, status: 'cancelled' as const };
    const first = plan({ previous: readOf([A]), files: filesOf([A]), current: [cancelled] });
    expect(first.cancels).toEqual([1]);
    expect(first.alerts.map((a) => [a.kind, a.params.reason])).toEqual([['cancellation', 'cancelledByPartner']]);
    const again = plan({ previous: readOf([cancelled]), files: filesOf([A], [{ status: 'cancelled' }]), current: [cancelled] });
    expect(again.cancels).toEqual([]);
  });

  it('confirms a tentative stay quietly, but flags a confirmed one turned tentative', () => {
    const tentative = { ...A, status: 'tentative' as const };
    const confirmed = plan({ previous: readOf([tentative]), files: filesOf([tentative]), current: [A] });
    expect(confirmed.updates).toEqual([{ id: 1, changes: { status: 'confirmed' } }]);
    expect(confirmed.flags).toEqual([]);
    const downgraded = plan({ previous: readOf([A]), files: filesOf([A]), current: [tentative] });
    expect(downgraded.updates).toEqual([{ id: 1, changes: { status: 'pending' } }]);
    expect(downgraded.flags).toEqual([{ id: 1, flag: 'changedByPartner', on: true }]);
  });

  it('does not undo the owner’s cancellation of a stay the partner still shows unchanged', () => {
    const result = plan({ previous: readOf([A]), files: filesOf([A], [{ status: 'cancelled' }]), current: [A] });
    expect(result.updates).toEqual([]);
  });

  it('reinstates a file when a stay the partner had cancelled comes back', () => {
    const cancelled = { ...A, status: 'cancelled' as const };
    const result = plan({ previous: readOf([cancelled]), files: filesOf([A], [{ status: 'cancelled' }]), current: [A] });
    expect(result.updates).toEqual([{ id: 1, changes: { status: 'confirmed' } }]);
    expect(result.flags).toEqual([{ id: 1, flag: 'changedByPartner', on: true }]);
  });

  it('refreshes the guest details when the partner changes them', () => {
    const before = { ...A, guest: { name: 'Marie', guests: 2, phone: null, email: null, reference: 'R1', phoneLast4: null } };
    const after = { ...A, guest: { ...before.guest, guests: 3 } };
    const result = plan({ previous: readOf([before]), files: filesOf([before]), current: [after] });
    expect(result.updates).toEqual([{ id: 1, changes: expect.objectContaining({ guests: 3, guestName: 'Marie', partnerReference: 'R1' }) }]);
    expect(result.flags).toEqual([]);
  });

  it('turns a "Not available" into a booking when the partner says it is one now', () => {
    const block = { ...A, kind: 'block' as const, summary: 'Airbnb (Not available)' };
    const result = plan({ previous: readOf([block]), files: filesOf([block]), current: [A] });
    expect(result.updates).toEqual([{ id: 1, changes: { kind: 'booking' } }]);
  });

  it('recognises a rotated UID: a new UID with exactly the nights of a vanished stay is the same stay', () => {
    const rotated = { ...A, key: 'a2@airbnb.com', uid: 'a2@airbnb.com' };
    const result = plan({ previous: readOf([A, B]), files: filesOf([A, B]), current: [rotated, B] });
    expect(result.creates).toEqual([]);
    expect(result.cancels).toEqual([]);
    expect(result.updates).toEqual([{ id: 1, changes: { externalId: 'a2@airbnb.com' } }]);
    expect(result.nextRead.find((r) => r.key === 'a2@airbnb.com')?.file).toEqual({ id: 1 });
    expect(result.counts.rotated).toBe(1);
  });
});

describe('reconcile: stays gone from the feed', () => {
  it('cancels a vanished upcoming stay when the partner sends cancellations', () => {
    const result = plan({ previous: readOf([A, B, C, D]), files: filesOf([A, B, C, D]), current: [A, B, C] });
    expect(result.cancels).toEqual([4]);
    expect(result.suspicious).toBeNull();
    expect(result.alerts.map((a) => [a.kind, a.params.reason])).toEqual([['cancellation', 'removedByPartner']]);
  });

  it('flags it "gone from the feed" and keeps it holding for a partner that sends no cancellations', () => {
    const result = plan({ previous: readOf([A, B, C, D]), files: filesOf([A, B, C, D]), current: [A, B, C], sendsCancellations: false });
    expect(result.cancels).toEqual([]);
    expect(result.flags).toEqual([{ id: 4, flag: 'goneFromFeed', on: true }]);
    expect(result.alerts.map((a) => [a.kind, a.params.reason])).toEqual([['cancellation', 'goneStillHeld']]);
  });

  it('clears "gone from the feed" when the stay comes back', () => {
    const result = plan({ previous: [], files: filesOf([A], [{ flags: ['goneFromFeed'] }]), current: [A], sendsCancellations: false });
    expect(result.flags).toEqual([{ id: 1, flag: 'goneFromFeed', on: false }]);
    expect(result.creates).toEqual([]);
  });

  it('never cancels a stay that has already departed', () => {
    const result = plan({ previous: readOf([PAST, A, B, C]), files: filesOf([PAST, A, B, C]), current: [A, B, C] });
    expect(result.cancels).toEqual([]);
    expect(result.flags).toEqual([]);
    expect(result.nextRead.map((r) => r.key)).toEqual(['a@airbnb.com', 'b@airbnb.com', 'c@airbnb.com']);
  });

  it('cancels nothing when a read loses all upcoming stays (an outage serving an empty calendar): suspicious', () => {
    const result = plan({ previous: readOf([A, B, C]), files: filesOf([A, B, C]), current: [] });
    expect(result.cancels).toEqual([]);
    expect(result.suspicious).toEqual({ lost: 3, of: 3 });
    expect(result.flags).toEqual([1, 2, 3].map((id) => ({ id, flag: 'suspiciousFeed', on: true })));
    expect(result.alerts).toEqual([expect.objectContaining({ kind: 'suspiciousFeed', file: null, params: expect.objectContaining({ lost: 3, of: 3 }), dedupe: 'suspiciousFeed:7' })]);
    // The lost stays stay in the reference read: the next read is judged against them again.
    expect(result.nextRead.map((r) => [r.key, r.file])).toEqual([
      ['a@airbnb.com', { id: 1 }],
      ['b@airbnb.com', { id: 2 }],
      ['c@airbnb.com', { id: 3 }],
    ]);
  });

  it('calls losing most (3 of 4) suspicious too, but not losing one of four', () => {
    expect(plan({ previous: readOf([A, B, C, D]), files: filesOf([A, B, C, D]), current: [D] }).suspicious).toEqual({ lost: 3, of: 4 });
    expect(plan({ previous: readOf([A, B, C, D]), files: filesOf([A, B, C, D]), current: [A, B, C] }).suspicious).toBeNull();
  });

  it('clears the suspicious flags when the stays come back', () => {
    const files = filesOf([A, B], [{ flags: ['suspiciousFeed'] }, { flags: ['suspiciousFeed'] }]);
    const result = plan({ previous: readOf([A, B]), files, current: [A, B] });
    expect(result.flags).toEqual([
      { id: 1, flag: 'suspiciousFeed', on: false },
      { id: 2, flag: 'suspiciousFeed', on: false },
    ]);
  });

  it('frees nothing on a damaged read: a stay missing, shorter or cancelled keeps the last good read; a longer or a new one is applied', () => {
    const shorter = { ...B, departure: '2026-07-22' };
    const cancelled = { ...C, status: 'cancelled' as const };
    const longer = { ...D, departure: '2026-08-14' };
    const E = stay('e@airbnb.com', '2026-09-01', '2026-09-03');
    const result = plan({ previous: readOf([A, B, C, D]), files: filesOf([A, B, C, D]), current: [shorter, cancelled, longer, E], damaged: true });
    expect(result.cancels).toEqual([]);
    expect(result.updates).toEqual([{ id: 4, changes: { arrival: '2026-08-10', departure: '2026-08-14' } }]);
    expect(result.creates.map((c) => c.externalId)).toEqual(['e@airbnb.com']);
    // What the damaged read would have freed stays as the last good read said, for the next clean read to judge.
    expect(result.nextRead.filter((r) => r.key !== 'e@airbnb.com').map((r) => [r.key, r.arrival, r.departure, r.status])).toEqual(
      expect.arrayContaining([
        ['a@airbnb.com', '2026-07-10', '2026-07-13', 'confirmed'],
        ['b@airbnb.com', '2026-07-20', '2026-07-25', 'confirmed'],
        ['c@airbnb.com', '2026-08-01', '2026-08-04', 'confirmed'],
        ['d@airbnb.com', '2026-08-10', '2026-08-14', 'confirmed'],
      ]),
    );
    // The same read, clean, applies all of it.
    const clean = plan({ previous: readOf([A, B, C, D]), files: filesOf([A, B, C, D]), current: [shorter, cancelled, longer, E] });
    expect(clean.cancels.sort()).toEqual([1, 3]);
  });

  it('whatever vanishes, never cancels a departed stay, and never cancels anything in a suspicious read or for a partner without cancellations', () => {
    const nights = fc.record({ start: fc.integer({ min: -30, max: 60 }), length: fc.integer({ min: 1, max: 10 }) });
    fc.assert(
      fc.property(fc.array(nights, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.boolean(), (spans, kept, sends) => {
        const day = (offset: number) => new Date(Date.UTC(2026, 6, 1 + offset)).toISOString().slice(0, 10);
        const stays = spans.map((s, i) => stay(`s${i}`, day(s.start), day(s.start + s.length)));
        const current = stays.filter((_, i) => kept[i]);
        const result = plan({ previous: readOf(stays), files: filesOf(stays), current, sendsCancellations: sends });
        for (const id of result.cancels) expect(stays[id - 1]!.departure > TODAY).toBe(true);
        if (result.suspicious || !sends) expect(result.cancels).toEqual([]);
        expect(result.creates).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
