/**
 * What a partner's link gives away, read over HTTP from a real database: blocked nights and
 * nothing else — never a guest's details, never the partner's own stays back.
 */
import { describe, expect, it } from 'vitest';
import { connectChannel, getFeed, partnerStay, serveFeeds } from '../../helpers/feeds';
import { nightsOf, parseWithIcalJs, parseWithNodeIcal } from '../../helpers/icsNights';
import { addUnit, book, openService } from '../../helpers/service';

async function nightsServed(port: number, token: string): Promise<string[]> {
  const response = await getFeed(port, token);
  expect(response.status).toBe(200);
  const nights = nightsOf(parseWithIcalJs(response.body));
  expect(nightsOf(parseWithNodeIcal(response.body))).toEqual(nights);
  return nights;
}

/** Each guest field holds a string found nowhere else, so finding it in a feed can only mean a leak. */
const SECRETS = {
  guestName: 'Zéphyrine Quatremaire',
  email: 'zephyrine.q7@example.org',
  phone: '+33 6 71 42 93 58',
  address: '17 impasse des Grillons, 24200 Sarlat',
  notes: 'Code du portail 4821, allergique aux plumes',
  partnerReference: 'HMQX-77-PARTREF',
  rawText: 'RAW-PARTNER-PAYLOAD-Ωmega',
  partnerGuest: 'Bartholomew Featherstonehaugh',
  partnerEmail: 'b.fsh@partner-mail.example',
  partnerPhone: '+44 7700 900 461',
  partnerNotes: 'Late arrival around 23:00, prefers ground floor',
};

/** The string, and the forms an .ics writer could turn it into (escaped, folded away, upper-cased). */
function traces(secret: string): string[] {
  const escaped = secret.replace(/[\\;,]/g, (c) => `\\${c}`);
  const words = secret.split(/[\s,;:@.+-]+/).filter((w) => w.length >= 5);
  return [secret, escaped, secret.toUpperCase(), ...words];
}

