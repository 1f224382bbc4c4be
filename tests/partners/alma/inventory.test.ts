import { describe, expect, it } from 'vitest';
import { RATES, RESTRICTIONS, STOCK } from './fixtures';
import { codesOf, errorsOf, isSuccess, post, startSimulator } from './testing';

const ROSE_STOCK = '<AvailStatusMessage BookingLimit="1" BookingLimitMessageType="SetLimit">';
const ROSE_CONTROL = 'Start="2026-12-01" End="2026-12-03" InvTypeCode="CH-ROSE"';

describe('Alma simulator: stock, OTA_HotelAvailNotifRQ without RatePlanCode', () => {
  it('sets the booking limit for each night from Start to End, both included', async () => {
    const sim = await startSimulator();
    const answer = await post(sim.url, STOCK);
    expect(answer.rootName).toBe('OTA_HotelAvailNotifRS');
    expect(isSuccess(answer)).toBe(true);
    expect(answer.root.EchoToken).toBe('1c7e3b63-9a6a-4d2f-8e8d-4e2a3c9b0f12');
    expect(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((n) => sim.state.stockOf('CH-ROSE', n))).toEqual([undefined, 1, 1, 1, undefined]);
    expect(sim.state.stockOf('CH-LILAS', '2026-12-01')).toBe(2);
    expect(sim.state.stockOf('CH-LILAS', '2026-12-02')).toBeUndefined();
  });

  it('takes a later push over an earlier one, and 0 as a real value', async () => {
    const sim = await startSimulator();
    await post(sim.url, STOCK);
    expect(isSuccess(await post(sim.url, STOCK.replace(`BookingLimit="1"`, 'BookingLimit="0"').replace('End="2026-12-03"', 'End="2026-12-01"')))).toBe(true);
    expect(['2026-12-01', '2026-12-02'].map((n) => sim.state.stockOf('CH-ROSE', n))).toEqual([0, 1]);
  });

  it.each([
    ['an unknown HotelCode', (x: string) => x.replace('HotelCode="AH-1234"', 'HotelCode="AH-999"'), ['4', '392']],
    ['no HotelCode', (x: string) => x.replace(' HotelCode="AH-1234"', ''), ['3', '321']],
    ['an unknown room type', (x: string) => x.replace('InvTypeCode="CH-ROSE"', 'InvTypeCode="CH-BLEUE"'), ['3', '402']],
    ['no InvTypeCode', (x: string) => x.replace(' InvTypeCode="CH-ROSE"', ''), ['3', '321']],
    ['no BookingLimit', (x: string) => x.replace(ROSE_STOCK, '<AvailStatusMessage BookingLimitMessageType="SetLimit">'), ['3', '321']],
    ['a negative BookingLimit', (x: string) => x.replace('BookingLimit="1"', 'BookingLimit="-1"'), ['3', '320']],
    ['a BookingLimit that is not a whole number', (x: string) => x.replace('BookingLimit="1"', 'BookingLimit="1.5"'), ['3', '320']],
    ['no BookingLimitMessageType', (x: string) => x.replace(ROSE_STOCK, '<AvailStatusMessage BookingLimit="1">'), ['3', '321']],
    ['a BookingLimitMessageType other than SetLimit', (x: string) => x.replace(ROSE_STOCK, '<AvailStatusMessage BookingLimit="1" BookingLimitMessageType="AdjustLimit">'), ['3', '320']],
    ['End before Start', (x: string) => x.replace(ROSE_CONTROL, 'Start="2026-12-03" End="2026-12-01" InvTypeCode="CH-ROSE"'), ['3', '404']],
    ['Start before today', (x: string) => x.replace(ROSE_CONTROL, 'Start="2026-11-20" End="2026-12-03" InvTypeCode="CH-ROSE"'), ['3', '136']],
    ['a Start that is not a date', (x: string) => x.replace(ROSE_CONTROL, 'Start="2026-02-30" End="2026-12-03" InvTypeCode="CH-ROSE"'), ['3', '15']],
    ['an End with a time', (x: string) => x.replace(ROSE_CONTROL, 'Start="2026-12-01" End="2026-12-03T00:00:00" InvTypeCode="CH-ROSE"'), ['3', '15']],
    ['no End', (x: string) => x.replace(ROSE_CONTROL, 'Start="2026-12-01" InvTypeCode="CH-ROSE"'), ['3', '321']],
    ['restrictions in a stock message', (x: string) => x.replace(`${ROSE_CONTROL}/>`, `${ROSE_CONTROL}/><RestrictionStatus Restriction="Master" Status="Close"/>`), ['3', '320']],
    ['two StatusApplicationControl', (x: string) => x.replace(`${ROSE_CONTROL}/>`, `${ROSE_CONTROL}/><StatusApplicationControl ${ROSE_CONTROL}/>`), ['3', '320']],
  ])('refuses %s and changes nothing', async (_what, change, code) => {
    const sim = await startSimulator();
    const request = change(STOCK);
    expect(request).not.toBe(STOCK);
    const answer = await post(sim.url, request);
    expect(answer.status).toBe(200);
    expect(codesOf(answer)).toEqual([code]);
    expect(answer.root).not.toHaveProperty('Success');
    // All or nothing: CH-LILAS's valid message is not applied either.
    expect(sim.state.stockOf('CH-LILAS', '2026-12-01')).toBeUndefined();
    expect(sim.state.stockOf('CH-ROSE', '2026-12-03')).toBeUndefined();
  });

  it('accepts a push starting on today, and follows setToday', async () => {
    const sim = await startSimulator();
    const fromToday = STOCK.replace(ROSE_CONTROL, 'Start="2026-11-21" End="2026-11-21" InvTypeCode="CH-ROSE"');
    expect(isSuccess(await post(sim.url, fromToday))).toBe(true);
    sim.setToday('2026-11-22');
    expect(codesOf(await post(sim.url, fromToday))).toEqual([['3', '136']]);
  });

  it('lists every problem of a request in one answer', async () => {
    const sim = await startSimulator();
    const answer = await post(sim.url, STOCK.replace('InvTypeCode="CH-ROSE"', 'InvTypeCode="CH-BLEUE"').replace('BookingLimit="2"', 'BookingLimit="-2"'));
    expect(codesOf(answer)).toEqual([
      ['3', '402'],
      ['3', '320'],
    ]);
    expect(errorsOf(answer).map((e) => e['#text'])).toEqual([expect.stringContaining('CH-BLEUE'), expect.stringContaining('#2')]);
  });

  it('refuses an empty request and one of more than 500 messages', async () => {
    const sim = await startSimulator();
    const message = '<AvailStatusMessage BookingLimit="1" BookingLimitMessageType="SetLimit"><StatusApplicationControl Start="2026-12-01" End="2026-12-01" InvTypeCode="CH-ROSE"/></AvailStatusMessage>';
    const body = (count: number) => STOCK.replace(/<AvailStatusMessages HotelCode="AH-1234">[\s\S]*<\/AvailStatusMessages>/, `<AvailStatusMessages HotelCode="AH-1234">${message.repeat(count)}</AvailStatusMessages>`);
    expect(codesOf(await post(sim.url, body(0)))).toEqual([['3', '321']]);
    expect(codesOf(await post(sim.url, body(501)))).toEqual([['3', '320']]);
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBeUndefined();
    expect(isSuccess(await post(sim.url, body(500)))).toBe(true);
  });
});

