import { describe, expect, it } from 'vitest';
import { addUnit, book, openService } from '../../helpers/service';

function rowCount(service: ReturnType<typeof openService>['service']): number {
  return service.db.prepare('SELECT count(*) FROM night_overrides').pluck().get() as number;
}

describe('overrides:set', () => {
  it('sets the same change on every night of the range for several units, and counts them', () => {
    const { service } = openService();
    const grange = addUnit(service, { name: 'La Grange' });
    const tour = addUnit(service, { name: 'La Tour' });
    const result = service.call('overrides:set', { unitIds: [grange.id, tour.id], firstNight: '2026-07-14', lastNight: '2026-07-16', changes: { rateCents: 12000 } });
    expect(result).toEqual({ nightsChanged: 6, overbookings: [] });
    const rows = service.call('overrides:list', { firstNight: '2026-07-01', lastNight: '2026-07-31' });
    expect(rows.map((o) => [o.unitId, o.night, o.rateCents])).toEqual([
      [grange.id, '2026-07-14', 12000],
      [grange.id, '2026-07-15', 12000],
      [grange.id, '2026-07-16', 12000],
      [tour.id, '2026-07-14', 12000],
      [tour.id, '2026-07-15', 12000],
      [tour.id, '2026-07-16', 12000],
    ]);
    expect(rows[0]).toEqual({ unitId: grange.id, night: '2026-07-14', rateCents: 12000, stock: null, minStay: null, closedToArrival: null, closedToDeparture: null, closed: null });
  });

  it('leaves the fields it is not given as they were', () => {
    const { service } = openService();
    const unit = addUnit(service);
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-14', changes: { rateCents: 12000, minStay: 2 } });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-14', changes: { closedToArrival: true, minStay: 3 } });
    expect(service.call('overrides:list', { firstNight: '2026-07-14', lastNight: '2026-07-14' })).toEqual([
      { unitId: unit.id, night: '2026-07-14', rateCents: 12000, stock: null, minStay: 3, closedToArrival: true, closedToDeparture: null, closed: null },
    ]);
  });

  it('clears a field with null, back to the unit’s default', () => {
    const { service } = openService();
    const unit = addUnit(service, { baseRateCents: 8500 });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-15', changes: { rateCents: 12000, closed: true } });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-15', lastNight: '2026-07-15', changes: { rateCents: null } });
    const [night] = service.call('availability:get', { unitIds: [unit.id], firstNight: '2026-07-15', lastNight: '2026-07-15' })[0]!.nights;
    expect(night).toMatchObject({ rateCents: 8500, closed: true });
  });

  it('keeps false as an override: closedToArrival false is stored, not pruned', () => {
    const { service } = openService();
    const unit = addUnit(service);
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-14', changes: { closed: false } });
    expect(service.call('overrides:list', { firstNight: '2026-07-14', lastNight: '2026-07-14' })[0]!.closed).toBe(false);
  });

  it('removes a night’s row once nothing on it is overridden, so the table stays sparse', () => {
    const { service } = openService();
    const unit = addUnit(service);
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-20', changes: { rateCents: 12000, stock: 0 } });
    expect(rowCount(service)).toBe(7);
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-17', changes: { rateCents: null, stock: null } });
    expect(rowCount(service)).toBe(3);
    expect(service.call('overrides:list', { firstNight: '2026-07-01', lastNight: '2026-07-31' }).map((o) => o.night)).toEqual([
      '2026-07-18',
      '2026-07-19',
      '2026-07-20',
    ]);
  });

  it('writes no row at all when clearing nights that had no override', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const result = service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-01', lastNight: '2026-07-31', changes: { closed: null } });
    expect(result.nightsChanged).toBe(31);
    expect(rowCount(service)).toBe(0);
  });

  it('announces the changed range and units', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    events.length = 0;
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-16', changes: { closed: true } });
    expect(events).toEqual([{ event: 'availability:changed', payload: { unitIds: [unit.id], firstNight: '2026-07-14', lastNight: '2026-07-16' } }]);
  });

  it('reports and alerts an overbooking when stock is taken from a sold night', () => {
    const { service, events } = openService();
    const unit = addUnit(service, { name: 'La Grange' });
    const stay = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    events.length = 0;
    const result = service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-11', lastNight: '2026-07-11', changes: { stock: 0 } });
    expect(result.overbookings).toEqual([{ unitId: unit.id, night: '2026-07-11', excess: 1, reservationIds: [stay.id] }]);
    expect(events.map((e) => e.event)).toEqual(['alerts:new', 'availability:changed']);
  });

  it('does not call closing a sold night an overbooking: the guest already there keeps the room', () => {
    const { service } = openService();
    const unit = addUnit(service);
    book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const result = service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-01', lastNight: '2026-07-31', changes: { closed: true } });
    expect(result.overbookings).toEqual([]);
    expect(service.call('alerts:list')).toEqual([]);
  });
});

