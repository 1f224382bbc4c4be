/**
 * The payouts view's arithmetic (main/payouts/payouts.ts), pure: which files count, in which
 * payout month, per channel; gross, commission, net, payout date; the month's commission
 * invoice. Alma Heritage's terms (../shared/seeds/): 13 %, paid at the end of the month of
 * departure, one commission invoice per month.
 */
import { describe, expect, it } from 'vitest';
import type { Reservation } from '../../../shared/domain';
import { lastOfMonth } from '../../../shared/nights';
import { buildPayouts, payoutMonthOf, type PayoutConnection } from '../../../main/payouts/payouts';
import { reservationFixture } from '../../helpers/reservationFixture';

const ALMA: PayoutConnection = { id: 1, channel: 'alma_heritage', name: 'Alma Heritage', status: 'active', commissionBasisPoints: 1300 };
const AIRBNB: PayoutConnection = { id: 2, channel: 'airbnb', name: 'Airbnb', status: 'active', commissionBasisPoints: null };
const CONNECTIONS = [ALMA, AIRBNB];

let nextId = 1;
/** A confirmed booking departing on `departure`; Alma's as the connector writes them unless told otherwise. */
function stay(departure: string, fields: Partial<Reservation> = {}): Reservation {
  const id = nextId++;
  return reservationFixture({ id, arrival: '2020-01-01', departure, ...fields });
}
function alma(departure: string, amountCents: number | null, fields: Partial<Reservation> = {}): Reservation {
  return stay(departure, {
    sourceConnectionId: ALMA.id,
    amountCents,
    commissionCents: amountCents === null ? null : Math.round((amountCents * 1300) / 10_000),
    payoutDate: lastOfMonth(departure),
    ...fields,
  });
}

function month(result: ReturnType<typeof buildPayouts>, name: string) {
  const found = result.months.find((m) => m.month === name);
  if (!found) throw new Error(`no month ${name}`);
  return found;
}

describe('payouts: grouping per month and channel', () => {
  it('makes one row per channel and one for direct bookings, with gross, commission, net and payout date', () => {
    const files = [
      alma('2026-07-12', 30_000),
      stay('2026-07-20', { sourceConnectionId: AIRBNB.id, amountCents: 20_000 }),
      stay('2026-07-05', { amountCents: 10_000 }),
      alma('2026-07-28', 45_000),
      stay('2026-07-30', { amountCents: 15_000 }),
    ];
    const july = month(buildPayouts(files, CONNECTIONS, { fromMonth: '2026-07', toMonth: '2026-07' }), '2026-07');

    expect(july.rows).toEqual([
      {
        connectionId: 1, channel: 'alma_heritage', name: 'Alma Heritage', removed: false,
        stays: 2, staysWithoutAmount: 0, grossCents: 75_000, commissionCents: 9_750, staysWithoutCommission: 0, netCents: 65_250,
        payoutDates: ['2026-07-31'], staysWithoutPayoutDate: 0,
      },
      {
        connectionId: 2, channel: 'airbnb', name: 'Airbnb', removed: false,
        // An iCal partner keeps its commissions and payout dates in its extranet: unknown, never 0.
        stays: 1, staysWithoutAmount: 0, grossCents: 20_000, commissionCents: null, staysWithoutCommission: 1, netCents: null,
        payoutDates: [], staysWithoutPayoutDate: 1,
      },
      {
        // Direct bookings last: the guest pays the owner, no commission, no payout.
        connectionId: null, channel: null, name: null, removed: false,
        stays: 2, staysWithoutAmount: 0, grossCents: 25_000, commissionCents: 0, staysWithoutCommission: 0, netCents: 25_000,
        payoutDates: [], staysWithoutPayoutDate: 0,
      },
    ]);
    // The month's total knows Alma's and the direct commissions, not Airbnb's: no net for the month.
    expect(july.totals).toEqual({ stays: 5, staysWithoutAmount: 0, grossCents: 120_000, commissionCents: 9_750, staysWithoutCommission: 1, netCents: null });
    expect(july.invoices).toEqual([{ connectionId: 1, channel: 'alma_heritage', name: 'Alma Heritage', commissionCents: 9_750, stays: 2, staysWithoutCommission: 0 }]);
    expect(july.pending).toEqual({ stays: 0, staysWithoutAmount: 0, grossCents: 0 });
  });

  it('lists every month of the range in order, empty ones included, and ignores files outside it', () => {
    const files = [alma('2026-05-31', 10_000), stay('2026-08-01', { amountCents: 5_000 }), stay('2026-09-02', { amountCents: 7_000 })];
    const result = buildPayouts(files, CONNECTIONS, { fromMonth: '2026-06', toMonth: '2026-09' });
    expect(result.months.map((m) => [m.month, m.rows.length])).toEqual([
      ['2026-06', 0],
      ['2026-07', 0],
      ['2026-08', 1],
      ['2026-09', 1],
    ]);
    expect(month(result, '2026-06')).toEqual({
      month: '2026-06',
      rows: [],
      totals: { stays: 0, staysWithoutAmount: 0, grossCents: 0, commissionCents: 0, staysWithoutCommission: 0, netCents: 0 },
      invoices: [],
      pending: { stays: 0, staysWithoutAmount: 0, grossCents: 0 },
    });
  });

  it('crosses a year: December and January are different months', () => {
    const files = [alma('2026-12-31', 10_000), alma('2027-01-01', 20_000)];
    const result = buildPayouts(files, CONNECTIONS, { fromMonth: '2026-12', toMonth: '2027-01' });
    expect(month(result, '2026-12').rows[0]).toMatchObject({ grossCents: 10_000, payoutDates: ['2026-12-31'] });
    expect(month(result, '2027-01').rows[0]).toMatchObject({ grossCents: 20_000, payoutDates: ['2027-01-31'] });
  });
});

