/**
 * The pure rules of an Alma Heritage file and of the horizon: commission rounded half up in
 * integers, payout on the last day of the month of departure, the fields taken from the event;
 * the horizon's clamping and its new nights day by day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlmaReservationEvent } from '../../../../main/channels/alma/messages';
import { almaFileFields } from '../../../../main/sync/alma/almaFile';
import { clampToHorizon, horizonOf, newHorizonNights } from '../../../../main/sync/alma/horizon';
import { PROTOCOL_EXAMPLE_EVENT } from '../../../helpers/almaEvent';

const EVENT: AlmaReservationEvent = { ...PROTOCOL_EXAMPLE_EVENT, raw: '<HotelReservation/>' };

const MAPPING = { unitId: 7, roomCode: 'CH-ROSE', rateCode: 'STD' };
const fileOf = (changes: Partial<AlmaReservationEvent>, basisPoints: number | null = null) =>
  almaFileFields({ ...EVENT, ...changes }, MAPPING, { id: 3, commissionBasisPoints: basisPoints });

describe('an Alma Heritage file', () => {
  it('commission: amount × rate, rounded half up to the cent (shared/money.ts percentOf)', () => {
    const commission = (amountCents: number, basisPoints: number) => fileOf({ amountCents }, basisPoints).commissionCents;
    expect(commission(28_500, 1300)).toBe(3705);
    expect(commission(28_550, 1300)).toBe(3712); // 3711.5 → 3712
    expect(commission(28_549, 1300)).toBe(3711); // 3711.37
    expect(commission(50, 1300)).toBe(7); // 6.5 → 7
    expect(commission(0, 1300)).toBe(0);
    expect(commission(12_345, 0)).toBe(0);
    expect(commission(12_345, 10_000)).toBe(12_345);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const exact = (BigInt(amount) * BigInt(bp) * 2n + 10_000n) / 20_000n;
        expect(commission(amount, bp)).toBe(Number(exact));
      }),
    );
  });

  it('payout: the last day of the month of departure', () => {
    expect(fileOf({ departure: '2026-12-04' }).payoutDate).toBe('2026-12-31');
    expect(fileOf({ arrival: '2028-01-30', departure: '2028-02-01' }).payoutDate).toBe('2028-02-29');
    expect(fileOf({ arrival: '2026-07-29', departure: '2026-07-31' }).payoutDate).toBe('2026-07-31');
  });

  it('a booking is confirmed, a request pending, with the event’s details and the connection’s commission', () => {
    const mapping = { unitId: 7, roomCode: 'CH-ROSE', rateCode: 'STD' };
    expect(almaFileFields(EVENT, mapping, { id: 3, commissionBasisPoints: null })).toEqual({
      unitId: 7,
      sourceConnectionId: 3,
      partnerReference: 'AH-R-10042',
      externalId: 'AH-R-10042',
      kind: 'booking',
      status: 'confirmed',
      arrival: '2026-12-01',
      departure: '2026-12-04',
      guests: 2,
      guestName: 'Claire Dubois',
      email: 'claire.dubois@example.fr',
      phone: '+33 6 12 34 56 78',
      address: '3 rue des Tilleuls, 37000 Tours, FR',
      amountCents: 28_500,
      commissionCents: 3705,
      payoutDate: '2026-12-31',
      notes: 'Arrivée vers 18 h',
      rawText: '<HotelReservation/>',
    });
    const request = almaFileFields({ ...EVENT, resStatus: 'Request', amountCents: null, comments: null, guests: null }, mapping, { id: 3, commissionBasisPoints: 1500 });
    expect(request).toMatchObject({ status: 'pending', amountCents: null, commissionCents: null, notes: '', guests: null });
    expect(almaFileFields(EVENT, mapping, { id: 3, commissionBasisPoints: 1500 }).commissionCents).toBe(4275);
  });
});

describe('the horizon', () => {
  it('365 nights from today; ranges clamped; nothing before today or beyond', () => {
    const horizon = horizonOf('2026-07-01');
    expect(horizon).toEqual({ first: '2026-07-01', last: '2027-06-30' });
    expect(clampToHorizon({ first: '0001-01-01', last: '9998-12-31' }, horizon)).toEqual(horizon);
    expect(clampToHorizon({ first: '2026-06-20', last: '2026-07-02' }, horizon)).toEqual({ first: '2026-07-01', last: '2026-07-02' });
    expect(clampToHorizon({ first: '2026-06-20', last: '2026-06-30' }, horizon)).toBeNull();
    expect(clampToHorizon({ first: '2027-07-01', last: '2027-07-03' }, horizon)).toBeNull();
  });

  it('queues the whole horizon the first time, then each day’s new night', () => {
    expect(newHorizonNights(horizonOf('2026-07-01'), null)).toEqual({ first: '2026-07-01', last: '2027-06-30' });
    expect(newHorizonNights(horizonOf('2026-07-01'), '2027-06-30')).toBeNull();
    expect(newHorizonNights(horizonOf('2026-07-02'), '2027-06-30')).toEqual({ first: '2027-07-01', last: '2027-07-01' });
    // Away for a long time: from today, not from the stale end.
    expect(newHorizonNights(horizonOf('2028-01-01'), '2027-06-30')).toEqual(horizonOf('2028-01-01'));
  });
});
