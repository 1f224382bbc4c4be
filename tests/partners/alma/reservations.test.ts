import { describe, expect, it } from 'vitest';
import { ack, RATES, READ, RESTRICTIONS, STOCK } from './fixtures';
import { AlmaBookingRefused, type AlmaSimulator } from './server';
import { codesOf, isSuccess, post, reservationsOf, startSimulator } from './testing';

/** Stock 1 and 95.00 a night on CH-ROSE STD for the nights of 1 to 3 December, pushed as the connector would. */
async function pushInventory(sim: AlmaSimulator): Promise<void> {
  for (const request of [STOCK, RATES]) expect(isSuccess(await post(sim.url, request))).toBe(true);
}

/** The ReservationsList element exactly as sent. */
function listText(text: string): string {
  return /<ReservationsList[\s\S]*?(<\/ReservationsList>|\/>)/.exec(text)![0];
}

const STAY = { room: 'CH-ROSE', rate: 'STD', arrival: '2026-12-01', departure: '2026-12-04' };

describe('Alma simulator: reservations read with OTA_ReadRQ', () => {
  it('delivers a guest booking as a Book event carrying everything the protocol lists', async () => {
    const sim = await startSimulator();
    await pushInventory(sim);
    const number = sim.book({
      ...STAY,
      guests: 2,
      guest: 'Claire Dubois',
      email: 'claire.dubois@example.fr',
      phone: '+33 6 12 34 56 78',
      address: { line: '3 rue des Tilleuls', city: 'Tours', postalCode: '37000', countryCode: 'FR' },
      comment: 'Arrivée vers 18 h',
    });
    expect(number).toBe('AH-R-10001');
    expect(['2026-12-01', '2026-12-02', '2026-12-03'].map((n) => sim.state.stockOf('CH-ROSE', n))).toEqual([0, 0, 0]);

    const answer = await post(sim.url, READ);
    expect(answer.rootName).toBe('OTA_ResRetrieveRS');
    expect(isSuccess(answer)).toBe(true);
    expect(answer.root.EchoToken).toBe('4fa16e96-cd9d-4a5c-b1b0-71d56fce3c45');
    expect(reservationsOf(answer)).toEqual([
      {
        CreateDateTime: '2026-11-21T09:00:00Z',
        ResStatus: 'Book',
        UniqueID: { Type: '14', ID: 'AH-R-10001' },
        RoomStays: {
          RoomStay: {
            RoomTypes: { RoomType: { RoomTypeCode: 'CH-ROSE' } },
            RatePlans: { RatePlan: { RatePlanCode: 'STD' } },
            GuestCounts: { GuestCount: { AgeQualifyingCode: '10', Count: '2' } },
            // Reservations: End is the departure date (the stay holds 1, 2 and 3 December).
            TimeSpan: { Start: '2026-12-01', End: '2026-12-04' },
            Total: { AmountAfterTax: '285.00', CurrencyCode: 'EUR' },
          },
        },
        ResGuests: {
          ResGuest: {
            Profiles: {
              ProfileInfo: {
                Profile: {
                  Customer: {
                    PersonName: { GivenName: 'Claire', Surname: 'Dubois' },
                    Telephone: { PhoneNumber: '+33 6 12 34 56 78' },
                    Email: 'claire.dubois@example.fr',
                    Address: { AddressLine: '3 rue des Tilleuls', CityName: 'Tours', PostalCode: '37000', CountryName: { Code: 'FR' } },
                  },
                },
              },
            },
          },
        },
        ResGlobalInfo: {
          Comments: { Comment: { Text: 'Arrivée vers 18 h' } },
          HotelReservationIDs: { HotelReservationID: { ResID_Type: '14', ResID_Value: 'AH-R-10001' } },
        },
      },
    ]);
  });

  it('delivers the same events again, identical, until they are acknowledged; acknowledgements are counted', async () => {
    const sim = await startSimulator();
    await pushInventory(sim);
    const first = sim.book({ ...STAY, departure: '2026-12-02', amountCents: 9500 });
    const second = sim.book({ ...STAY, room: 'CH-LILAS', departure: '2026-12-02', amountCents: 11000, guest: 'Jean-Pierre de La Fontaine' });

    const read1 = await post(sim.url, READ);
    const read2 = await post(sim.url, READ);
    expect(reservationsOf(read1).map((r) => (r.UniqueID as { ID: string }).ID)).toEqual([first, second]);
    expect(listText(read2.text)).toBe(listText(read1.text));
    expect(sim.events().map((e) => [e.number, e.resStatus, e.deliveredCount, e.ackCount])).toEqual([
      [first, 'Book', 2, 0],
      [second, 'Book', 2, 0],
    ]);
    expect(reservationsOf(read1)[1]).toMatchObject({ ResGuests: { ResGuest: { Profiles: { ProfileInfo: { Profile: { Customer: { PersonName: { GivenName: 'Jean-Pierre', Surname: 'de La Fontaine' } } } } } } } });

    const acked = await post(sim.url, ack(first, 'Book', '2026-11-21T09:00:00Z', 'PGN-57'));
    expect(acked.rootName).toBe('OTA_NotifReportRS');
    expect(isSuccess(acked)).toBe(true);
    expect(acked.root).not.toHaveProperty('Warnings');
    expect(reservationsOf(await post(sim.url, READ)).map((r) => (r.UniqueID as { ID: string }).ID)).toEqual([second]);

    const again = await post(sim.url, ack(first, 'Book', '2026-11-21T09:00:00Z', 'PGN-57'));
    expect(isSuccess(again)).toBe(true);
    expect(again.root.Warnings).toEqual({ Warning: [expect.objectContaining({ Type: '11', ShortText: 'Already acknowledged' })] });
    expect(sim.events()[0]).toMatchObject({ number: first, ackCount: 2, ackedAt: '2026-11-21T09:00:00Z', fileNumber: 'PGN-57', deliveredCount: 2 });

    expect(isSuccess(await post(sim.url, ack(second, 'Book', '2026-11-21T09:00:00Z', 'PGN-58')))).toBe(true);
    const empty = await post(sim.url, READ);
    expect(isSuccess(empty)).toBe(true);
    expect(reservationsOf(empty)).toEqual([]);
    expect(empty.text).toContain('<ReservationsList/>');
  });

  it('answers at most 50 events per read, oldest first', async () => {
    let clock = Date.parse('2026-11-21T09:00:00Z');
    const sim = await startSimulator({ now: () => new Date(clock) });
    sim.state.setStock('CH-ROSE', '2026-12-01', 60);
    const numbers = Array.from({ length: 55 }, () => {
      clock += 1000;
      return sim.book({ ...STAY, departure: '2026-12-02', amountCents: 9500 });
    });
    const page = reservationsOf(await post(sim.url, READ));
    expect(page.map((r) => (r.UniqueID as { ID: string }).ID)).toEqual(numbers.slice(0, 50));
    expect(page.map((r) => r.CreateDateTime)).toEqual([...page.map((r) => r.CreateDateTime as string)].sort());
    for (const r of page) expect(isSuccess(await post(sim.url, ack((r.UniqueID as { ID: string }).ID, 'Book', r.CreateDateTime as string)))).toBe(true);
    expect(reservationsOf(await post(sim.url, READ)).map((r) => (r.UniqueID as { ID: string }).ID)).toEqual(numbers.slice(50));
  });

  it.each([
    ['an unknown HotelCode', (x: string) => x.replace('HotelCode="AH-1234"', 'HotelCode="AH-999"'), ['4', '392']],
    ['another SelectionType', (x: string) => x.replace('SelectionType="Undelivered"', 'SelectionType="All"'), ['3', '320']],
    ['no SelectionCriteria', (x: string) => x.replace('<SelectionCriteria SelectionType="Undelivered"/>', ''), ['3', '321']],
    ['wrong credentials', (x: string) => x.replace('alma-demo-2026', 'alma-demo-2025'), ['4', '497']],
  ])('refuses a read with %s, and does not count it as a delivery', async (_what, change, code) => {
    const sim = await startSimulator();
    await pushInventory(sim);
    sim.book({ ...STAY, amountCents: 28500 });
    expect(codesOf(await post(sim.url, change(READ)))).toEqual([code]);
    expect(sim.events()[0]!.deliveredCount).toBe(0);
  });
});