describe('payouts: month boundaries', () => {
  it('puts a stay departing on the 1st in that month, not the month its nights were in', () => {
    const files = [stay('2026-08-01', { arrival: '2026-07-28', amountCents: 40_000 }), alma('2026-08-01', 30_000, { arrival: '2026-07-29' })];
    const result = buildPayouts(files, CONNECTIONS, { fromMonth: '2026-07', toMonth: '2026-08' });
    expect(month(result, '2026-07').rows).toEqual([]);
    expect(month(result, '2026-08').rows.map((r) => [r.connectionId, r.grossCents])).toEqual([
      [1, 30_000],
      [null, 40_000],
    ]);
    expect(month(result, '2026-08').rows[0]!.payoutDates).toEqual(['2026-08-31']);
  });

  it('pays a departure on 31 January at the end of January, one on 1 February at the end of February', () => {
    // Without a stored payout date: the channel's rule decides (the last day of the month of departure).
    const files = [alma('2027-01-31', 10_000, { payoutDate: null }), alma('2027-02-01', 20_000, { payoutDate: null })];
    const result = buildPayouts(files, CONNECTIONS, { fromMonth: '2027-01', toMonth: '2027-02' });
    expect(month(result, '2027-01').rows[0]).toMatchObject({ stays: 1, grossCents: 10_000, commissionCents: 1_300, payoutDates: ['2027-01-31'] });
    expect(month(result, '2027-02').rows[0]).toMatchObject({ stays: 1, grossCents: 20_000, commissionCents: 2_600, payoutDates: ['2027-02-28'] });
    expect(month(result, '2027-01').invoices[0]).toMatchObject({ commissionCents: 1_300, stays: 1 });
    expect(month(result, '2027-02').invoices[0]).toMatchObject({ commissionCents: 2_600, stays: 1 });
  });

  it('pays February of a leap year on the 29th', () => {
    const files = [alma('2028-02-15', 10_000, { payoutDate: null }), alma('2028-02-29', 10_000, { payoutDate: null })];
    const feb = month(buildPayouts(files, CONNECTIONS, { fromMonth: '2028-02', toMonth: '2028-02' }), '2028-02');
    expect(feb.rows[0]!.payoutDates).toEqual(['2028-02-29']);
    expect(feb.rows[0]!.stays).toBe(2);
  });

  it('files a stay by its payout date when it has one, else by its departure', () => {
    expect(payoutMonthOf({ departure: '2026-07-31', payoutDate: '2026-08-05' })).toBe('2026-08');
    expect(payoutMonthOf({ departure: '2026-07-31', payoutDate: null })).toBe('2026-07');
    const files = [stay('2026-07-31', { sourceConnectionId: AIRBNB.id, amountCents: 9_000, payoutDate: '2026-08-05' })];
    const result = buildPayouts(files, CONNECTIONS, { fromMonth: '2026-07', toMonth: '2026-08' });
    expect(month(result, '2026-07').rows).toEqual([]);
    expect(month(result, '2026-08').rows[0]).toMatchObject({ connectionId: 2, payoutDates: ['2026-08-05'], staysWithoutPayoutDate: 0 });
  });

  it('keeps a stay on its departure month’s invoice when its payout date moved to another month', () => {
    // Alma paid the 20 July departure on 5 August: August's money, July's commission invoice.
    const files = [alma('2026-07-20', 40_000, { payoutDate: '2026-08-05' }), alma('2026-07-10', 10_000), alma('2026-08-12', 20_000)];
    const result = buildPayouts(files, CONNECTIONS, { fromMonth: '2026-07', toMonth: '2026-08' });
    const [july, august] = [month(result, '2026-07'), month(result, '2026-08')];
    expect(july.rows[0]).toMatchObject({ stays: 1, grossCents: 10_000 });
    expect(august.rows[0]).toMatchObject({ stays: 2, grossCents: 60_000, payoutDates: ['2026-08-05', '2026-08-31'] });
    expect(july.invoices).toEqual([{ connectionId: 1, channel: 'alma_heritage', name: 'Alma Heritage', commissionCents: 1_300 + 5_200, stays: 2, staysWithoutCommission: 0 }]);
    expect(august.invoices[0]).toMatchObject({ commissionCents: 2_600, stays: 1 });
  });

  it('puts a stay paid in the range but departing before it on no invoice of the range', () => {
    // The view asks for August only: the June departure paid on 2 August is August's money, June's invoice.
    const files = [alma('2026-06-28', 30_000, { payoutDate: '2026-08-02' })];
    const august = month(buildPayouts(files, CONNECTIONS, { fromMonth: '2026-08', toMonth: '2026-08' }), '2026-08');
    expect(august.rows[0]).toMatchObject({ stays: 1, grossCents: 30_000 });
    expect(august.invoices).toEqual([]);
  });
});

