import { describe, expect, it } from 'vitest';
import { snapshotTables } from '../../helpers/dbSnapshot';
import { addUnit, book, openService } from '../../helpers/service';

describe('reservations:check', () => {
  it('finds nothing wrong with free nights and suggests the base rate times the nights', () => {
    const { service } = openService();
    const unit = addUnit(service, { baseRateCents: 8500 });
    const check = service.call('reservations:check', { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    expect(check.unavailableNights).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.suggestedAmountCents).toBe(3 * 8500);
    expect(check.nights.map((n) => n.night)).toEqual(['2026-07-10', '2026-07-11', '2026-07-12']);
  });

  it('suggests the sum of each night’s rate, overrides included', () => {
    const { service } = openService();
    const unit = addUnit(service, { baseRateCents: 8500 });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-11', lastNight: '2026-07-11', changes: { rateCents: 12050 } });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-13', lastNight: '2026-07-13', changes: { rateCents: 99999 } });
    const check = service.call('reservations:check', { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    // The departure day's rate (07-13) is not part of the stay.
    expect(check.suggestedAmountCents).toBe(8500 + 12050 + 8500);
  });

  it('names the nights already sold or closed', () => {
    const { service } = openService();
    const unit = addUnit(service);
    book(service, { unitId: unit.id, arrival: '2026-07-08', departure: '2026-07-11' });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-12', lastNight: '2026-07-12', changes: { closed: true } });
    const check = service.call('reservations:check', { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-14' });
    expect(check.unavailableNights).toEqual(['2026-07-10', '2026-07-12']);
  });

  it('does not count the file being edited against its own nights', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const input = { unitId: unit.id, arrival: '2026-07-11', departure: '2026-07-14' };
    expect(service.call('reservations:check', input).unavailableNights).toEqual(['2026-07-11', '2026-07-12']);
    expect(service.call('reservations:check', { ...input, excludeReservationId: stay.id }).unavailableNights).toEqual([]);
  });

  it('warns of the minimum stay, closed arrival and closed departure, and of too many guests', () => {
    const { service } = openService();
    const unit = addUnit(service, { capacity: 2 });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-10', lastNight: '2026-07-10', changes: { minStay: 3, closedToArrival: true } });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-12', lastNight: '2026-07-12', changes: { closedToDeparture: true } });
    const check = service.call('reservations:check', { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-12', guests: 3 });
    expect(check.unavailableNights).toEqual([]);
    expect(check.warnings).toEqual([
      { key: 'warnings.minStay', params: { nights: 3 } },
      { key: 'warnings.closedToArrival', params: { night: '2026-07-10' } },
      { key: 'warnings.closedToDeparture', params: { night: '2026-07-12' } },
      { key: 'errors.guestsOverCapacity', params: { capacity: 2 } },
    ]);
  });

  it('writes nothing and announces nothing', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    book(service, { unitId: unit.id });
    events.length = 0;
    const before = snapshotTables(service.db);
    service.call('reservations:check', { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-12' });
    expect(snapshotTables(service.db)).toEqual(before);
    expect(events).toEqual([]);
  });
});
