/**
 * 'payouts:list' on a real service and SQLite file: Alma Heritage files as its connector writes
 * them (13 %, paid on the last day of the month of departure), an iCal partner whose commissions
 * stay in its extranet, direct bookings, and files that must not count. Refused ranges write
 * nothing and push nothing.
 *
 *   Alma (api, 1300 bp):  #a1 dep 2026-07-31 413.00 € (53.69 €)   #a2 dep 2026-08-01 250.00 € (32.50 €)
 *                         #a3 dep 2026-07-20 600.00 € cancelled   #a4 dep 2026-07-10 no amount
 *   Airbnb (ical):        #b1 dep 2026-07-15 300.00 €              a "not available" block dep 2026-07-22
 *   Direct:               #d1 dep 2026-07-13 360.00 €              #d2 dep 2026-07-25 200.00 € pending
 *                         #d3 dep 2026-07-05 150.00 € cancelled    #d4 dep 2026-09-01 (outside the range)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/errors';
import { insertConnection } from '../../../main/db/channels';
import type { Service } from '../../../main/service';
import { partnerStay } from '../../helpers/feeds';
import { addUnit, book, expectRefusedWithoutWrites, openService, type Harness } from '../../helpers/service';

let harness: Harness;
let service: Service;
let pendingId: number;

beforeEach(() => {
  harness = openService();
  service = harness.service;
  service.call('property:save', { name: 'Le Pigeonnier', type: 'gite', city: 'Sarlat' });
  const grange = addUnit(service, { name: 'La Grange' }).id;
  const tour = addUnit(service, { name: 'La Tour' }).id;
  const now = harness.clock();
  const alma = insertConnection(
    service.db,
    { channel: 'alma_heritage', name: 'Alma Heritage', kind: 'api', status: 'active', sendsCancellations: true, commissionBasisPoints: 1300 },
    now,
  ).id;
  const airbnb = insertConnection(
    service.db,
    { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
    now,
  ).id;
  const almaStay = (arrival: string, departure: string, amountCents: number | null, payoutDate: string, status: 'confirmed' | 'cancelled' = 'confirmed') =>
    partnerStay(service.db, {
      unitId: tour,
      sourceConnectionId: alma,
      arrival,
      departure,
      amountCents,
      commissionCents: amountCents === null ? null : Math.round((amountCents * 1300) / 10_000),
      payoutDate,
      status,
    }, now);
  almaStay('2026-07-28', '2026-07-31', 41_300, '2026-07-31');
  almaStay('2026-07-31', '2026-08-01', 25_000, '2026-08-31');
  almaStay('2026-07-16', '2026-07-20', 60_000, '2026-07-31', 'cancelled');
  almaStay('2026-07-08', '2026-07-10', null, '2026-07-31');
  partnerStay(service.db, { unitId: grange, sourceConnectionId: airbnb, arrival: '2026-07-14', departure: '2026-07-15', amountCents: 30_000 }, now);
  partnerStay(service.db, { unitId: grange, sourceConnectionId: airbnb, arrival: '2026-07-20', departure: '2026-07-22', kind: 'block', amountCents: 10_000 }, now);
  book(service, { unitId: grange, arrival: '2026-07-10', departure: '2026-07-13', amountCents: 36_000 });
  pendingId = book(service, { unitId: grange, arrival: '2026-07-23', departure: '2026-07-25', amountCents: 20_000, status: 'pending' }).id;
  const cancelled = book(service, { unitId: grange, arrival: '2026-07-03', departure: '2026-07-05', amountCents: 15_000 });
  service.call('reservations:cancel', { id: cancelled.id });
  book(service, { unitId: grange, arrival: '2026-08-30', departure: '2026-09-01', amountCents: 18_000 });
  harness.events.length = 0;
});

describe('payouts:list', () => {
  it('sums each channel per payout month: Alma with its commission and date, Airbnb unknown, direct bookings', () => {
    const result = service.call('payouts:list', { fromMonth: '2026-07', toMonth: '2026-08' });
    expect(result.fromMonth).toBe('2026-07');
    expect(result.months.map((m) => m.month)).toEqual(['2026-07', '2026-08']);
    const [july, august] = result.months;

    expect(july!.rows.map((r) => [r.name ?? 'direct', r.stays, r.staysWithoutAmount, r.grossCents, r.commissionCents, r.netCents, r.payoutDates])).toEqual([
      ['Alma Heritage', 2, 1, 41_300, 5_369, 35_931, ['2026-07-31']],
      ['Airbnb', 1, 0, 30_000, null, null, []],
      ['direct', 1, 0, 36_000, 0, 36_000, []],
    ]);
    expect(july!.totals).toEqual({ stays: 4, staysWithoutAmount: 1, grossCents: 107_300, commissionCents: 5_369, staysWithoutCommission: 1, netCents: null });
    expect(july!.invoices).toEqual([{ connectionId: 1, channel: 'alma_heritage', name: 'Alma Heritage', commissionCents: 5_369, stays: 2, staysWithoutCommission: 1 }]);
    expect(july!.pending).toEqual({ stays: 1, staysWithoutAmount: 0, grossCents: 20_000 });

    // Departing on 1 August: August's payout and August's invoice.
    expect(august!.rows.map((r) => [r.name, r.grossCents, r.commissionCents, r.netCents, r.payoutDates])).toEqual([['Alma Heritage', 25_000, 3_250, 21_750, ['2026-08-31']]]);
    expect(august!.invoices.map((i) => i.commissionCents)).toEqual([3_250]);
  });

  it('files a stay by its payout date when it has one, even in another month than its departure', () => {
    // The owner typed Airbnb's payout date on a June departure: it is July's money.
    partnerStay(service.db, { unitId: 2, sourceConnectionId: 2, arrival: '2026-06-25', departure: '2026-06-28', amountCents: 5_000, payoutDate: '2026-07-03' }, harness.clock());
    const [june, july] = service.call('payouts:list', { fromMonth: '2026-06', toMonth: '2026-07' }).months;
    expect(june!.rows).toEqual([]);
    expect(july!.rows[1]).toMatchObject({ name: 'Airbnb', stays: 2, grossCents: 35_000, payoutDates: ['2026-07-03'], staysWithoutPayoutDate: 1 });
  });

  it('keeps an Alma stay on its departure month’s invoice when its payout date is in another month of the range or outside it', () => {
    // Alma paid the 24 July departure on 4 August, and the 29 June departure on 2 July.
    const stay = { unitId: 2, sourceConnectionId: 1, amountCents: 10_000, commissionCents: 1_300 };
    partnerStay(service.db, { ...stay, arrival: '2026-07-22', departure: '2026-07-24', payoutDate: '2026-08-04' }, harness.clock());
    partnerStay(service.db, { ...stay, arrival: '2026-06-27', departure: '2026-06-29', payoutDate: '2026-07-02' }, harness.clock());
    const [july, august] = service.call('payouts:list', { fromMonth: '2026-07', toMonth: '2026-08' }).months;
    // July's invoice: #a1, #a4 and the 24 July departure, though August pays it.
    expect(july!.invoices).toEqual([{ connectionId: 1, channel: 'alma_heritage', name: 'Alma Heritage', commissionCents: 5_369 + 1_300, stays: 3, staysWithoutCommission: 1 }]);
    expect(august!.rows[0]).toMatchObject({ name: 'Alma Heritage', stays: 2, grossCents: 35_000, payoutDates: ['2026-08-04', '2026-08-31'] });
    expect(august!.invoices.map((i) => [i.commissionCents, i.stays])).toEqual([[3_250, 1]]);
    // The June departure is July's money and on June's invoice, which this range does not show.
    expect(july!.rows[0]).toMatchObject({ name: 'Alma Heritage', stays: 3, grossCents: 51_300 });
    const [june] = service.call('payouts:list', { fromMonth: '2026-06', toMonth: '2026-06' }).months;
    expect(june!.rows).toEqual([]);
    expect(june!.invoices.map((i) => [i.commissionCents, i.stays])).toEqual([[1_300, 1]]);
  });

    it('counts a booking on request once the owner confirms it', () => {
    service.call('reservations:confirm', { id: pendingId });
    const [july] = service.call('payouts:list', { fromMonth: '2026-07', toMonth: '2026-07' }).months;
    expect(july!.pending.stays).toBe(0);
    expect(july!.rows.at(-1)).toMatchObject({ connectionId: null, stays: 2, grossCents: 56_000, netCents: 56_000 });
  });

  it('answers empty months, and reads without writing or announcing anything', () => {
    const result = service.call('payouts:list', { fromMonth: '2025-12', toMonth: '2026-01' });
    expect(result.months.map((m) => [m.month, m.rows, m.invoices, m.pending.stays])).toEqual([
      ['2025-12', [], [], 0],
      ['2026-01', [], [], 0],
    ]);
    expect(harness.events).toEqual([]);
  });

  it('accepts 24 months, September 2026 included', () => {
    const result = service.call('payouts:list', { fromMonth: '2026-07', toMonth: '2028-06' });
    expect(result.months).toHaveLength(24);
    expect(result.months[2]!.rows.map((r) => [r.connectionId, r.grossCents])).toEqual([[null, 18_000]]);
  });
});

describe('payouts:list refusals', () => {
  const invalid = (...issues: ApiErrorBody['issues']): Partial<ApiErrorBody> => ({ code: 'invalid_input', key: 'errors.invalidInput', issues });
  const cases: [name: string, input: unknown, expected: Partial<ApiErrorBody>][] = [
    ['the last month before the first', { fromMonth: '2026-08', toMonth: '2026-07' }, invalid({ path: ['toMonth'], key: 'errors.monthRangeInverted' })],
    ['more than 24 months', { fromMonth: '2026-07', toMonth: '2028-07' }, invalid({ path: ['toMonth'], key: 'errors.monthRangeTooLong', params: { max: 24 } })],
    ['a month 13', { fromMonth: '2026-13', toMonth: '2027-01' }, invalid({ path: ['fromMonth'], key: 'errors.month' })],
    ['a month without its zero', { fromMonth: '2026-7', toMonth: '2026-08' }, invalid({ path: ['fromMonth'], key: 'errors.month' })],
    ['a date instead of a month', { fromMonth: '2026-07', toMonth: '2026-08-31' }, invalid({ path: ['toMonth'], key: 'errors.month' })],
    ['a missing end', { fromMonth: '2026-07' }, invalid({ path: ['toMonth'], key: 'errors.required' })],
    ['an unknown field', { fromMonth: '2026-07', toMonth: '2026-08', channel: 'alma_heritage' }, invalid({ path: [], key: 'errors.unknownField', params: { keys: 'channel' } })],
    ['no input', undefined, invalid({ path: [], key: 'errors.required' })],
  ];
  it.each(cases)('refuses %s, writing nothing', (_name, input, expected) => {
    expectRefusedWithoutWrites(harness, () => service.call('payouts:list', input), expected);
  });
});