describe('Alma simulator: acknowledgements, OTA_NotifReportRQ', () => {
  it.each([
    ['a CreateDateTime written differently', ack('AH-R-10001', 'Book', '2026-11-21T09:00:00.000Z'), ['3', '97']],
    ['another ResStatus', ack('AH-R-10001', 'Cancel', '2026-11-21T09:00:00Z'), ['3', '97']],
    ['an unknown reservation', ack('AH-R-99999', 'Book', '2026-11-21T09:00:00Z'), ['3', '97']],
    ['a ResStatus outside the protocol', ack('AH-R-10001', 'Confirm', '2026-11-21T09:00:00Z'), ['3', '320']],
    ['a CreateDateTime that is not a UTC instant', ack('AH-R-10001', 'Book', '2026-11-21T10:00:00+01:00'), ['3', '320']],
    ['no file number on a Book', ack('AH-R-10001', 'Book', '2026-11-21T09:00:00Z').replace(/<ResGlobalInfo>[\s\S]*<\/ResGlobalInfo>/, ''), ['3', '321']],
    ['no Success', ack('AH-R-10001', 'Book', '2026-11-21T09:00:00Z').replace('<Success/>', ''), ['3', '321']],
    ['a UniqueID of another type', ack('AH-R-10001', 'Book', '2026-11-21T09:00:00Z').replace('<UniqueID Type="14"', '<UniqueID Type="10"'), ['3', '320']],
  ])('refuses %s and acknowledges nothing', async (_what, request, code) => {
    const sim = await startSimulator();
    await pushInventory(sim);
    sim.book({ ...STAY, amountCents: 28500 });
    expect(codesOf(await post(sim.url, request))).toEqual([code]);
    expect(sim.events()[0]!.ackCount).toBe(0);
    expect(reservationsOf(await post(sim.url, READ))).toHaveLength(1);
  });

  it('accepts a Cancel acknowledgement without a file number', async () => {
    const sim = await startSimulator();
    await pushInventory(sim);
    const number = sim.book({ ...STAY, amountCents: 28500 });
    sim.cancel(number);
    const request = ack(number, 'Cancel', '2026-11-21T09:00:00Z').replace(/<ResGlobalInfo>[\s\S]*<\/ResGlobalInfo>/, '');
    expect(isSuccess(await post(sim.url, request))).toBe(true);
    expect(sim.events().map((e) => [e.resStatus, e.ackCount, e.fileNumber])).toEqual([
      ['Book', 0, null],
      ['Cancel', 1, null],
    ]);
  });
});

