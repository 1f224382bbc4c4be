/**
 * Importing a partner's calendar end to end (DESIGN §4): a real partner on 127.0.0.1 serving a
 * sequence of calendars, the real fetcher, a real SQLite file. Each test reads what the
 * database holds afterwards.
 */
import { describe, expect, it } from 'vitest';
import { listAlerts } from '../../../main/db/alerts';
import { listHistory } from '../../../main/db/history';
import { exportEventUid } from '../../../main/ical/ourUid';
import { messageFromJson } from '../../../main/ical/feedProblem';
import { calendar, openFeed, reservationTables, type TestEvent } from '../../helpers/feedImport';
import { ics, startPartner, status } from '../../helpers/partnerServer';
import { book } from '../../helpers/service';

const A: TestEvent = ['a@airbnb.com', '2026-07-10', '2026-07-13'];
const B: TestEvent = ['b@airbnb.com', '2026-07-20', '2026-07-25'];
const C: TestEvent = ['c@airbnb.com', '2026-08-01', '2026-08-04'];
const D: TestEvent = ['d@airbnb.com', '2026-08-10', '2026-08-12', 'Reserved', 'DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMDDDD4444'];

async function feedWith(...bodies: ReturnType<typeof ics>[]) {
  const partner = await startPartner();
  partner.serve(...bodies);
  const harness = openFeed({ url: partner.url() });
  return { partner, harness };
}

function files(harness: ReturnType<typeof openFeed>) {
  return harness.service.call('reservations:list', {}).items.map((r) => ({ ext: r.partnerReference, arrival: r.arrival, departure: r.departure, status: r.status, kind: r.kind, flags: r.flags }));
}

