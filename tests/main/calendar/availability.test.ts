import { describe, expect, it } from 'vitest';
import type { NightOverride, Reservation, ReservationStatus, Unit } from '../../../shared/domain';
import { findOverbookings, nightsAvailability, stayIssues, type UnitSchedule } from '../../../main/calendar/availability';
import { reservationFixture } from '../../helpers/reservationFixture';

const AT = '2026-05-01T10:00:00.000Z';

function unit(fields: Partial<Unit> = {}): Unit {
  return { id: 1, name: 'La Grange', capacity: 4, stock: 1, baseRateCents: 8500, minStay: 1, sortOrder: 0, createdAt: AT, updatedAt: AT, ...fields };
}

function stay(id: number, arrival: string, departure: string, status: ReservationStatus = 'confirmed', unitId = 1): Reservation {
  return reservationFixture({ id, unitId, status, arrival, departure });
}

function override(night: string, fields: Partial<NightOverride> = {}): NightOverride {
  return { unitId: 1, night, rateCents: null, stock: null, minStay: null, closedToArrival: null, closedToDeparture: null, closed: null, ...fields };
}

function schedule(fields: Partial<UnitSchedule> = {}): UnitSchedule {
  return { unit: unit(), overrides: [], reservations: [], ...fields };
}

const free = (s: UnitSchedule, first: string, last: string) => nightsAvailability(s, first, last).map((n) => n.free);

