import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../../main/channels/alma/ota/answer';
import { buildStockRQ } from '../../../../main/channels/alma/ota/build';
import { readReservations } from '../../../../main/channels/alma/ota/reservations';
import { toRuns } from '../../../../main/channels/alma/runs';
import { stayNights } from '../../../../shared/nights';
import { all, attrs, readDocument } from './otaDocument';
import { expectTranslated } from './translated';
import { PROTOCOL_EXAMPLE_EVENT } from '../../../helpers/almaEvent';

const CLAIRE = `
    <HotelReservation CreateDateTime="2026-11-21T08:59:00Z" ResStatus="Book">
      <UniqueID Type="14" ID="AH-R-10042"/>
      <RoomStays><RoomStay>
        <RoomTypes><RoomType RoomTypeCode="CH-ROSE"/></RoomTypes>
        <RatePlans><RatePlan RatePlanCode="STD"/></RatePlans>
        <GuestCounts><GuestCount AgeQualifyingCode="10" Count="2"/></GuestCounts>
        <TimeSpan Start="2026-12-01" End="2026-12-04"/>
        <Total AmountAfterTax="285.00" CurrencyCode="EUR"/>
      </RoomStay></RoomStays>
      <ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>
        <PersonName><GivenName>Claire</GivenName><Surname>Dubois</Surname></PersonName>
        <Telephone PhoneNumber="+33 6 12 34 56 78"/>
        <Email>claire.dubois@example.fr</Email>
        <Address><AddressLine>3 rue des Tilleuls</AddressLine><CityName>Tours</CityName><PostalCode>37000</PostalCode><CountryName Code="FR"/></Address>
      </Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
      <ResGlobalInfo>
        <Comments><Comment><Text>Arrivée vers 18 h</Text></Comment></Comments>
        <HotelReservationIDs><HotelReservationID ResID_Type="14" ResID_Value="AH-R-10042"/></HotelReservationIDs>
      </ResGlobalInfo>
    </HotelReservation>`;

/** The smallest event the protocol allows: number, status, time, room, dates. */
const bare = ({ number = 'AH-R-1', status = 'Book', created = '2026-11-21T09:00:00Z', room = '<RoomTypes><RoomType RoomTypeCode="GITE"/></RoomTypes>', span = '<TimeSpan Start="2026-12-01" End="2026-12-02"/>', stay = '', extra = '' } = {}) =>
  `<HotelReservation CreateDateTime="${created}" ResStatus="${status}"><UniqueID Type="14" ID="${number}"/><RoomStays><RoomStay>${room}${span}${stay}</RoomStay></RoomStays>${extra}</HotelReservation>`;