describe('Alma simulator: restrictions, OTA_HotelAvailNotifRQ with RatePlanCode', () => {
  it('stores the four values for each night, full state', async () => {
    const sim = await startSimulator();
    expect(isSuccess(await post(sim.url, RESTRICTIONS))).toBe(true);
    for (const night of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      expect(sim.state.restrictionsOf('CH-ROSE', 'STD', night)).toEqual({ minStay: 2, closed: false, closedToArrival: true, closedToDeparture: false });
    }
    expect(sim.state.restrictionsOf('CH-ROSE', 'STD', '2026-12-04')).toBeUndefined();
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBeUndefined();

    const reopened = RESTRICTIONS.replace('Time="2"', 'Time="1"').replace('"Arrival" Status="Close"', '"Arrival" Status="Open"').replace('"Master" Status="Open"', '"Master" Status="Close"');
    expect(isSuccess(await post(sim.url, reopened))).toBe(true);
    expect(sim.state.restrictionsOf('CH-ROSE', 'STD', '2026-12-02')).toEqual({ minStay: 1, closed: true, closedToArrival: false, closedToDeparture: false });
  });

  it.each([
    ['an unknown rate plan', (x: string) => x.replace('RatePlanCode="STD"', 'RatePlanCode="NR"'), ['3', '249']],
    ['no Departure status (a delta, not the full state)', (x: string) => x.replace('<RestrictionStatus Restriction="Departure" Status="Open"/>', ''), ['3', '321']],
    ['no LengthsOfStay', (x: string) => x.replace(/<LengthsOfStay>.*<\/LengthsOfStay>/, ''), ['3', '321']],
    ['a Status other than Open or Close', (x: string) => x.replace('"Master" Status="Open"', '"Master" Status="Closed"'), ['3', '320']],
    // These two also leave one of the four values unstated: that is a second error.
    ['an unknown Restriction', (x: string) => x.replace('Restriction="Master"', 'Restriction="Everything"'), ['3', '320'], ['3', '321']],
    ['the same Restriction twice', (x: string) => x.replace('Restriction="Arrival"', 'Restriction="Master"'), ['3', '320'], ['3', '321']],
    ['a minimum stay of 0', (x: string) => x.replace('Time="2"', 'Time="0"'), ['3', '320']],
    ['a maximum stay', (x: string) => x.replace('SetMinLOS', 'SetMaxLOS'), ['3', '320']],
    ['a stay in weeks', (x: string) => x.replace('TimeUnit="Day"', 'TimeUnit="Week"'), ['3', '320']],
    ['a BookingLimit (stock goes without rate plan)', (x: string) => x.replace('<AvailStatusMessage>', '<AvailStatusMessage BookingLimit="1" BookingLimitMessageType="SetLimit">'), ['3', '320']],
  ])('refuses %s', async (_what, change, ...codes) => {
    const sim = await startSimulator();
    const request = change(RESTRICTIONS);
    expect(request).not.toBe(RESTRICTIONS);
    const answer = await post(sim.url, request);
    expect(codesOf(answer)).toEqual(codes);
    expect(sim.state.restrictionsOf('CH-ROSE', 'STD', '2026-12-01')).toBeUndefined();
  });
});

