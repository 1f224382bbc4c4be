/**
 * The fault campaign, calendars that are valid but surprising: an empty calendar that would
 * free every future stay (an outage on the partner's side), and calendars that change between
 * polls — stays new, moved, removed, and back again. The same invariants as every case
 * (invariants.ts) hold after each round; these add what the owner sees on the files.
 */
import { describe, expect, it } from 'vitest';
import { ics } from '../helpers/partnerServer';
import { inStep, V2_ALERTS } from './expectations';
import { checkInvariants, takeBaseline, type FeedExpectation } from './invariants';
import { CALENDARS, openProperty, partnerCalendar, type Property, type RoomName } from './property';

const EMPTY = partnerCalendar([]).body;

/** The partner's files of a room, by UID: status and flags. */
function partnerFiles(p: Property, room: RoomName): Record<string, { id: number; status: string; flags: string[] }> {
  const { connectionId, unitId } = p.rooms[room];
  const uid = p.service.db.prepare('SELECT external_id FROM reservations WHERE id = ?').pluck();
  const files = p.service.call('reservations:list', { source: connectionId, unitId }).items;
  return Object.fromEntries(files.map((f) => [uid.get(f.id) as string, { id: f.id, status: f.status, flags: f.flags }]));
}

function suspicious(calendar: FeedExpectation['calendar'], outcome: 'updated' | 'unchanged'): FeedExpectation {
  return { calendar, health: 'suspicious', run: { outcome, key: 'feeds.warning.suspicious' } };
}

describe('the fault campaign: calendars that are valid but surprising', () => {
  it('an empty calendar losing every future stay: nothing cancelled, the files flagged, the owner asked once; the next good read clears it', async () => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    p.rooms.grange.partner.serve(ics(EMPTY));
    p.rooms.bergerie.partner.serve(ics(EMPTY));
    await p.untilRead('grange');
    const asked = ['suspiciousFeed@Airbnb', 'suspiciousFeed@Gîtes de France'] as const;
    // The last good calendar stays the reference: the next read is judged against it again.
    const held = { grange: suspicious(CALENDARS.grange.v1, 'updated'), fournil: inStep(CALENDARS.fournil.v1), bergerie: suspicious(CALENDARS.bergerie.v1, 'updated') };
    expect(checkInvariants(p, baseline, { feeds: held, alerts: [...asked] })).toEqual([]);
    for (const room of ['grange', 'bergerie'] as const) {
      for (const [uid, file] of Object.entries(partnerFiles(p, room))) expect(file, uid).toMatchObject({ status: 'confirmed', flags: ['suspiciousFeed'] });
    }
    expect(p.loop.status().overall).toBe('conflict');

    // Still empty at the next poll: still nothing cancelled, and not asked twice.
    await p.untilRead('grange');
    expect(checkInvariants(p, baseline, { feeds: { ...held, grange: suspicious(CALENDARS.grange.v1, 'unchanged'), bergerie: suspicious(CALENDARS.bergerie.v1, 'unchanged') }, alerts: [...asked] })).toEqual([]);

    // The partners' calendars come back: the flags go, the alerts stay for the owner to read.
    p.rooms.grange.partner.serve(ics(CALENDARS.grange.v1.body));
    p.rooms.bergerie.partner.serve(ics(CALENDARS.bergerie.v1.body));
    await p.untilRead('grange');
    const back = { grange: inStep(CALENDARS.grange.v1, 'updated'), fournil: inStep(CALENDARS.fournil.v1), bergerie: inStep(CALENDARS.bergerie.v1, 'updated') };
    expect(checkInvariants(p, baseline, { feeds: back, alerts: [...asked] })).toEqual([]);
    for (const room of ['grange', 'bergerie'] as const) {
      for (const [uid, file] of Object.entries(partnerFiles(p, room))) expect(file, uid).toMatchObject({ status: 'confirmed', flags: [] });
    }
  });

  it('calendars that change between polls: new, moved, removed and returning stays follow whole, each told to the owner', async () => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    const before = { grange: partnerFiles(p, 'grange'), bergerie: partnerFiles(p, 'bergerie') };
    for (const room of ['grange', 'fournil', 'bergerie'] as const) p.rooms[room].partner.serve(ics(CALENDARS[room].v2.body));
    await p.untilRead('grange');
    const allV2 = { grange: inStep(CALENDARS.grange.v2, 'updated'), fournil: inStep(CALENDARS.fournil.v2, 'updated'), bergerie: inStep(CALENDARS.bergerie.v2, 'updated') };
    const v2Alerts = [...V2_ALERTS.grange, ...V2_ALERTS.fournil, ...V2_ALERTS.bergerie];
    expect(checkInvariants(p, baseline, { feeds: allV2, alerts: v2Alerts })).toEqual([]);
    const grange = partnerFiles(p, 'grange');
    // Removed from Airbnb: the same file, cancelled. Gone from Deskline: still holding, flagged.
    expect(grange['g-3@airbnb.com']).toEqual({ ...before.grange['g-3@airbnb.com']!, status: 'cancelled' });
    expect(partnerFiles(p, 'bergerie')['b-2@deskline.net']).toEqual({ ...before.bergerie['b-2@deskline.net']!, flags: ['goneFromFeed'] });
    // Moved by the partner: the owner's guest, notes and amount kept, the file flagged.
    expect(p.service.call('reservations:get', { id: p.annotated.id })).toMatchObject({
      arrival: '2026-08-11',
      departure: '2026-08-15',
      guestName: 'Julie Roux',
      notes: p.annotated.notes,
      amountCents: p.annotated.amountCents,
      flags: ['changedByPartner'],
    });

    // Next poll: g-3 is back and g-2 returns to its first nights.
    p.rooms.grange.partner.serve(ics(CALENDARS.grange.v3.body));
    await p.untilRead('grange');
    expect(
      checkInvariants(p, baseline, { feeds: { ...allV2, grange: inStep(CALENDARS.grange.v3, 'updated'), fournil: inStep(CALENDARS.fournil.v2), bergerie: inStep(CALENDARS.bergerie.v2) }, alerts: [...v2Alerts, 'changedByPartner@Airbnb', 'changedByPartner@Airbnb'] }),
    ).toEqual([]);
    expect(partnerFiles(p, 'grange')['g-3@airbnb.com']).toMatchObject({ id: before.grange['g-3@airbnb.com']!.id, status: 'confirmed' });
  });
});