const list = (...reservations: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><OTA_ResRetrieveRS xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="tok-1"><Success/>` +
  `${reservations.length ? `<ReservationsList>${reservations.join('')}</ReservationsList>` : ''}</OTA_ResRetrieveRS>`;

function parse(xml: string) {
  const answer = readAnswer(xml, 'OTA_ResRetrieveRS', 'tok-1');
  if (!answer.ok) throw new Error(JSON.stringify(answer.failure));
  const result = readReservations(answer.root);
  for (const rejected of result.rejected) expectTranslated(rejected.reason);
  return result;
}

describe('reservation events from OTA_ResRetrieveRS', () => {
  it('reads the protocol example field by field', () => {
    const { events, rejected } = parse(list(CLAIRE));
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(1);
    const { raw, ...event } = events[0]!;
    expect(event).toEqual(PROTOCOL_EXAMPLE_EVENT);
    // The raw text is the element itself, readable again with the same content.
    const again = readDocument(raw);
    expect(again.root).toBe('HotelReservation');
    expect(attrs(all(again.element, 'UniqueID')[0]!)).toEqual({ Type: '14', ID: 'AH-R-10042' });
    expect(raw).toContain('Arrivée vers 18 h');
  });

  it('reads all four ResStatus values', () => {
    const { events, rejected } = parse(list(...(['Book', 'Request', 'Cancel', 'Modify'] as const).map((status, i) => bare({ number: `AH-R-${i}`, status }))));
    expect(rejected).toEqual([]);
    expect(events.map((event) => [event.reservationNumber, event.resStatus])).toEqual([
      ['AH-R-0', 'Book'],
      ['AH-R-1', 'Request'],
      ['AH-R-2', 'Cancel'],
      ['AH-R-3', 'Modify'],
    ]);
  });

  it('reads an empty list, one reservation and many, in the partner’s order', () => {
    expect(parse(list())).toEqual({ events: [], rejected: [] });
    expect(parse(list(bare())).events).toHaveLength(1);
    const many = parse(list(...Array.from({ length: 50 }, (_, i) => bare({ number: `AH-R-${i}` }))));
    expect(many.events.map((event) => event.reservationNumber)).toEqual(Array.from({ length: 50 }, (_, i) => `AH-R-${i}`));
  });

  it('gives null for every optional field that is absent', () => {
    const [event] = parse(list(bare())).events;
    expect(event).toMatchObject({
      reservationNumber: 'AH-R-1',
      roomCode: 'GITE',
      rateCode: null,
      arrival: '2026-12-01',
      departure: '2026-12-02',
      guests: null,
      guestName: null,
      email: null,
      phone: null,
      address: null,
      amountCents: null,
      comments: null,
    });
  });

  it('keeps accents and non-Latin text (UTF-8), and adds up guest counts and comments', () => {
    const guest =
      '<ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>' +
      '<PersonName><GivenName>Zoé-Hélène</GivenName><Surname>Lefèvre d&apos;Aubigné</Surname></PersonName>' +
      '<Address><AddressLine>Bâtiment B</AddressLine><AddressLine>12 allée des Châtaigniers</AddressLine><CityName>Besançon</CityName><CountryName>France</CountryName></Address>' +
      '</Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>' +
      '<ResGlobalInfo><Comments><Comment><Text>Lit bébé 👶 svp &amp; merci</Text></Comment><Comment>東京から</Comment></Comments></ResGlobalInfo>';
    const stay = '<GuestCounts><GuestCount AgeQualifyingCode="10" Count="2"/><GuestCount AgeQualifyingCode="8" Count="1"/></GuestCounts>';
    const [event] = parse(list(bare({ stay, extra: guest }))).events;
    expect(event).toMatchObject({
      guests: 3,
      guestName: "Zoé-Hélène Lefèvre d'Aubigné",
      address: 'Bâtiment B, 12 allée des Châtaigniers, Besançon, France',
      comments: 'Lit bébé 👶 svp & merci\n東京から',
    });
  });

  it.each([
    ['an unknown ResStatus', bare({ status: 'Pending' }), 'alma.errors.reservation.badStatus', { status: 'Pending' }],
    ['an impossible date', bare({ span: '<TimeSpan Start="2027-02-29" End="2027-03-02"/>' }), 'alma.errors.reservation.badArrival', { value: '2027-02-29' }],
    ['a date with a time', bare({ span: '<TimeSpan Start="2026-12-01" End="2026-12-04T11:00:00"/>' }), 'alma.errors.reservation.badDeparture', { value: '2026-12-04T11:00:00' }],
    ['a French date', bare({ span: '<TimeSpan Start="01/12/2026" End="2026-12-04"/>' }), 'alma.errors.reservation.badArrival', { value: '01/12/2026' }],
    ['a departure on the arrival day', bare({ span: '<TimeSpan Start="2026-12-01" End="2026-12-01"/>' }), 'alma.errors.reservation.noNights', { arrival: '2026-12-01', departure: '2026-12-01' }],
    ['a departure before the arrival', bare({ span: '<TimeSpan Start="2026-12-04" End="2026-12-01"/>' }), 'alma.errors.reservation.noNights', { arrival: '2026-12-04', departure: '2026-12-01' }],
    ['a Duration instead of End', bare({ span: '<TimeSpan Start="2026-12-01" Duration="P3N"/>' }), 'alma.errors.reservation.missingDeparture', undefined],
    ['no TimeSpan', bare({ span: '' }), 'alma.errors.reservation.missingArrival', undefined],
    ['no room type', bare({ room: '' }), 'alma.errors.reservation.missingRoom', undefined],
    ['no reservation number', bare({ number: '' }), 'alma.errors.reservation.missingNumber', undefined],
    ['no creation time', bare({ created: '' }), 'alma.errors.reservation.badCreatedAt', { value: '' }],
    ['a creation time that is not ISO', bare({ created: '2026-11-21 08:59' }), 'alma.errors.reservation.badCreatedAt', { value: '2026-11-21 08:59' }],
    ['an impossible creation time', bare({ created: '2026-11-21T25:00:00Z' }), 'alma.errors.reservation.badCreatedAt', { value: '2026-11-21T25:00:00Z' }],
    ['a creation day that does not exist', bare({ created: '2026-11-31T10:00:00Z' }), 'alma.errors.reservation.badCreatedAt', { value: '2026-11-31T10:00:00Z' }],
    ['an amount with a third decimal', bare({ stay: '<Total AmountAfterTax="12.345" CurrencyCode="EUR"/>' }), 'alma.errors.reservation.badAmount', { value: '12.345' }],
    ['a negative amount', bare({ stay: '<Total AmountAfterTax="-1.00" CurrencyCode="EUR"/>' }), 'alma.errors.reservation.badAmount', { value: '-1.00' }],
    ['an amount in another currency', bare({ stay: '<Total AmountAfterTax="100.00" CurrencyCode="CHF"/>' }), 'alma.errors.reservation.currency', { currency: 'CHF' }],
    ['a guest count that is not a number', bare({ stay: '<GuestCounts><GuestCount Count="two"/></GuestCounts>' }), 'alma.errors.reservation.badGuests', { value: 'two' }],
    ['two rooms in one event', bare({ room: '<RoomTypes><RoomType RoomTypeCode="A"/></RoomTypes><TimeSpan Start="2026-12-01" End="2026-12-02"/></RoomStay><RoomStay><RoomTypes><RoomType RoomTypeCode="B"/></RoomTypes>' }), 'alma.errors.reservation.roomStays', { count: 2 }],
  ])('reports %s as rejected, with the reason, without dropping the others', (_what, bad, key, params) => {
    const { events, rejected } = parse(list(bare({ number: 'AH-R-before' }), bad, bare({ number: 'AH-R-after' })));
    expect(events.map((event) => event.reservationNumber)).toEqual(['AH-R-before', 'AH-R-after']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toEqual(params ? { key, params } : { key });
    expect(rejected[0]!.raw).toMatch(/^<HotelReservation /);
  });

  it('keeps what identifies a rejected event, so the owner can settle it with Alma Heritage', () => {
    const { rejected } = parse(list(bare({ number: 'AH-R-77', status: 'Request', span: '<TimeSpan Start="2026-12-01" End="2026-13-01"/>' })));
    expect(rejected).toEqual([
      { reservationNumber: 'AH-R-77', resStatus: 'Request', createdAt: '2026-11-21T09:00:00Z', reason: { key: 'alma.errors.reservation.badDeparture', params: { value: '2026-13-01' } }, raw: expect.any(String) },
    ]);
  });

  it('keeps the creation time exactly as sent, with a zone, an offset, fractions or none', () => {
    const times = ['2026-11-21T08:59:00Z', '2026-11-21T09:59:00+01:00', '2026-11-21T08:59:00.250Z', '2026-11-21T09:59:00'];
    const { events } = parse(list(...times.map((created, i) => bare({ number: `AH-R-${i}`, created }))));
    expect(events.map((event) => event.createdAt)).toEqual(times);
  });

  it('uses the UniqueID of Type 14, whatever other identifiers come first', () => {
    const xml = list(bare().replace('<UniqueID Type="14" ID="AH-R-1"/>', '<UniqueID Type="10" ID="PGN-3"/><UniqueID Type="14" ID="AH-R-1"/>'));
    expect(parse(xml).events[0]!.reservationNumber).toBe('AH-R-1');
  });
});

describe('the two date conventions', () => {
  it('a reservation’s TimeSpan End is the departure; the stock sent back for it ends on the last night', () => {
    // A stay of the nights 1, 2 and 3 December: TimeSpan 12-01 → 12-04.
    const [event] = parse(list(CLAIRE)).events;
    expect([event!.arrival, event!.departure]).toEqual(['2026-12-01', '2026-12-04']);
    const held = stayNights(event!.arrival, event!.departure);
    expect(held).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    const runs = toRuns(held.map((night) => ({ night, value: 0 })), (a, b) => a === b);
    const xml = buildStockRQ({ propertyCode: 'AH-1234', userName: 'u', password: 'p', echoToken: 't', timeStamp: '2026-11-21T09:00:00Z' },
      runs.map((run) => ({ roomCode: event!.roomCode, first: run.first, last: run.last, bookingLimit: run.value })));
    const [control] = all(readDocument(xml).element, 'AvailStatusMessages/AvailStatusMessage/StatusApplicationControl').map(attrs);
    expect(control).toEqual({ Start: '2026-12-01', End: '2026-12-03', InvTypeCode: 'CH-ROSE' });
  });
});
