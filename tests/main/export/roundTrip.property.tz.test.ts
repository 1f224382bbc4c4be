/**
 * Issue 10, "no double booking": random valid partner calendars round trip through our importer
 * and our export, and back through our importer, under every machine zone of the tz:* projects.
 * A property reads a partner's calendar (a real partner on 127.0.0.1, the real importer) and
 * takes direct bookings; every other channel's feed, served over HTTP, then blocks exactly those
 * nights (read by node-ical and by ical.js). Another Pigeonnier reading that feed as sent knows
 * the events for ours and imports none (no echo loop); read through a partner that re-publishes
 * them under its own UIDs, it holds exactly the same nights. The export alone, from random
 * schedules, is tests/main/ical/exportFeed.tz.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UID_DOMAIN } from '../../../main/ical/ourUid';
import { propertyRuns } from '../../helpers/fastCheck';
import { addFeed, type FeedHarness } from '../../helpers/feedImport';
import { connectChannel, getFeed, serveFeeds } from '../../helpers/feeds';
import { dayNumber, nightOf, nightsOf, parseWithIcalJs, parseWithNodeIcal } from '../../helpers/icsNights';
import { heldNights, partnerCalendar, PARTNER_TODAY, renderCalendar } from '../../helpers/partnerCalendars';
import { ics, startPartner } from '../../helpers/partnerServer';
import { openService } from '../../helpers/service';

function nightsHeld(h: FeedHarness): string[] {
  const rows = h.service.db
    .prepare("SELECT arrival, departure FROM reservations WHERE unit_id = ? AND status IN ('pending', 'confirmed')")
    .all(h.unitId) as { arrival: string; departure: string }[];
  const nights = new Set<string>();
  for (const r of rows) for (let d = dayNumber(r.arrival); d < dayNumber(r.departure); d++) nights.add(nightOf(d));
  return [...nights].sort();
}

const directStay = fc.record({ offset: fc.integer({ min: 440, max: 700 }), nights: fc.integer({ min: 1, max: 10 }) });

describe(`partner → our import → our feeds → another import, under TZ=${process.env.TZ}`, () => {
  it('closes the partner’s and the owner’s nights in every other feed, and reads them back the same', async () => {
    const partner = await startPartner();
    const here = openService();
    const there = openService();
    const { port } = await serveFeeds(here.service);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(partnerCalendar({ minStays: 1, maxStays: 8 }), fc.array(directStay, { maxLength: 3 }), async (calendar, direct) => {
        run++;
        const room = addFeed(here, { url: partner.url(`/airbnb-${run}.ics`), channel: 'airbnb' });
        partner.serve(ics(renderCalendar(calendar)));
        expect(await room.runImport()).toMatchObject({ outcome: 'updated', problem: null });
        for (const stay of direct) {
          const arrival = nightOf(dayNumber(PARTNER_TODAY) + stay.offset);
          here.service.call('reservations:create', { unitId: room.unitId, arrival, departure: nightOf(dayNumber(arrival) + stay.nights), guests: 2, guestName: 'Camille Martin', allowOverbooking: true });
        }
        const expected = [...new Set([...heldNights(calendar), ...direct.flatMap((s) => Array.from({ length: s.nights }, (_, i) => nightOf(dayNumber(PARTNER_TODAY) + s.offset + i)))])].sort();
        expect(nightsHeld(room)).toEqual(expected);

        // Every other channel's feed closes exactly those nights.
        const booking = connectChannel(here.service, [room.unitId], 'booking_com', 'Booking.com');
        const feed = await getFeed(port, booking.tokens.get(room.unitId)!);
        expect(feed.status).toBe(200);
        expect(nightsOf(parseWithNodeIcal(feed.body))).toEqual(expected);
        expect(nightsOf(parseWithIcalJs(feed.body))).toEqual(expected);

        // Another Pigeonnier reading the feed as sent: our own events, none imported.
        const elsewhere = addFeed(there, { url: partner.url(`/booking-${run}.ics`), channel: 'booking_com' });
        partner.serve(ics(feed.body));
        const echo = await elsewhere.runImport();
        expect(echo.problem).toBeNull();
        expect(echo.counts).toMatchObject({ echoes: echo.counts.events, created: 0 });
        expect(nightsHeld(elsewhere)).toEqual([]);

        // The same events re-published by a partner under its own UIDs: the same nights, held.
        partner.serve(ics(feed.body.split(`@${UID_DOMAIN}`).join('@relay.booking.example')));
        expect((await elsewhere.runImport()).problem).toBeNull();
        expect(nightsHeld(elsewhere)).toEqual(expected);
      }),
      propertyRuns(60),
    );
  }, 60_000);
});