describe('importing a feed', () => {
  it('imports a first read as files made by the sync, keeps the body, then replays the validators and gets 304', async () => {
    const body = calendar([A, D]);
    const { partner, harness } = await feedWith(ics(body, { etag: '"v1"', 'last-modified': 'Fri, 01 May 2026 08:00:00 GMT' }), status(304));
    const first = await harness.runImport();
    expect(first).toMatchObject({ outcome: 'updated', httpStatus: 200, problem: null, counts: { created: 2, events: 2 } });
    const items = harness.service.call('reservations:list', {}).items;
    expect(items.map((r) => [r.arrival, r.departure, r.status, r.kind, r.sourceConnectionId, r.partnerReference])).toEqual([
      ['2026-07-10', '2026-07-13', 'confirmed', 'booking', harness.connectionId, null],
      ['2026-08-10', '2026-08-12', 'confirmed', 'booking', harness.connectionId, 'HMDDDD4444'],
    ]);
    expect(listHistory(harness.service.db, items[0]!.id)).toEqual([expect.objectContaining({ action: 'created', actor: { kind: 'sync', connectionId: harness.connectionId } })]);
    // A first read imports what exists: nothing to announce as new.
    expect(listAlerts(harness.service.db)).toEqual([]);
    expect(harness.feedRow()).toMatchObject({ health: 'ok', etag: '"v1"', last_modified: 'Fri, 01 May 2026 08:00:00 GMT', last_good_body: Buffer.from(body), last_error: null });

    const before = reservationTables(harness);
    const second = await harness.runImport();
    expect(second).toMatchObject({ outcome: 'unchanged', httpStatus: 304 });
    expect(partner.requests[1]!.headers['if-none-match']!.toString()).toBe('"v1"');
    expect(partner.requests[1]!.headers['if-modified-since']!.toString()).toBe('Fri, 01 May 2026 08:00:00 GMT');
    expect(reservationTables(harness)).toEqual(before);
    expect(harness.runs().map((r) => [r.outcome, r.httpStatus])).toEqual([
      ['unchanged', 304],
      ['updated', 200],
    ]);
  });

  it('calls a byte-identical body unchanged without reconciling it', async () => {
    const { harness } = await feedWith(ics(calendar([A])));
    await harness.runImport();
    const before = reservationTables(harness);
    expect(await harness.runImport()).toMatchObject({ outcome: 'unchanged', httpStatus: 200 });
    expect(reservationTables(harness)).toEqual(before);
  });

  it('keeps the new validators of a byte-identical body, and replays them on the next read', async () => {
    const body = calendar([A]);
    const { partner, harness } = await feedWith(ics(body, { etag: '"v1"' }), ics(body, { etag: '"v2"', 'last-modified': 'Sat, 02 May 2026 08:00:00 GMT' }), status(304));
    await harness.runImport();
    expect(await harness.runImport()).toMatchObject({ outcome: 'unchanged', httpStatus: 200 });
    expect(harness.feedRow()).toMatchObject({ etag: '"v2"', last_modified: 'Sat, 02 May 2026 08:00:00 GMT', last_good_body: Buffer.from(body) });
    expect(await harness.runImport()).toMatchObject({ outcome: 'unchanged', httpStatus: 304 });
    expect(partner.requests[2]!.headers['if-none-match']!.toString()).toBe('"v2"');
  });

  it('creates a new booking on a later read, announces it, and raises the overbooking it causes', async () => {
    const { harness } = await feedWith(ics(calendar([A])), ics(calendar([A, B])));
    await harness.runImport();
    const direct = book(harness.service, { unitId: harness.unitId, arrival: '2026-07-22', departure: '2026-07-24', guestName: 'Jean Dupont' });
    harness.emitted.length = 0;
    const result = await harness.runImport();
    expect(result.counts).toMatchObject({ created: 1 });
    const imported = harness.service.call('reservations:list', {}).items.find((r) => r.arrival === '2026-07-20')!;
    const alerts = listAlerts(harness.service.db);
    expect(alerts.map((a) => [a.kind, [...a.reservationIds].sort()])).toEqual(
      expect.arrayContaining([
        ['newBooking', [imported.id]],
        ['overbooking', [direct.id, imported.id].sort()],
      ]),
    );
    expect(imported.flags).toContain('overbooked');
    // Announced after the commit, for the page and the tray.
    expect(harness.emitted.map((e) => e.event)).toEqual(expect.arrayContaining(['alerts:new', 'reservations:changed', 'availability:changed']));
  });

  it('follows the partner when it moves a booking, flags the file and alerts', async () => {
    const { harness } = await feedWith(ics(calendar([A, B])), ics(calendar([[A[0], '2026-07-11', '2026-07-15'], B])));
    await harness.runImport();
    await harness.runImport();
    const moved = harness.service.call('reservations:list', {}).items[0]!;
    expect([moved.arrival, moved.departure, moved.flags]).toEqual(['2026-07-11', '2026-07-15', ['changedByPartner']]);
    expect(listHistory(harness.service.db, moved.id).map((h) => [h.action, h.changes])).toEqual([
      ['created', expect.anything()],
      ['updated', { arrival: ['2026-07-10', '2026-07-11'], departure: ['2026-07-13', '2026-07-15'] }],
      ['flagged', { changedByPartner: [false, true] }],
    ]);
    expect(listAlerts(harness.service.db).map((a) => a.kind)).toEqual(['changedByPartner']);
  });

  it('cancels a booking that disappears from a partner that sends cancellations', async () => {
    const { harness } = await feedWith(ics(calendar([A, B, C, D])), ics(calendar([A, B, C])));
    await harness.runImport();
    const result = await harness.runImport();
    expect(result).toMatchObject({ outcome: 'updated', counts: { cancelled: 1 }, suspicious: null });
    const gone = harness.service.call('reservations:list', {}).items.find((r) => r.arrival === '2026-08-10')!;
    expect(gone.status).toBe('cancelled');
    expect(listHistory(harness.service.db, gone.id).at(-1)).toMatchObject({ action: 'cancelled', actor: { kind: 'sync', connectionId: harness.connectionId } });
    expect(listAlerts(harness.service.db)).toEqual([expect.objectContaining({ kind: 'cancellation', reservationIds: [gone.id], params: expect.objectContaining({ reason: 'removedByPartner' }) })]);
  });

  it('for Feratel Deskline, which sends no cancellations, flags it "gone from the feed" and keeps the night held', async () => {
    const partner = await startPartner();
    partner.serve(ics(calendar([A, B, C, D])), ics(calendar([A, B, C])));
    const harness = openFeed({ url: partner.url(), channel: 'feratel_deskline', sendsCancellations: false });
    await harness.runImport();
    await harness.runImport();
    const gone = harness.service.call('reservations:list', {}).items.find((r) => r.arrival === '2026-08-10')!;
    expect([gone.status, gone.flags]).toEqual(['confirmed', ['goneFromFeed']]);
    const [night] = harness.service.call('availability:get', { unitIds: [harness.unitId], firstNight: '2026-08-10', lastNight: '2026-08-10' })[0]!.nights;
    expect(night).toMatchObject({ held: 1, free: 0 });
  });

  it('cancels nothing when an outage serves an empty calendar: files flagged, feed suspicious, owner alerted; then recovers', async () => {
    const good = calendar([A, B, C]);
    const { partner, harness } = await feedWith(ics(good, { etag: '"good"' }), ics(calendar([]), { etag: '"empty"' }), status(304));
    await harness.runImport();
    const statuses = () => harness.service.call('reservations:list', {}).items.map((r) => r.status);

    const outage = await harness.runImport();
    expect(outage).toMatchObject({ outcome: 'updated', suspicious: { lost: 3, of: 3 }, counts: { cancelled: 0 } });
    expect(statuses()).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(files(harness).map((f) => f.flags)).toEqual([['suspiciousFeed'], ['suspiciousFeed'], ['suspiciousFeed']]);
    expect(listAlerts(harness.service.db)).toEqual([expect.objectContaining({ kind: 'suspiciousFeed', params: expect.objectContaining({ lost: 3, of: 3 }) })]);
    expect(harness.feedRow()).toMatchObject({ health: 'suspicious', etag: '"good"', last_good_body: Buffer.from(good) });
    expect(messageFromJson(harness.feedRow().last_error as string)).toEqual({ key: 'feeds.warning.suspicious', params: { lost: 3, of: 3 } });

    // The partner is back: it answers 304 to the validators of the last good read, which is read again.
    const back = await harness.runImport();
    expect(partner.requests[2]!.headers['if-none-match']!.toString()).toBe('"good"');
    expect(back).toMatchObject({ httpStatus: 304, suspicious: null });
    expect(statuses()).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(files(harness).map((f) => f.flags)).toEqual([[], [], []]);
    expect(harness.feedRow()).toMatchObject({ health: 'ok', last_error: null });
  });

  it('ignores our own events echoed back by the partner', async () => {
    const { harness } = await feedWith(ics(calendar([[exportEventUid(3, '2026-07-10'), '2026-07-10', '2026-07-13', 'Not available'], B])));
    const result = await harness.runImport();
    expect(result.counts).toMatchObject({ echoes: 1, created: 1 });
    expect(result.warnings.map((w) => w.key)).toEqual(['feeds.warning.echoesIgnored']);
    expect(harness.service.call('reservations:list', {}).items.map((r) => r.arrival)).toEqual(['2026-07-20']);
  });

  it('keeps the same file when the partner rotates a UID for the same nights', async () => {
    const { harness } = await feedWith(ics(calendar([A, B])), ics(calendar([['a-new-uid@airbnb.com', A[1], A[2]], B])));
    await harness.runImport();
    const before = harness.service.call('reservations:list', {}).items.map((r) => r.id);
    const result = await harness.runImport();
    expect(result.counts).toMatchObject({ rotated: 1, created: 0, cancelled: 0 });
    const after = harness.service.call('reservations:list', {}).items;
    expect(after.map((r) => [r.id, r.status])).toEqual(before.map((id) => [id, 'confirmed']));
    expect(listAlerts(harness.service.db)).toEqual([]);
    // The history says which UID the new one replaced.
    const rekeyed = after.find((r) => r.arrival === A[1])!;
    expect(listHistory(harness.service.db, rekeyed.id).at(-1)).toMatchObject({ action: 'updated', changes: { externalId: [A[0], 'a-new-uid@airbnb.com'] } });
  });

  it('reads nights in the property’s time zone, whatever the machine’s', async () => {
    const timed = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:t@amivac.example\r\nDTSTART:20260710T230000Z\r\nDTEND:20260712T090000Z\r\nSUMMARY:Réservé\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const { harness } = await feedWith(ics(timed));
    harness.service.call('property:save', { name: 'Gîte du Lagon', type: 'gite', country: 'NC', timeZone: 'Pacific/Noumea' });
    await harness.runImport();
    // 23:00Z on the 10th is 10:00 on the 11th in Nouméa; 09:00Z on the 12th is 20:00 there.
    expect(harness.service.call('reservations:list', {}).items.map((r) => [r.arrival, r.departure])).toEqual([['2026-07-11', '2026-07-12']]);
  });
});