describe('Alma simulator: rates, OTA_HotelRateAmountNotifRQ', () => {
  it('stores the rate in cents for each night from Start to End, both included', async () => {
    const sim = await startSimulator();
    const answer = await post(sim.url, RATES);
    expect(answer.rootName).toBe('OTA_HotelRateAmountNotifRS');
    expect(isSuccess(answer)).toBe(true);
    expect(['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'].map((n) => sim.state.rateOf('CH-ROSE', 'STD', n))).toEqual([undefined, 9500, 9500, undefined]);
    expect(isSuccess(await post(sim.url, RATES.replace('95.00', '1234567.89')))).toBe(true);
    expect(sim.state.rateOf('CH-ROSE', 'STD', '2026-12-02')).toBe(123456789);
  });

  it.each([
    ['an amount without decimals', (x: string) => x.replace('"95.00"', '"95"'), ['3', '320']],
    ['a decimal comma', (x: string) => x.replace('"95.00"', '"95,00"'), ['3', '320']],
    ['one decimal', (x: string) => x.replace('"95.00"', '"95.5"'), ['3', '320']],
    ['a negative amount', (x: string) => x.replace('"95.00"', '"-95.00"'), ['3', '320']],
    ['a zero amount', (x: string) => x.replace('"95.00"', '"0.00"'), ['3', '320']],
    ['no amount', (x: string) => x.replace(' AmountAfterTax="95.00"', ''), ['3', '321']],
    ['another currency', (x: string) => x.replace('CurrencyCode="EUR"', 'CurrencyCode="USD"'), ['3', '61']],
    ['no currency', (x: string) => x.replace(' CurrencyCode="EUR"', ''), ['3', '321']],
    ['no RatePlanCode', (x: string) => x.replace(' RatePlanCode="STD"', ''), ['3', '321']],
    ['an unknown rate plan', (x: string) => x.replace('RatePlanCode="STD"', 'RatePlanCode="NR"'), ['3', '249']],
    ['an unknown room type', (x: string) => x.replace('InvTypeCode="CH-ROSE"', 'InvTypeCode="GITE"'), ['3', '402']],
    ['an unknown HotelCode', (x: string) => x.replace('HotelCode="AH-1234"', 'HotelCode="AH-4321"'), ['4', '392']],
    ['End before Start', (x: string) => x.replace('End="2026-12-03"', 'End="2026-11-30"'), ['3', '404']],
    ['two amounts', (x: string) => x.replace('<BaseByGuestAmt AmountAfterTax="95.00" CurrencyCode="EUR"/>', '<BaseByGuestAmt AmountAfterTax="95.00" CurrencyCode="EUR"/><BaseByGuestAmt AmountAfterTax="80.00" CurrencyCode="EUR"/>'), ['3', '320']],
    ['no Rates', (x: string) => x.replace(/<Rates>[\s\S]*<\/Rates>/, ''), ['3', '321']],
  ])('refuses %s', async (_what, change, code) => {
    const sim = await startSimulator();
    const request = change(RATES);
    expect(request).not.toBe(RATES);
    expect(codesOf(await post(sim.url, request))).toEqual([code]);
    expect(sim.state.rateOf('CH-ROSE', 'STD', '2026-12-01')).toBeUndefined();
  });
});

describe('Alma simulator: inventory snapshot', () => {
  it('gives plain objects per room and night, with nulls where nothing was pushed', async () => {
    const sim = await startSimulator();
    for (const request of [STOCK, RESTRICTIONS, RATES]) expect(isSuccess(await post(sim.url, request))).toBe(true);
    const unset = { minStay: null, closed: null, closedToArrival: null, closedToDeparture: null, amountCents: null };
    expect(sim.state.inventorySnapshot('2026-12-03', '2026-12-04')).toEqual({
      'CH-ROSE': {
        '2026-12-03': { bookingLimit: 1, plans: { STD: { minStay: 2, closed: false, closedToArrival: true, closedToDeparture: false, amountCents: 9500 } } },
        '2026-12-04': { bookingLimit: null, plans: { STD: unset } },
      },
      'CH-LILAS': {
        '2026-12-03': { bookingLimit: null, plans: { STD: unset, NR: unset } },
        '2026-12-04': { bookingLimit: null, plans: { STD: unset, NR: unset } },
      },
    });
  });
});
