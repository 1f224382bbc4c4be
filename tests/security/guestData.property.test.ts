/**
 * Issue 10, security: no guest data in any feed. A feed link is readable by anyone who has it
 * (DESIGN §4), so whatever the files hold — random guests with accents and emoji, e-mails,
 * phones, addresses, notes, entered by the owner or imported from a partner's calendar through
 * the real importer (Deskline-style descriptions, "Réservée - NAME" summaries) — no served feed
 * carries any of it, in any form (as is, TEXT-escaped, in another case), and no feed has a
 * DESCRIPTION, ATTENDEE, ORGANIZER, CONTACT, LOCATION, COMMENT, URL or ATTACH line: only the
 * properties listed below, every summary "Not available". The fixed-value version with every
 * field of a file is tests/main/server/feedContent.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../helpers/fastCheck';
import { addFeed } from '../helpers/feedImport';
import { connectChannel, getFeed, serveFeeds } from '../helpers/feeds';
import { dayNumber, nightOf, nightsOf, parseWithIcalJs } from '../helpers/icsNights';
import { escapeText, partnerCalendar, partnerGuest, PARTNER_TODAY, renderCalendar, type PartnerGuest } from '../helpers/partnerCalendars';
import { ics, startPartner } from '../helpers/partnerServer';
import { openService } from '../helpers/service';

const FEED_PROPERTIES = new Set([
  'BEGIN', 'END', 'VERSION', 'PRODID', 'NAME', 'X-WR-CALNAME', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL', 'UID', 'SEQUENCE',
  'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'X-MICROSOFT-CDO-ALLDAYEVENT', 'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT',
]);

interface DirectBooking {
  guest: PartnerGuest;
  address: string;
  notes: string;
  offset: number;
  nights: number;
}

const directBooking: fc.Arbitrary<DirectBooking> = fc
  .record({ guest: partnerGuest, street: fc.integer({ min: 1, max: 220 }), code: fc.integer({ min: 1000, max: 9999 }), offset: fc.integer({ min: 0, max: 6 }), nights: fc.integer({ min: 1, max: 9 }) })
  .map(({ guest, street, code, offset, nights }) => ({
    guest,
    address: `${street} chemin des ${guest.name}, 24200 Sarlat`,
    notes: `Code du portail ${code} — arrivée tardive, ${guest.name} 🌙`,
    offset,
    nights,
  }));

/** The string and what a calendar writer could turn it into. */
function forms(secret: string): string[] {
  return [secret, escapeText(secret), secret.toUpperCase(), secret.normalize('NFD')].map((s) => s.toLowerCase());
}

describe('no guest data in any feed', () => {
  it('whatever the files hold and wherever they came from, the feeds carry blocked nights and nothing else', async () => {
    const partner = await startPartner();
    const harness = openService();
    const { service } = harness;
    const { port } = await serveFeeds(service);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        partnerCalendar({ minStays: 1, maxStays: 6 }),
        fc.array(directBooking, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('airbnb' as const, 'feratel_deskline' as const),
        async (calendar, direct, channel) => {
          // A room fed by a partner's calendar, read by the real importer…
          const room = addFeed(harness, { url: partner.url(`/guests-${run++}.ics`), channel, sendsCancellations: channel === 'airbnb' });
          partner.serve(ics(renderCalendar(calendar)));
          expect((await room.runImport()).problem).toBeNull();
          // … bookings the owner entered, each in its own month after the partner's stays…
          direct.forEach((b, i) => {
            const arrival = nightOf(dayNumber(PARTNER_TODAY) + 450 + 30 * i + b.offset);
            service.call('reservations:create', {
              unitId: room.unitId,
              arrival,
              departure: nightOf(dayNumber(arrival) + b.nights),
              guests: 2,
              guestName: b.guest.name,
              email: b.guest.email,
              phone: b.guest.phone,
              address: b.address,
              notes: b.notes,
              allowOverbooking: true,
            });
          });
          // … and every channel's link for that room.
          const links = [connectChannel(service, [room.unitId], 'booking_com', 'Booking.com'), connectChannel(service, [room.unitId], 'abritel', 'Abritel')];

          const secrets = [
            ...calendar.stays.flatMap((s) => (s.guest ? [s.guest.name, s.guest.email, s.guest.phone] : [])),
            ...direct.flatMap((b) => [b.guest.name, b.guest.email, b.guest.phone, b.address, b.notes]),
          ];
          // The files do hold guest data: the feeds below have something to leak.
          const held = service.db.prepare('SELECT guest_name, email, phone, address, notes FROM reservations WHERE unit_id = ?').all(room.unitId);
          expect(JSON.stringify(held)).toContain(JSON.stringify(direct[0]!.guest.email));

          for (const link of links) {
            const feed = await getFeed(port, link.tokens.get(room.unitId)!);
            expect(feed.status).toBe(200);
            const body = feed.body.toLowerCase();
            for (const secret of secrets) for (const form of forms(secret)) expect(body, `"${secret}" is in a feed`).not.toContain(form);
            const lines = feed.body.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
            for (const line of lines) expect(FEED_PROPERTIES, line).toContain(/^[A-Z-]+/.exec(line)?.[0]);
            for (const line of lines.filter((l) => l.startsWith('SUMMARY'))) expect(line).toBe('SUMMARY:Not available');
            // The owner's bookings are there, as blocked nights: the feed was not just empty.
            expect(nightsOf(parseWithIcalJs(feed.body))).toContain(nightOf(dayNumber(PARTNER_TODAY) + 450 + direct[0]!.offset));
          }
        },
      ),
      propertyRuns(60),
    );
  }, 60_000);
});