describe('Alma simulator: what happens on Alma’s side', () => {
  it('a cancellation frees the stock and queues a Cancel event; the Book event stays as it was', async () => {
    const sim = await startSimulator();
    await pushInventory(sim);
    const number = sim.book({ ...STAY, amountCents: 28500 });
    const before = listText((await post(sim.url, READ)).text);
    sim.cancel(number);
    expect(sim.reservation(number)!.status).toBe('cancelled');
    expect(['2026-12-01', '2026-12-03'].map((n) => sim.state.stockOf('CH-ROSE', n))).toEqual([1, 1]);
    const after = await post(sim.url, READ);
    expect(reservationsOf(after).map((r) => r.ResStatus)).toEqual(['Book', 'Cancel']);
    expect(listText(after.text)).toContain(before.replace(/^<ReservationsList>/, '').replace(/<\/ReservationsList>$/, '').trim());
    expect(() => sim.cancel(number)).toThrow(/already cancelled/);
  });

  it('a change of dates queues a Modify event with the new stay, and moves the stock', async () => {
    const sim = await startSimulator();
    await pushInventory(sim);
    const number = sim.book({ ...STAY, departure: '2026-12-03', amountCents: 19000 });
    sim.modify(number, { arrival: '2026-12-02', departure: '2026-12-04' });
    expect(['2026-12-01', '2026-12-02', '2026-12-03'].map((n) => sim.state.stockOf('CH-ROSE', n))).toEqual([1, 0, 0]);
    sim.modify(number, { arrival: '2026-12-02', departure: '2026-12-03' });
    const events = reservationsOf(await post(sim.url, READ));
    expect(events.map((e) => [e.ResStatus, e.CreateDateTime, (e.RoomStays as { RoomStay: { TimeSpan: unknown } }).RoomStay.TimeSpan])).toEqual([
      ['Book', '2026-11-21T09:00:00Z', { Start: '2026-12-01', End: '2026-12-03' }],
      ['Modify', '2026-11-21T09:00:00Z', { Start: '2026-12-02', End: '2026-12-04' }],
      // Same reservation, same ResStatus, same second: the next second, so the identity stays unique.
      ['Modify', '2026-11-21T09:00:01Z', { Start: '2026-12-02', End: '2026-12-03' }],
    ]);
  });

  it('refuses a booking Alma could not sell, with the reason, and queues nothing', async () => {
    const sim = await startSimulator();
    expect(() => sim.book({ ...STAY, amountCents: 28500 })).toThrow(AlmaBookingRefused);
    expect(sim.tryBook({ ...STAY, amountCents: 28500 })).toEqual({ ok: false, reason: 'noStock', message: 'CH-ROSE has no stock left on 2026-12-01' });
    await pushInventory(sim);
    expect(sim.tryBook(STAY)).toMatchObject({ ok: true });
    expect(sim.tryBook({ ...STAY, arrival: '2026-12-03' })).toMatchObject({ ok: false, reason: 'noStock' });
    sim.state.setStock('CH-ROSE', '2026-12-10', 1);
    sim.state.setStock('CH-ROSE', '2026-12-11', 1);
    const later = { ...STAY, arrival: '2026-12-10', departure: '2026-12-12' };
    expect(sim.tryBook(later)).toMatchObject({ ok: false, reason: 'noRate' });
    expect(sim.tryBook({ ...later, rate: 'NR' })).toMatchObject({ ok: false, reason: 'unknownRate' });
    expect(sim.tryBook({ ...later, room: 'GITE' })).toMatchObject({ ok: false, reason: 'unknownRoom' });
    expect(sim.tryBook({ ...later, departure: '2026-12-10' })).toMatchObject({ ok: false, reason: 'badDates' });
    expect(sim.tryBook({ ...later, arrival: '2026-11-20' })).toMatchObject({ ok: false, reason: 'inThePast' });
    for (const [restriction, reason] of [
      [{ minStay: 1, closed: true, closedToArrival: false, closedToDeparture: false }, 'closed'],
      [{ minStay: 1, closed: false, closedToArrival: true, closedToDeparture: false }, 'closedToArrival'],
      [{ minStay: 3, closed: false, closedToArrival: false, closedToDeparture: false }, 'minStay'],
    ] as const) {
      sim.state.setRestrictions('CH-ROSE', 'STD', '2026-12-10', restriction);
      expect(sim.tryBook({ ...later, amountCents: 100 })).toMatchObject({ ok: false, reason });
    }
    sim.state.setRestrictions('CH-ROSE', 'STD', '2026-12-10', { minStay: 1, closed: false, closedToArrival: false, closedToDeparture: false });
    sim.state.setRestrictions('CH-ROSE', 'STD', '2026-12-12', { minStay: 1, closed: false, closedToArrival: false, closedToDeparture: true });
    expect(sim.tryBook({ ...later, amountCents: 100 })).toMatchObject({ ok: false, reason: 'closedToDeparture' });
    expect(sim.events()).toHaveLength(1);
    expect([sim.state.stockOf('CH-ROSE', '2026-12-10'), sim.state.stockOf('CH-ROSE', '2026-12-11')]).toEqual([1, 1]);
  });

  it('sells within the restrictions pushed over HTTP', async () => {
    const sim = await startSimulator();
    await pushInventory(sim);
    expect(isSuccess(await post(sim.url, RESTRICTIONS))).toBe(true);
    // Closed to arrival on the 1st…3rd and at least 2 nights.
    expect(sim.tryBook(STAY)).toMatchObject({ ok: false, reason: 'closedToArrival' });
    expect(isSuccess(await post(sim.url, RESTRICTIONS.replace('"Arrival" Status="Close"', '"Arrival" Status="Open"')))).toBe(true);
    expect(sim.tryBook({ ...STAY, arrival: '2026-12-03' })).toMatchObject({ ok: false, reason: 'minStay' });
    expect(sim.tryBook(STAY)).toEqual({ ok: true, number: 'AH-R-10001' });
    expect(sim.reservation('AH-R-10001')).toMatchObject({ amountCents: 28500, status: 'booked', guests: 2 });
  });
});