describe('overrides:list', () => {
  it('returns only the units and nights asked for', () => {
    const { service } = openService();
    const grange = addUnit(service, { name: 'La Grange' });
    const tour = addUnit(service, { name: 'La Tour' });
    service.call('overrides:set', { unitIds: [grange.id, tour.id], firstNight: '2026-07-10', lastNight: '2026-07-20', changes: { minStay: 2 } });
    const rows = service.call('overrides:list', { unitIds: [tour.id], firstNight: '2026-07-19', lastNight: '2026-07-25' });
    expect(rows.map((o) => [o.unitId, o.night])).toEqual([
      [tour.id, '2026-07-19'],
      [tour.id, '2026-07-20'],
    ]);
  });
});

describe('availability:get', () => {
  it('gives each unit’s nights with stock, held, free, rate and restrictions from defaults, overrides and stays', () => {
    const { service } = openService();
    const grange = addUnit(service, { name: 'La Grange', baseRateCents: 8500, minStay: 2 });
    const chambres = addUnit(service, { name: 'Chambres', stock: 3, baseRateCents: 6000 });
    book(service, { unitId: grange.id, arrival: '2026-07-10', departure: '2026-07-12' });
    book(service, { unitId: chambres.id, arrival: '2026-07-11', departure: '2026-07-12', status: 'pending' });
    service.call('overrides:set', { unitIds: [chambres.id], firstNight: '2026-07-12', lastNight: '2026-07-12', changes: { closed: true, rateCents: 7000 } });
    service.call('overrides:set', { unitIds: [grange.id], firstNight: '2026-07-12', lastNight: '2026-07-12', changes: { closedToDeparture: true } });

    const result = service.call('availability:get', { firstNight: '2026-07-10', lastNight: '2026-07-12' });
    expect(result.map((u) => u.unitId)).toEqual([grange.id, chambres.id]);
    const summary = result.map((u) => u.nights.map((n) => [n.night, n.stock, n.held, n.free, n.closed, n.rateCents]));
    expect(summary).toEqual([
      [
        ['2026-07-10', 1, 1, 0, false, 8500],
        ['2026-07-11', 1, 1, 0, false, 8500],
        ['2026-07-12', 1, 0, 1, false, 8500],
      ],
      [
        ['2026-07-10', 3, 0, 3, false, 6000],
        ['2026-07-11', 3, 1, 2, false, 6000],
        ['2026-07-12', 0, 0, 0, true, 7000],
      ],
    ]);
    expect(result[0]!.nights[2]).toMatchObject({ minStay: 2, closedToDeparture: true, closedToArrival: false });
  });

  it('answers for the units asked for only', () => {
    const { service } = openService();
    addUnit(service, { name: 'La Grange' });
    const tour = addUnit(service, { name: 'La Tour' });
    const result = service.call('availability:get', { unitIds: [tour.id], firstNight: '2026-07-10', lastNight: '2026-07-10' });
    expect(result.map((u) => u.unitId)).toEqual([tour.id]);
  });

  it('frees the nights of a cancelled file', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id });
    service.call('reservations:cancel', { id: stay.id });
    const nights = service.call('availability:get', { firstNight: '2026-07-10', lastNight: '2026-07-12' })[0]!.nights;
    expect(nights.map((n) => n.free)).toEqual([1, 1, 1]);
  });

  it('lists the overbooked nights through availability:overbookings', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const a = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-12' });
    const b = book(service, { unitId: unit.id, arrival: '2026-07-11', departure: '2026-07-13', allowOverbooking: true });
    expect(service.call('availability:overbookings', { firstNight: '2026-07-01', lastNight: '2026-07-31' })).toEqual([
      { unitId: unit.id, night: '2026-07-11', excess: 1, reservationIds: [a.id, b.id] },
    ]);
  });
});