describe('payouts: what is not known, and what does not count', () => {
  it('keeps an unknown commission null (never 0) and gives no net while one is missing', () => {
    const icalWithRate: PayoutConnection = { id: 3, channel: 'other_ical', name: 'Gîtes du Périgord', status: 'active', commissionBasisPoints: null };
    const files = [
      // Alma sent no commission for this one: the contract's 13 % of its amount.
      alma('2026-07-10', 20_000, { commissionCents: null }),
      // The owner typed the partner's commission on this file.
      stay('2026-07-11', { sourceConnectionId: 3, amountCents: 10_000, commissionCents: 1_500 }),
      stay('2026-07-12', { sourceConnectionId: 3, amountCents: 30_000 }),
    ];
    const july = month(buildPayouts(files, [...CONNECTIONS, icalWithRate], { fromMonth: '2026-07', toMonth: '2026-07' }), '2026-07');
    expect(july.rows[0]).toMatchObject({ connectionId: 1, commissionCents: 2_600, staysWithoutCommission: 0, netCents: 17_400 });
    expect(july.rows[1]).toMatchObject({ connectionId: 3, grossCents: 40_000, commissionCents: 1_500, staysWithoutCommission: 1, netCents: null });
    expect(july.totals).toMatchObject({ grossCents: 60_000, commissionCents: 4_100, staysWithoutCommission: 1, netCents: null });
  });

  it('counts files without an amount apart, in no sum; a row with no amount at all knows nothing', () => {
    const files = [
      stay('2026-07-10', { sourceConnectionId: AIRBNB.id }),
      stay('2026-07-11', { sourceConnectionId: AIRBNB.id }),
      stay('2026-07-12', { sourceConnectionId: AIRBNB.id }),
      stay('2026-07-13', { amountCents: 12_000 }),
      stay('2026-07-14', {}),
    ];
    const july = month(buildPayouts(files, CONNECTIONS, { fromMonth: '2026-07', toMonth: '2026-07' }), '2026-07');
    expect(july.rows[0]).toMatchObject({ connectionId: 2, stays: 3, staysWithoutAmount: 3, grossCents: null, commissionCents: null, netCents: null });
    expect(july.rows[1]).toMatchObject({ connectionId: null, stays: 2, staysWithoutAmount: 1, grossCents: 12_000, commissionCents: 0, netCents: 12_000 });
    expect(july.totals).toMatchObject({ stays: 5, staysWithoutAmount: 4, grossCents: 12_000, commissionCents: 0, staysWithoutCommission: 0, netCents: 12_000 });
  });

  it('leaves out cancelled and refused files (fees unknown) and blocks; shows bookings on request apart', () => {
    const files = [
      alma('2026-07-10', 50_000, { status: 'cancelled' }),
      stay('2026-07-11', { amountCents: 8_000, status: 'refused' }),
      stay('2026-07-12', { sourceConnectionId: AIRBNB.id, kind: 'block', amountCents: 99_900 }),
      alma('2026-07-13', 20_000, { status: 'pending' }),
      stay('2026-07-14', { status: 'pending' }),
      alma('2026-07-15', 10_000),
    ];
    const july = month(buildPayouts(files, CONNECTIONS, { fromMonth: '2026-07', toMonth: '2026-07' }), '2026-07');
    expect(july.rows.map((r) => [r.connectionId, r.stays, r.grossCents])).toEqual([[1, 1, 10_000]]);
    expect(july.totals).toMatchObject({ stays: 1, grossCents: 10_000, commissionCents: 1_300, netCents: 8_700 });
    expect(july.invoices).toEqual([expect.objectContaining({ commissionCents: 1_300, stays: 1 })]);
    expect(july.pending).toEqual({ stays: 2, staysWithoutAmount: 1, grossCents: 20_000 });
  });

  it('still counts the files of a removed connection, marked as such', () => {
    const removed: PayoutConnection = { ...ALMA, status: 'removed' };
    const july = month(buildPayouts([alma('2026-07-10', 10_000)], [removed], { fromMonth: '2026-07', toMonth: '2026-07' }), '2026-07');
    expect(july.rows[0]).toMatchObject({ connectionId: 1, removed: true, grossCents: 10_000 });
  });
});