describe('nightsAvailability', () => {
  it('gives every night of the range, both ends included, with the unit’s defaults when nothing is booked', () => {
    const nights = nightsAvailability(schedule(), '2026-07-10', '2026-07-12');
    expect(nights).toEqual(
      ['2026-07-10', '2026-07-11', '2026-07-12'].map((night) => ({
        night,
        stock: 1,
        held: 0,
        free: 1,
        closed: false,
        rateCents: 8500,
        minStay: 1,
        closedToArrival: false,
        closedToDeparture: false,
      })),
    );
  });

  it('subtracts a stay from its nights arrival … departure − 1, leaving the departure night free', () => {
    const s = schedule({ reservations: [stay(1, '2026-07-10', '2026-07-12')] });
    expect(free(s, '2026-07-09', '2026-07-12')).toEqual([1, 0, 0, 1]);
    expect(nightsAvailability(s, '2026-07-10', '2026-07-10')[0]!.held).toBe(1);
  });

  it('lets one guest leave and the next arrive on the same day', () => {
    const s = schedule({ reservations: [stay(1, '2026-07-10', '2026-07-12'), stay(2, '2026-07-12', '2026-07-14')] });
    expect(free(s, '2026-07-10', '2026-07-14')).toEqual([0, 0, 0, 0, 1]);
    expect(findOverbookings(s, '2026-07-10', '2026-07-14')).toEqual([]);
  });

  it('counts a pending (on request) file as holding stock', () => {
    const s = schedule({ reservations: [stay(1, '2026-07-10', '2026-07-11', 'pending')] });
    expect(free(s, '2026-07-10', '2026-07-10')).toEqual([0]);
  });

  it.each(['cancelled', 'refused'] as const)('does not count a %s file', (status) => {
    const s = schedule({ reservations: [stay(1, '2026-07-10', '2026-07-11', status)] });
    expect(nightsAvailability(s, '2026-07-10', '2026-07-10')[0]).toMatchObject({ stock: 1, held: 0, free: 1 });
  });

  it('sells three identical rooms three times a night', () => {
    const s = schedule({
      unit: unit({ stock: 3 }),
      reservations: [stay(1, '2026-07-10', '2026-07-13'), stay(2, '2026-07-11', '2026-07-13'), stay(3, '2026-07-12', '2026-07-13')],
    });
    expect(nightsAvailability(s, '2026-07-10', '2026-07-13').map((n) => [n.held, n.free])).toEqual([
      [1, 2],
      [2, 1],
      [3, 0],
      [0, 3],
    ]);
    expect(findOverbookings(s, '2026-07-10', '2026-07-13')).toEqual([]);
  });

  it('ignores stays and overrides of other units', () => {
    const s = schedule({
      reservations: [stay(1, '2026-07-10', '2026-07-11', 'confirmed', 2)],
      overrides: [override('2026-07-10', { unitId: 2, closed: true, rateCents: 1 })],
    });
    expect(nightsAvailability(s, '2026-07-10', '2026-07-10')[0]).toMatchObject({ free: 1, closed: false, rateCents: 8500 });
  });

  it('applies a night’s overrides — rate, stock, minimum stay, arrival and departure closures — and only on that night', () => {
    const s = schedule({
      unit: unit({ stock: 2 }),
      overrides: [override('2026-07-11', { rateCents: 12000, stock: 1, minStay: 3, closedToArrival: true, closedToDeparture: true })],
    });
    const [before, night, after] = nightsAvailability(s, '2026-07-10', '2026-07-12');
    expect(night).toEqual({
      night: '2026-07-11',
      stock: 1,
      held: 0,
      free: 1,
      closed: false,
      rateCents: 12000,
      minStay: 3,
      closedToArrival: true,
      closedToDeparture: true,
    });
    expect(before).toMatchObject({ stock: 2, rateCents: 8500, minStay: 1, closedToArrival: false });
    expect(after).toMatchObject({ stock: 2, rateCents: 8500, minStay: 1, closedToDeparture: false });
  });

  it('takes an override of stock 0 or of rate 0 as a value, not as "not overridden"', () => {
    const s = schedule({ overrides: [override('2026-07-10', { stock: 0, rateCents: 0 })] });
    expect(nightsAvailability(s, '2026-07-10', '2026-07-10')[0]).toMatchObject({ stock: 0, free: 0, rateCents: 0 });
  });

  it('gives a closed night stock 0 and free 0', () => {
    const s = schedule({ unit: unit({ stock: 3 }), overrides: [override('2026-07-10', { closed: true })] });
    expect(nightsAvailability(s, '2026-07-10', '2026-07-10')[0]).toMatchObject({ stock: 0, held: 0, free: 0, closed: true });
  });

  it('does not call a closed night an overbooking when its guest was booked before it closed (refines DESIGN §3)', () => {
    const s = schedule({ overrides: [override('2026-07-10', { closed: true })], reservations: [stay(1, '2026-07-10', '2026-07-11')] });
    expect(nightsAvailability(s, '2026-07-10', '2026-07-10')[0]).toMatchObject({ stock: 0, held: 1, free: 0, closed: true });
    expect(findOverbookings(s, '2026-07-10', '2026-07-10')).toEqual([]);
  });

  it('still calls a closed night an overbooking when more stays share it than there are units', () => {
    const s = schedule({
      unit: unit({ stock: 2 }),
      overrides: [override('2026-07-10', { closed: true })],
      reservations: [stay(1, '2026-07-10', '2026-07-11'), stay(2, '2026-07-10', '2026-07-11'), stay(3, '2026-07-10', '2026-07-11')],
    });
    expect(findOverbookings(s, '2026-07-10', '2026-07-10')).toEqual([{ unitId: 1, night: '2026-07-10', excess: 1, reservationIds: [1, 2, 3] }]);
  });

  it('only counts the nights inside the range asked for', () => {
    const s = schedule({ reservations: [stay(1, '2026-07-01', '2026-07-31')] });
    const nights = nightsAvailability(s, '2026-07-10', '2026-07-11');
    expect(nights.map((n) => n.night)).toEqual(['2026-07-10', '2026-07-11']);
    expect(nights.map((n) => n.held)).toEqual([1, 1]);
  });
});

