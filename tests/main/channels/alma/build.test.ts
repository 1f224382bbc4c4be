import { describe, expect, it } from 'vitest';
import {
  buildDecisionRQ,
  buildNotifReportRQ,
  buildPingRQ,
  buildRatesRQ,
  buildReadRQ,
  buildRestrictionsRQ,
  buildStockRQ,
  type Envelope,
} from '../../../../main/channels/alma/ota/build';
import { parseXml, attr, path } from '../../../../main/channels/alma/ota/xml';
import { all, attrs, one, readDocument, textOf } from './otaDocument';

const NS = 'http://www.opentravel.org/OTA/2003/05';
const envelope: Envelope = { propertyCode: 'AH-1234', userName: 'gite-des-lilas', password: 'secret', echoToken: 'tok-1', timeStamp: '2026-11-21T09:00:00Z' };
const head = (root: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${NS}" Version="1.0" TimeStamp="2026-11-21T09:00:00Z" EchoToken="tok-1"${extra}>` +
  '<POS><Source><RequestorID ID="gite-des-lilas" MessagePassword="secret"/></Source></POS>';

describe('request documents', () => {
  it('OTA_PingRQ', () => {
    expect(buildPingRQ(envelope)).toBe(`${head('OTA_PingRQ')}<EchoData>Pigeonnier</EchoData></OTA_PingRQ>`);
  });

  it('stock: one AvailStatusMessage per run, nights inclusive, BookingLimit, and no RatePlanCode', () => {
    const xml = buildStockRQ(envelope, [
      { roomCode: 'CH-ROSE', first: '2026-12-01', last: '2026-12-03', bookingLimit: 1 },
      { roomCode: 'CH-ROSE', first: '2026-12-04', last: '2026-12-04', bookingLimit: 0 },
    ]);
    expect(xml).toBe(
      `${head('OTA_HotelAvailNotifRQ')}<AvailStatusMessages HotelCode="AH-1234">` +
        '<AvailStatusMessage BookingLimit="1" BookingLimitMessageType="SetLimit"><StatusApplicationControl Start="2026-12-01" End="2026-12-03" InvTypeCode="CH-ROSE"/></AvailStatusMessage>' +
        '<AvailStatusMessage BookingLimit="0" BookingLimitMessageType="SetLimit"><StatusApplicationControl Start="2026-12-04" End="2026-12-04" InvTypeCode="CH-ROSE"/></AvailStatusMessage>' +
        '</AvailStatusMessages></OTA_HotelAvailNotifRQ>',
    );
    const { root, element } = readDocument(xml);
    expect(root).toBe('OTA_HotelAvailNotifRQ');
    const controls = all(element, 'AvailStatusMessages/AvailStatusMessage/StatusApplicationControl').map(attrs);
    expect(controls).toEqual([
      { Start: '2026-12-01', End: '2026-12-03', InvTypeCode: 'CH-ROSE' },
      { Start: '2026-12-04', End: '2026-12-04', InvTypeCode: 'CH-ROSE' },
    ]);
    expect(controls.some((control) => 'RatePlanCode' in control)).toBe(false);
  });

  it('restrictions: every message states minimum stay and the three statuses, even when all is open', () => {
    const xml = buildRestrictionsRQ(envelope, [
      { roomCode: 'CH-ROSE', rateCode: 'STD', first: '2026-12-01', last: '2026-12-03', minStay: 2, closed: false, closedToArrival: true, closedToDeparture: false },
      { roomCode: 'CH-ROSE', rateCode: 'STD', first: '2026-12-04', last: '2026-12-31', minStay: 1, closed: false, closedToArrival: false, closedToDeparture: false },
      { roomCode: 'GITE', rateCode: 'NR', first: '2027-01-01', last: '2027-01-01', minStay: 7, closed: true, closedToArrival: false, closedToDeparture: true },
    ]);
    expect(xml.startsWith(`${head('OTA_HotelAvailNotifRQ')}<AvailStatusMessages HotelCode="AH-1234"><AvailStatusMessage>` +
      '<StatusApplicationControl Start="2026-12-01" End="2026-12-03" InvTypeCode="CH-ROSE" RatePlanCode="STD"/>' +
      '<LengthsOfStay><LengthOfStay MinMaxMessageType="SetMinLOS" Time="2" TimeUnit="Day"/></LengthsOfStay>' +
      '<RestrictionStatus Restriction="Master" Status="Open"/><RestrictionStatus Restriction="Arrival" Status="Close"/><RestrictionStatus Restriction="Departure" Status="Open"/>' +
      '</AvailStatusMessage>')).toBe(true);
    const messages = all(readDocument(xml).element, 'AvailStatusMessages/AvailStatusMessage');
    const read = messages.map((message) => ({
      control: attrs(one(message, 'StatusApplicationControl')),
      bookingLimit: attrs(message).BookingLimit,
      minStay: attrs(one(message, 'LengthsOfStay/LengthOfStay')).Time,
      statuses: all(message, 'RestrictionStatus').map((status) => `${attrs(status).Restriction}=${attrs(status).Status}`),
    }));
    expect(read).toEqual([
      { control: { Start: '2026-12-01', End: '2026-12-03', InvTypeCode: 'CH-ROSE', RatePlanCode: 'STD' }, bookingLimit: undefined, minStay: '2', statuses: ['Master=Open', 'Arrival=Close', 'Departure=Open'] },
      { control: { Start: '2026-12-04', End: '2026-12-31', InvTypeCode: 'CH-ROSE', RatePlanCode: 'STD' }, bookingLimit: undefined, minStay: '1', statuses: ['Master=Open', 'Arrival=Open', 'Departure=Open'] },
      { control: { Start: '2027-01-01', End: '2027-01-01', InvTypeCode: 'GITE', RatePlanCode: 'NR' }, bookingLimit: undefined, minStay: '7', statuses: ['Master=Close', 'Arrival=Open', 'Departure=Close'] },
    ]);
  });

  it('rates: decimal euros with two decimals, EUR', () => {
    const xml = buildRatesRQ(envelope, [
      { roomCode: 'CH-ROSE', rateCode: 'STD', first: '2026-12-01', last: '2026-12-03', amountCents: 9500 },
      { roomCode: 'CH-ROSE', rateCode: 'STD', first: '2026-12-04', last: '2026-12-04', amountCents: 5 },
    ]);
    expect(xml).toBe(
      `${head('OTA_HotelRateAmountNotifRQ')}<RateAmountMessages HotelCode="AH-1234">` +
        '<RateAmountMessage><StatusApplicationControl Start="2026-12-01" End="2026-12-03" InvTypeCode="CH-ROSE" RatePlanCode="STD"/>' +
        '<Rates><Rate><BaseByGuestAmts><BaseByGuestAmt AmountAfterTax="95.00" CurrencyCode="EUR"/></BaseByGuestAmts></Rate></Rates></RateAmountMessage>' +
        '<RateAmountMessage><StatusApplicationControl Start="2026-12-04" End="2026-12-04" InvTypeCode="CH-ROSE" RatePlanCode="STD"/>' +
        '<Rates><Rate><BaseByGuestAmts><BaseByGuestAmt AmountAfterTax="0.05" CurrencyCode="EUR"/></BaseByGuestAmts></Rate></Rates></RateAmountMessage>' +
        '</RateAmountMessages></OTA_HotelRateAmountNotifRQ>',
    );
    const amounts = all(readDocument(xml).element, 'RateAmountMessages/RateAmountMessage/Rates/Rate/BaseByGuestAmts/BaseByGuestAmt').map((amount) => attrs(amount).AmountAfterTax);
    expect(amounts).toEqual(['95.00', '0.05']);
  });

  it('OTA_ReadRQ asks for the undelivered reservations of the property', () => {
    expect(buildReadRQ(envelope)).toBe(
      `${head('OTA_ReadRQ')}<ReadRequests><HotelReadRequest HotelCode="AH-1234"><SelectionCriteria SelectionType="Undelivered"/></HotelReadRequest></ReadRequests></OTA_ReadRQ>`,
    );
  });

  it('OTA_NotifReportRQ names each event by number, ResStatus and CreateDateTime, with our file number', () => {
    const xml = buildNotifReportRQ(envelope, [
      { reservationNumber: 'AH-R-10042', resStatus: 'Book', createdAt: '2026-11-21T08:59:00Z', fileId: 57 },
      { reservationNumber: 'AH-R-10042', resStatus: 'Cancel', createdAt: '2026-11-22T10:00:00+01:00', fileId: 57 },
    ]);
    expect(xml).toBe(
      `${head('OTA_NotifReportRQ')}<Success/><NotifDetails><HotelNotifReport><HotelReservations>` +
        '<HotelReservation ResStatus="Book" CreateDateTime="2026-11-21T08:59:00Z"><UniqueID Type="14" ID="AH-R-10042"/>' +
        '<ResGlobalInfo><HotelReservationIDs><HotelReservationID ResID_Type="10" ResID_Value="PGN-57"/></HotelReservationIDs></ResGlobalInfo></HotelReservation>' +
        '<HotelReservation ResStatus="Cancel" CreateDateTime="2026-11-22T10:00:00+01:00"><UniqueID Type="14" ID="AH-R-10042"/>' +
        '<ResGlobalInfo><HotelReservationIDs><HotelReservationID ResID_Type="10" ResID_Value="PGN-57"/></HotelReservationIDs></ResGlobalInfo></HotelReservation>' +
        '</HotelReservations></HotelNotifReport></NotifDetails></OTA_NotifReportRQ>',
    );
  });

  it('OTA_HotelResNotifRQ: Commit to accept, Cancel to refuse', () => {
    const body =
      '<HotelReservations><HotelReservation><UniqueID Type="14" ID="AH-R-10043"/>' +
      '<ResGlobalInfo><HotelReservationIDs><HotelReservationID ResID_Type="10" ResID_Value="PGN-58"/></HotelReservationIDs></ResGlobalInfo>' +
      '</HotelReservation></HotelReservations></OTA_HotelResNotifRQ>';
    expect(buildDecisionRQ(envelope, { reservationNumber: 'AH-R-10043', fileId: 58, decision: 'accept' })).toBe(`${head('OTA_HotelResNotifRQ', ' ResStatus="Commit"')}${body}`);
    expect(buildDecisionRQ(envelope, { reservationNumber: 'AH-R-10043', fileId: 58, decision: 'refuse' })).toBe(`${head('OTA_HotelResNotifRQ', ' ResStatus="Cancel"')}${body}`);
  });

  it('escapes what the owner typed: a password and codes with <&"\' round-trip exactly', () => {
    const nasty = `p<&"'>]]><!--x--></POS>&amp;é`;
    const xml = buildStockRQ({ ...envelope, password: nasty, userName: `o'neil & "co"`, propertyCode: 'AH<1>' }, [
      { roomCode: 'CH "ROSE" & <co>', first: '2026-12-01', last: '2026-12-01', bookingLimit: 1 },
    ]);
    expect(xml).not.toContain('p<&');
    const { element } = readDocument(xml);
    expect(attrs(one(element, 'POS/Source/RequestorID'))).toEqual({ ID: `o'neil & "co"`, MessagePassword: nasty });
    expect(attrs(one(element, 'AvailStatusMessages')).HotelCode).toBe('AH<1>');
    expect(attrs(one(element, 'AvailStatusMessages/AvailStatusMessage/StatusApplicationControl')).InvTypeCode).toBe('CH "ROSE" & <co>');
    // And through the connector's own reader, as the simulator would read it.
    const own = parseXml(xml);
    expect(attr(path(own.node, 'POS', 'Source', 'RequestorID'), 'MessagePassword')).toBe(nasty);
    expect(textOf(one(element, 'POS/Source/RequestorID'))).toBe('');
  });

  it('refuses values that would be a wrong statement to the partner', () => {
    const stock = { roomCode: 'R', first: '2026-12-01', last: '2026-12-03', bookingLimit: 1 };
    expect(() => buildStockRQ(envelope, [{ ...stock, first: '2026-12-04' }])).toThrow(RangeError);
    expect(() => buildStockRQ(envelope, [{ ...stock, last: '2026-02-30' }])).toThrow(RangeError);
    expect(() => buildStockRQ(envelope, [{ ...stock, bookingLimit: -1 }])).toThrow(RangeError);
    expect(() => buildStockRQ(envelope, [{ ...stock, bookingLimit: 1.5 }])).toThrow(RangeError);
    const restriction = { roomCode: 'R', rateCode: 'STD', first: '2026-12-01', last: '2026-12-01', minStay: 0, closed: false, closedToArrival: false, closedToDeparture: false };
    expect(() => buildRestrictionsRQ(envelope, [restriction])).toThrow(RangeError);
    expect(() => buildRatesRQ(envelope, [{ roomCode: 'R', rateCode: 'STD', first: '2026-12-01', last: '2026-12-01', amountCents: -100 }])).toThrow(RangeError);
    expect(() => buildNotifReportRQ(envelope, [{ reservationNumber: 'X', resStatus: 'Book', createdAt: 'x', fileId: 0 }])).toThrow(RangeError);
  });
});
