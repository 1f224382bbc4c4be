/**
 * The Alma Heritage client's messages against a local fake (./fakeAlma.ts): what each request
 * carries (credentials, EchoToken, TimeStamp, our User-Agent), how the partner's successes,
 * warnings and errors come back, the pushes split in chunks of 500, reading reservations,
 * acknowledging them, and the owner's decisions. Transport failures: ./clientTransport.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RateRun, RestrictionRun } from '../../../../main/channels/alma/messages';
import { version } from '../../../../package.json';
import { all, attrs, one, textOf } from './otaDocument';
import { alma, document, errors, failureOf, NS, ota, received, stock, success, useFakeAlma } from './fakeAlma';

useFakeAlma();

describe('the Alma Heritage client against a local server', () => {
  it('pings: POST, XML, our User-Agent, credentials, a fresh EchoToken and the TimeStamp', async () => {
    const { client, partner } = await alma(ota((request) => document(request, '<Success/><EchoData>Pigeonnier</EchoData>')));
    expect(await client.ping()).toEqual({ ok: true, value: undefined, warnings: [] });
    expect(partner.requests[0]!.path).toBe('/ota');
    const [request] = received;
    expect(request!.method).toBe('POST');
    expect(request!.headers['user-agent']).toBe(`Pigeonnier/${version}`);
    expect(request!.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(request!.root).toBe('OTA_PingRQ');
    expect(attrs(request!.element)).toMatchObject({ xmlns: NS, Version: '1.0', TimeStamp: '2026-11-21T09:00:00Z' });
    expect(request!.echoToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(attrs(one(request!.element, 'POS/Source/RequestorID'))).toEqual({ ID: 'gite-des-lilas', MessagePassword: `s3cr<&"'>t` });
    expect(textOf(one(request!.element, 'EchoData'))).toBe('Pigeonnier');
    await client.ping();
    expect(received[1]!.echoToken).not.toBe(request!.echoToken);
  });

  it('refuses a ping answered without our EchoData', async () => {
    const { client } = await alma(ota((request) => document(request, '<Success/><EchoData>Hello</EchoData>')));
    expect(failureOf(await client.ping())).toEqual({ kind: 'malformed', message: { key: 'alma.errors.pingEcho', params: { received: 'Hello' } } });
  });

  it('wrong credentials: a partner failure of type 4 that stops the channel', async () => {
    const { client } = await alma(errors('<Error Type="4" Code="497" ShortText="Authorization error">Wrong password</Error>'));
    expect(failureOf(await client.ping())).toEqual({
      kind: 'partner',
      credentials: true,
      errors: [{ type: '4', code: '497', shortText: 'Authorization error', text: 'Wrong password' }],
      message: { key: 'alma.errors.credentials', params: { code: '497', shortText: 'Authorization error', text: 'Wrong password', count: 1 } },
    });
  });

  it('passes the partner’s warnings through on success', async () => {
    const { client } = await alma(success('<Warnings><Warning Type="10" Code="450" ShortText="Past nights ignored">2026-11-20</Warning></Warnings>'));
    const result = await client.pushStock(stock(3));
    expect(result).toEqual({ ok: true, value: undefined, warnings: [{ type: '10', code: '450', shortText: 'Past nights ignored', text: '2026-11-20' }] });
    expect(received[0]!.root).toBe('OTA_HotelAvailNotifRQ');
  });

  it('a business error (invalid room type) is a partner failure that does not touch the credentials', async () => {
    const { client } = await alma(errors('<Error Type="3" Code="402" ShortText="Invalid room type">CH-X</Error>', '<Error Type="3" Code="249" ShortText="Invalid rate code"/>'));
    const runs: RestrictionRun[] = [{ roomCode: 'CH-X', rateCode: 'NOPE', first: '2026-12-01', last: '2026-12-01', minStay: 1, closed: false, closedToArrival: false, closedToDeparture: false }];
    const failure = failureOf(await client.pushRestrictions(runs));
    expect(failure.kind === 'partner' && failure.credentials).toBe(false);
    expect(failure.kind === 'partner' && failure.errors.map((error) => error.code)).toEqual(['402', '249']);
    expect(failure.message.key).toBe('alma.errors.partner');
  });

  it('rates go as OTA_HotelRateAmountNotifRQ and need OTA_HotelRateAmountNotifRS back', async () => {
    const rates: RateRun[] = [{ roomCode: 'CH-ROSE', rateCode: 'STD', first: '2026-12-01', last: '2026-12-03', amountCents: 9500 }];
    const { client, partner } = await alma(success());
    expect((await client.pushRates(rates)).ok).toBe(true);
    expect(received[0]!.root).toBe('OTA_HotelRateAmountNotifRQ');
    expect(attrs(one(received[0]!.element, 'RateAmountMessages/RateAmountMessage/Rates/Rate/BaseByGuestAmts/BaseByGuestAmt')).AmountAfterTax).toBe('95.00');
    partner.serve(ota((request) => document(request, '<Success/>', 'OTA_HotelAvailNotifRS')));
    expect(failureOf(await client.pushRates(rates)).message).toEqual({
      key: 'alma.errors.wrongRoot',
      params: { expected: 'OTA_HotelRateAmountNotifRS', actual: 'OTA_HotelAvailNotifRS' },
    });
  });

  it('refuses an answer carrying another request’s EchoToken', async () => {
    const { client } = await alma(ota(() => `<OTA_HotelAvailNotifRS xmlns="${NS}" EchoToken="someone-else"><Success/></OTA_HotelAvailNotifRS>`));
    expect(failureOf(await client.pushStock(stock(1))).message.key).toBe('alma.errors.echoToken');
  });

  it('splits 1,201 runs into requests of 500, 500 and 201 messages, in order', async () => {
    const { client } = await alma(success());
    const runs = stock(1201);
    expect((await client.pushStock(runs)).ok).toBe(true);
    expect(received.map((request) => all(request.element, 'AvailStatusMessages/AvailStatusMessage').length)).toEqual([500, 500, 201]);
    const sent = received.flatMap((request) => all(request.element, 'AvailStatusMessages/AvailStatusMessage/StatusApplicationControl').map((control) => attrs(control).Start));
    expect(sent).toEqual(runs.map((run) => run.first));
    expect(new Set(received.map((request) => request.echoToken)).size).toBe(3);
  });

  it('stops at the first failed chunk and gathers the warnings of those that passed', async () => {
    const { client } = await alma([success('<Warnings><Warning Code="1"/></Warnings>'), errors('<Error Type="12" Code="448" ShortText="System error"/>'), success()]);
    const failure = failureOf(await client.pushStock(stock(1201)));
    expect(failure.kind).toBe('partner');
    expect(received).toHaveLength(2);
    const ok = await (await alma([success('<Warnings><Warning Code="1"/></Warnings>'), success('<Warnings><Warning Code="2"/></Warnings>')])).client.pushStock(stock(501));
    expect(ok.ok && ok.warnings.map((warning) => warning.code)).toEqual(['1', '2']);
  });

  it('sends nothing for nothing', async () => {
    const { client } = await alma(success());
    expect(await client.pushStock([])).toEqual({ ok: true, value: undefined, warnings: [] });
    expect(await client.acknowledge([])).toEqual({ ok: true, value: undefined, warnings: [] });
    expect(received).toEqual([]);
  });

  it('refuses a run it would misstate before sending anything', async () => {
    const { client } = await alma(success());
    const runs = [...stock(600), { roomCode: 'R', first: '2027-01-02', last: '2027-01-01', bookingLimit: 1 }];
    await expect(client.pushStock(runs)).rejects.toThrow(RangeError);
    expect(received).toEqual([]);
  });

  it('reads reservations: events, rejected ones with their reason, and warnings', async () => {
    const event = (number: string, span: string) =>
      `<HotelReservation CreateDateTime="2026-11-21T08:59:00Z" ResStatus="Book"><UniqueID Type="14" ID="${number}"/>` +
      `<RoomStays><RoomStay><RoomTypes><RoomType RoomTypeCode="CH-ROSE"/></RoomTypes>${span}</RoomStay></RoomStays></HotelReservation>`;
    const { client } = await alma(
      ota((request) =>
        document(request, `<Success/><Warnings><Warning Code="9"/></Warnings><ReservationsList>${event('AH-R-1', '<TimeSpan Start="2026-12-01" End="2026-12-04"/>')}${event('AH-R-2', '<TimeSpan Start="2026-12-04" End="2026-12-04"/>')}</ReservationsList>`),
      ),
    );
    const result = await client.readReservations();
    if (!result.ok) throw new Error('expected success');
    expect(received[0]!.root).toBe('OTA_ReadRQ');
    expect(attrs(one(received[0]!.element, 'ReadRequests/HotelReadRequest'))).toEqual({ HotelCode: 'AH-1234' });
    expect(result.value.map((e) => [e.reservationNumber, e.arrival, e.departure])).toEqual([['AH-R-1', '2026-12-01', '2026-12-04']]);
    expect(result.rejected?.map((r) => [r.reservationNumber, r.reason.key])).toEqual([['AH-R-2', 'alma.errors.reservation.noNights']]);
    expect(result.warnings.map((w) => w.code)).toEqual(['9']);
  });

  it('acknowledges the events named as received, with our file numbers', async () => {
    const { client } = await alma(success());
    const result = await client.acknowledge([
      { reservationNumber: 'AH-R-10042', resStatus: 'Book', createdAt: '2026-11-21T08:59:00Z', fileId: 57 },
      { reservationNumber: 'AH-R-10043', resStatus: 'Request', createdAt: '2026-11-21T09:10:00Z', fileId: 58 },
    ]);
    expect(result.ok).toBe(true);
    expect(received[0]!.root).toBe('OTA_NotifReportRQ');
    const reservations = all(received[0]!.element, 'NotifDetails/HotelNotifReport/HotelReservations/HotelReservation');
    expect(reservations.map((r) => [attrs(r).ResStatus, attrs(r).CreateDateTime, attrs(one(r, 'UniqueID')).ID, attrs(one(r, 'ResGlobalInfo/HotelReservationIDs/HotelReservationID')).ResID_Value])).toEqual([
      ['Book', '2026-11-21T08:59:00Z', 'AH-R-10042', 'PGN-57'],
      ['Request', '2026-11-21T09:10:00Z', 'AH-R-10043', 'PGN-58'],
    ]);
  });

  it('sends the owner’s decision and shows the partner’s refusal of it', async () => {
    const { client, partner } = await alma(success());
    expect((await client.sendDecision({ reservationNumber: 'AH-R-10043', fileId: 58, decision: 'refuse' })).ok).toBe(true);
    expect(received[0]!.root).toBe('OTA_HotelResNotifRQ');
    expect(attrs(received[0]!.element).ResStatus).toBe('Cancel');
    partner.serve(errors('<Error Type="3" Code="87" ShortText="Booking already confirmed"/>'));
    const failure = failureOf(await client.sendDecision({ reservationNumber: 'AH-R-10043', fileId: 58, decision: 'accept' }));
    expect(attrs(received[1]!.element).ResStatus).toBe('Commit');
    expect(failure).toMatchObject({ kind: 'partner', credentials: false, errors: [{ code: '87', shortText: 'Booking already confirmed' }] });
  });
});