describe('what an outgoing feed says', () => {
  it('never carries a guest’s name, e-mail, phone, address, notes, partner reference or raw text', async () => {
    const { service } = openService();
    const unit = addUnit(service, { name: 'Chambre Lavande' });
    const airbnb = connectChannel(service, [unit.id], 'airbnb', 'Airbnb');
    const booking = connectChannel(service, [unit.id], 'booking_com', 'Booking.com');
    book(service, {
      unitId: unit.id,
      arrival: '2026-06-01',
      departure: '2026-06-04',
      guestName: SECRETS.guestName,
      email: SECRETS.email,
      phone: SECRETS.phone,
      address: SECRETS.address,
      notes: SECRETS.notes,
    });
    for (const [status, arrival, departure] of [
      ['confirmed', '2026-07-01', '2026-07-05'],
      ['pending', '2026-08-01', '2026-08-02'],
      ['cancelled', '2026-09-01', '2026-09-02'],
    ] as const) {
      partnerStay(service.db, {
        unitId: unit.id,
        sourceConnectionId: airbnb.connectionId,
        status,
        arrival,
        departure,
        guests: 2,
        guestName: SECRETS.partnerGuest,
        email: SECRETS.partnerEmail,
        phone: SECRETS.partnerPhone,
        notes: SECRETS.partnerNotes,
        partnerReference: SECRETS.partnerReference,
        externalId: 'partner-uid-123@airbnb.example',
        rawText: SECRETS.rawText,
      });
    }
    const { port } = await serveFeeds(service);
    const feeds = [await getFeed(port, airbnb.tokens.get(unit.id)!), await getFeed(port, booking.tokens.get(unit.id)!)];
    // The Booking.com feed does carry the Airbnb stays: the test reads a feed that has them.
    expect(nightsOf(parseWithIcalJs(feeds[1]!.body))).toContain('2026-07-01');
    for (const feed of feeds) {
      expect(feed.status).toBe(200);
      for (const secret of Object.values(SECRETS)) {
        for (const trace of traces(secret)) expect(feed.body.toLowerCase(), `${trace} leaked`).not.toContain(trace.toLowerCase());
      }
      expect(feed.body).not.toContain('partner-uid-123');
      // Only these properties, whatever the stays hold.
      const names = new Set(feed.body.split('\r\n').filter((l) => /^[A-Z]/.test(l)).map((l) => /^[A-Z-]+/.exec(l)![0]));
      for (const name of names) {
        expect([
          'BEGIN', 'END', 'VERSION', 'PRODID', 'NAME', 'X-WR-CALNAME', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL', 'UID', 'SEQUENCE',
          'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'X-MICROSOFT-CDO-ALLDAYEVENT', 'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT',
        ]).toContain(name);
      }
      for (const line of feed.body.split('\r\n').filter((l) => l.startsWith('SUMMARY'))) expect(line).toBe('SUMMARY:Not available');
    }
  });

  it('leaves a channel’s own stays out of its own feed, and puts them in every other channel’s', async () => {
    const { service } = openService();
    const unit = addUnit(service);
    const airbnb = connectChannel(service, [unit.id], 'airbnb', 'Airbnb');
    const abritel = connectChannel(service, [unit.id], 'abritel', 'Abritel');
    partnerStay(service.db, { unitId: unit.id, sourceConnectionId: airbnb.connectionId, arrival: '2026-06-10', departure: '2026-06-12' });
    partnerStay(service.db, { unitId: unit.id, sourceConnectionId: abritel.connectionId, kind: 'block', arrival: '2026-06-20', departure: '2026-06-21' });
    book(service, { unitId: unit.id, arrival: '2026-06-30', departure: '2026-07-01' });
    const { port } = await serveFeeds(service);
    expect(await nightsServed(port, airbnb.tokens.get(unit.id)!)).toEqual(['2026-06-20', '2026-06-30']);
    expect(await nightsServed(port, abritel.tokens.get(unit.id)!)).toEqual(['2026-06-10', '2026-06-11', '2026-06-30']);
  });

  it('blocks closed nights and nights set to no stock, even with nothing booked', async () => {
    const { service } = openService();
    const unit = addUnit(service, { stock: 2 });
    const { tokens } = connectChannel(service, [unit.id]);
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-06-01', lastNight: '2026-06-02', changes: { closed: true } });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-06-10', lastNight: '2026-06-10', changes: { stock: 0 } });
    const { port } = await serveFeeds(service);
    expect(await nightsServed(port, tokens.get(unit.id)!)).toEqual(['2026-06-01', '2026-06-02', '2026-06-10']);
  });

  it('with stock above one, blocks a night only once every unit is taken', async () => {
    const { service } = openService();
    const unit = addUnit(service, { name: 'Chambres doubles', stock: 3 });
    const airbnb = connectChannel(service, [unit.id], 'airbnb', 'Airbnb');
    const other = connectChannel(service, [unit.id], 'google', 'Google');
    // The 1st: 3 of 3 taken. The 2nd: 2 of 3. The 3rd: 1 of 3 and a cancelled one. The 4th: stock lowered to 2, 2 taken.
    book(service, { unitId: unit.id, arrival: '2026-06-01', departure: '2026-06-03' });
    book(service, { unitId: unit.id, arrival: '2026-06-01', departure: '2026-06-05' });
    book(service, { unitId: unit.id, arrival: '2026-06-01', departure: '2026-06-02', status: 'pending' });
    const cancelled = book(service, { unitId: unit.id, arrival: '2026-06-03', departure: '2026-06-04' });
    service.call('reservations:cancel', { id: cancelled.id });
    partnerStay(service.db, { unitId: unit.id, sourceConnectionId: airbnb.connectionId, arrival: '2026-06-04', departure: '2026-06-05' });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-06-04', lastNight: '2026-06-04', changes: { stock: 2 } });
    const { port } = await serveFeeds(service);
    expect(await nightsServed(port, other.tokens.get(unit.id)!)).toEqual(['2026-06-01', '2026-06-04']);
    // Airbnb's own stay on the 4th is not counted against Airbnb: one of two is left for it.
    expect(await nightsServed(port, airbnb.tokens.get(unit.id)!)).toEqual(['2026-06-01']);
  });

  it('gives each unit its own feed, named after the property and the unit', async () => {
    const { service } = openService();
    service.call('property:save', { name: 'La Maison des Hirondelles', type: 'chambre_hotes' });
    const lavande = addUnit(service, { name: 'Chambre Lavande' });
    const tilleul = addUnit(service, { name: 'Chambre Tilleul' });
    const { tokens } = connectChannel(service, [lavande.id, tilleul.id]);
    book(service, { unitId: tilleul.id, arrival: '2026-06-01', departure: '2026-06-02' });
    const { port } = await serveFeeds(service);
    expect(await nightsServed(port, tokens.get(lavande.id)!)).toEqual([]);
    expect(await nightsServed(port, tokens.get(tilleul.id)!)).toEqual(['2026-06-01']);
    expect((await getFeed(port, tokens.get(tilleul.id)!)).body).toContain('\r\nX-WR-CALNAME:La Maison des Hirondelles – Chambre Tilleul\r\n');
  });
});