describe('findOverbookings', () => {
  it('names both files when two stays share a night of a single room', () => {
    const s = schedule({ reservations: [stay(7, '2026-07-10', '2026-07-13'), stay(9, '2026-07-12', '2026-07-14')] });
    expect(findOverbookings(s, '2026-07-01', '2026-07-31')).toEqual([{ unitId: 1, night: '2026-07-12', excess: 1, reservationIds: [7, 9] }]);
  });

  it('reports one entry per overbooked night, with how many units too many were sold', () => {
    const s = schedule({
      unit: unit({ stock: 2 }),
      overrides: [override('2026-07-11', { stock: 1 })],
      reservations: [stay(1, '2026-07-10', '2026-07-12'), stay(2, '2026-07-10', '2026-07-12'), stay(3, '2026-07-10', '2026-07-12')],
    });
    expect(findOverbookings(s, '2026-07-10', '2026-07-11')).toEqual([
      { unitId: 1, night: '2026-07-10', excess: 1, reservationIds: [1, 2, 3] },
      { unitId: 1, night: '2026-07-11', excess: 2, reservationIds: [1, 2, 3] },
    ]);
  });

  it('is not fooled by a cancelled file on the same night', () => {
    const s = schedule({ reservations: [stay(1, '2026-07-10', '2026-07-11'), stay(2, '2026-07-10', '2026-07-11', 'cancelled')] });
    expect(findOverbookings(s, '2026-07-10', '2026-07-10')).toEqual([]);
  });

  it('calls a stay on a night whose stock was overridden to 0 an overbooking', () => {
    const s = schedule({ overrides: [override('2026-07-10', { stock: 0 })], reservations: [stay(4, '2026-07-10', '2026-07-11')] });
    expect(findOverbookings(s, '2026-07-10', '2026-07-10')).toEqual([{ unitId: 1, night: '2026-07-10', excess: 1, reservationIds: [4] }]);
  });
});

describe('stayIssues', () => {
  const check = (s: UnitSchedule, arrival: string, departure: string) =>
    stayIssues(nightsAvailability(s, arrival, departure), arrival, departure);

  it('finds nothing wrong with a stay on free nights', () => {
    expect(check(schedule(), '2026-07-10', '2026-07-13')).toEqual({ unavailableNights: [], warnings: [] });
  });

  it('lists the stay’s nights that are sold out or closed, not the departure night', () => {
    const s = schedule({
      overrides: [override('2026-07-12', { closed: true }), override('2026-07-13', { closed: true })],
      reservations: [stay(1, '2026-07-08', '2026-07-11')],
    });
    expect(check(s, '2026-07-10', '2026-07-13').unavailableNights).toEqual(['2026-07-10', '2026-07-12']);
  });

  it('warns when the stay is shorter than the minimum stay set on its arrival night', () => {
    const s = schedule({ overrides: [override('2026-07-10', { minStay: 3 }), override('2026-07-11', { minStay: 7 })] });
    expect(check(s, '2026-07-10', '2026-07-12').warnings).toEqual([{ key: 'warnings.minStay', params: { nights: 3 } }]);
    expect(check(s, '2026-07-10', '2026-07-13').warnings).toEqual([]);
  });

  it('reads the unit’s default minimum stay when the night has none', () => {
    const s = schedule({ unit: unit({ minStay: 2 }) });
    expect(check(s, '2026-07-10', '2026-07-11').warnings).toEqual([{ key: 'warnings.minStay', params: { nights: 2 } }]);
  });

  it('warns when arrivals are closed on the arrival night, not on later nights', () => {
    const s = schedule({ overrides: [override('2026-07-10', { closedToArrival: true }), override('2026-07-11', { closedToArrival: true })] });
    expect(check(s, '2026-07-10', '2026-07-12').warnings).toEqual([{ key: 'warnings.closedToArrival', params: { night: '2026-07-10' } }]);
    expect(check(s, '2026-07-09', '2026-07-12').warnings).toEqual([]);
  });

  it('reads "closed to departure" on the departure day, not on the last night', () => {
    const s = schedule({ overrides: [override('2026-07-12', { closedToDeparture: true })] });
    expect(check(s, '2026-07-10', '2026-07-12').warnings).toEqual([{ key: 'warnings.closedToDeparture', params: { night: '2026-07-12' } }]);
    expect(check(s, '2026-07-10', '2026-07-13').warnings).toEqual([]);
  });

  it('reports every broken restriction at once, while the nights stay bookable', () => {
    const s = schedule({
      overrides: [override('2026-07-10', { minStay: 5, closedToArrival: true }), override('2026-07-12', { closedToDeparture: true })],
    });
    const issues = check(s, '2026-07-10', '2026-07-12');
    expect(issues.unavailableNights).toEqual([]);
    expect(issues.warnings.map((w) => w.key)).toEqual(['warnings.minStay', 'warnings.closedToArrival', 'warnings.closedToDeparture']);
  });

  it('counts a night missing from the nights given as unavailable rather than free', () => {
    const nights = nightsAvailability(schedule(), '2026-07-10', '2026-07-10');
    expect(stayIssues(nights, '2026-07-10', '2026-07-12').unavailableNights).toEqual(['2026-07-11']);
  });
});