describe('payouts: cents', () => {
  it('rounds a computed commission per stay, as the partner bills each booking, and sums integers', () => {
    // 13 % of 100.50 € is 13.065 €: 13.07 € per stay (half away from zero), so 26.14 € for two,
    // where 13 % of the 201.00 € sum would have been 26.13 €.
    const files = [alma('2026-07-10', 10_050, { commissionCents: null }), alma('2026-07-20', 10_050, { commissionCents: null })];
    const july = month(buildPayouts(files, CONNECTIONS, { fromMonth: '2026-07', toMonth: '2026-07' }), '2026-07');
    expect(july.rows[0]).toMatchObject({ grossCents: 20_100, commissionCents: 2_614, netCents: 17_486 });
    expect(july.invoices[0]!.commissionCents).toBe(2_614);
  });

  it('adds many odd cents exactly (no float drift) and keeps every figure an integer', () => {
    const files = Array.from({ length: 1000 }, (_, i) => stay(`2026-07-${String((i % 28) + 2).padStart(2, '0')}`, { amountCents: 10 + (i % 3) * 10, commissionCents: 1 + (i % 7) }));
    const july = month(buildPayouts(files, [], { fromMonth: '2026-07', toMonth: '2026-07' }), '2026-07');
    const gross = files.reduce((sum, f) => sum + f.amountCents!, 0);
    const commission = files.reduce((sum, f) => sum + f.commissionCents!, 0);
    expect(july.totals).toMatchObject({ stays: 1000, grossCents: gross, commissionCents: commission, netCents: gross - commission });
    for (const figure of [july.totals.grossCents, july.totals.commissionCents, july.totals.netCents]) expect(Number.isSafeInteger(figure)).toBe(true);
  });
});
