import { describe, expect, it } from 'vitest';
import { addUnit, book, openService, START } from '../../helpers/service';

describe('units:create', () => {
  it('creates a unit with stock 1 and a one-night minimum stay by default', () => {
    const { service } = openService();
    const unit = service.call('units:create', { name: ' La Grange ', capacity: 4, baseRateCents: 8500 });
    expect(unit).toEqual({
      id: 1,
      name: 'La Grange',
      capacity: 4,
      stock: 1,
      baseRateCents: 8500,
      minStay: 1,
      sortOrder: 0,
      createdAt: START,
      updatedAt: START,
    });
  });

  it('places each new unit after the others', () => {
    const { service } = openService();
    addUnit(service, { name: 'La Grange' });
    addUnit(service, { name: 'La Tour', stock: 3, minStay: 2 });
    const third = addUnit(service, { name: 'Le Fournil' });
    expect(third.sortOrder).toBe(2);
    expect(service.call('units:list').map((u) => [u.name, u.stock, u.minStay, u.sortOrder])).toEqual([
      ['La Grange', 1, 1, 0],
      ['La Tour', 3, 2, 1],
      ['Le Fournil', 1, 1, 2],
    ]);
  });

  it('announces the change', () => {
    const { service, events } = openService();
    addUnit(service);
    expect(events).toEqual([{ event: 'units:changed', payload: {} }]);
  });
});

describe('units:update', () => {
  it('changes only the fields given and moves updatedAt, not createdAt', () => {
    const { service, clock } = openService();
    const unit = addUnit(service, { name: 'La Grange', capacity: 4, baseRateCents: 8500 });
    clock.set('2026-05-03T09:00:00.000Z');
    const updated = service.call('units:update', { id: unit.id, changes: { baseRateCents: 9500, stock: 2 } });
    expect(updated).toEqual({ ...unit, baseRateCents: 9500, stock: 2, updatedAt: '2026-05-03T09:00:00.000Z' });
    expect(service.call('units:list')).toEqual([updated]);
  });

  it('reorders the list through sortOrder', () => {
    const { service } = openService();
    const grange = addUnit(service, { name: 'La Grange' });
    addUnit(service, { name: 'La Tour' });
    service.call('units:update', { id: grange.id, changes: { sortOrder: 5 } });
    expect(service.call('units:list').map((u) => u.name)).toEqual(['La Tour', 'La Grange']);
  });

  it('announces the change', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    events.length = 0;
    service.call('units:update', { id: unit.id, changes: { name: 'La Grange du haut' } });
    expect(events).toEqual([{ event: 'units:changed', payload: {} }]);
  });

  it('raises an overbooking alert when the stock is lowered under the stays already sold', () => {
    const { service, events } = openService();
    const rooms = addUnit(service, { name: 'Chambres bleues', stock: 2 });
    const a = book(service, { unitId: rooms.id, arrival: '2026-07-10', departure: '2026-07-12' });
    const b = book(service, { unitId: rooms.id, arrival: '2026-07-11', departure: '2026-07-13' });
    events.length = 0;

    service.call('units:update', { id: rooms.id, changes: { stock: 1 } });

    const alerts = service.call('alerts:list');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'overbooking', reservationIds: [a.id, b.id], params: { unit: 'Chambres bleues', firstNight: '2026-07-11', nights: 1 } });
    expect(events.map((e) => e.event)).toEqual(['units:changed', 'alerts:new']);
    expect(service.call('reservations:get', { id: a.id }).flags).toEqual(['overbooked']);
  });

  it('does not alert for nights already past when the stock is lowered', () => {
    const { service, clock } = openService();
    const rooms = addUnit(service, { name: 'Chambres bleues', stock: 2 });
    book(service, { unitId: rooms.id, arrival: '2026-04-10', departure: '2026-04-12' });
    book(service, { unitId: rooms.id, arrival: '2026-04-10', departure: '2026-04-12' });
    clock.set('2026-05-01T10:00:00.000Z');
    service.call('units:update', { id: rooms.id, changes: { stock: 1 } });
    expect(service.call('alerts:list')).toEqual([]);
  });

  it('reads "past" in the property’s time zone: last night in Nouméa is not alerted though UTC is still on that date', () => {
    const { service, clock } = openService();
    service.call('property:save', { name: 'Case kanak', type: 'insolite', timeZone: 'Pacific/Noumea' });
    const rooms = addUnit(service, { name: 'Faré', stock: 2 });
    book(service, { unitId: rooms.id, arrival: '2026-07-14', departure: '2026-07-15' });
    book(service, { unitId: rooms.id, arrival: '2026-07-14', departure: '2026-07-15' });
    clock.set('2026-07-14T14:00:00.000Z'); // 2026-07-15 01:00 in Nouméa
    service.call('units:update', { id: rooms.id, changes: { stock: 1 } });
    expect(service.call('alerts:list')).toEqual([]);
    service.call('property:save', { name: 'Case kanak', type: 'insolite', timeZone: 'UTC' });
    service.call('units:update', { id: rooms.id, changes: { stock: 1 } });
    expect(service.call('alerts:list')).toHaveLength(1);
  });
});
