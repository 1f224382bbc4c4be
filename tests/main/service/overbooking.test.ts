/**
 * What the owner fears most (DESIGN §1): selling the same night twice. Refused unless the owner,
 * warned, insists; then impossible to miss — an alert, raised once, and a flag on both files.
 */
import { describe, expect, it } from 'vitest';
import { addUnit, book, openService, refusal } from '../../helpers/service';

function twoOnOneNight() {
  const harness = openService();
  const { service, events } = harness;
  const unit = addUnit(service, { name: 'La Grange' });
  const first = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13', guestName: 'Camille Martin' });
  events.length = 0;
  const result = service.call('reservations:create', {
    unitId: unit.id,
    arrival: '2026-07-12',
    departure: '2026-07-15',
    guests: 2,
    guestName: 'Jean Dupont',
    allowOverbooking: true,
  });
  return { ...harness, unit, first, second: result.reservation, result };
}

describe('booking a night that is sold out', () => {
  it('is refused with errors.overbooking, naming the unit and the nights', () => {
    const { service } = openService();
    const unit = addUnit(service, { name: 'La Grange' });
    book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const body = refusal(() => book(service, { unitId: unit.id, arrival: '2026-07-11', departure: '2026-07-16' }));
    expect(body).toEqual({
      code: 'conflict',
      key: 'errors.overbooking',
      params: { unit: 'La Grange', nights: 2, firstNight: '2026-07-11', lastNight: '2026-07-12' },
      issues: [],
    });
  });

  it('is refused on a closed night too', () => {
    const { service } = openService();
    const unit = addUnit(service);
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-07-11', lastNight: '2026-07-11', changes: { closed: true } });
    expect(refusal(() => book(service, { unitId: unit.id })).key).toBe('errors.overbooking');
  });

  it('is refused when an edit moves a stay onto it', () => {
    const { service } = openService();
    const unit = addUnit(service);
    book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const later = book(service, { unitId: unit.id, arrival: '2026-07-20', departure: '2026-07-22' });
    const body = refusal(() => service.call('reservations:update', { id: later.id, changes: { arrival: '2026-07-12' } }));
    expect(body).toMatchObject({ code: 'conflict', key: 'errors.overbooking', params: { firstNight: '2026-07-12', lastNight: '2026-07-12' } });
  });
});

describe('booking it anyway with allowOverbooking', () => {
  it('creates the file and reports the overbooked night naming both files', () => {
    const { unit, first, second, result } = twoOnOneNight();
    expect(result.overbookings).toEqual([{ unitId: unit.id, night: '2026-07-12', excess: 1, reservationIds: [first.id, second.id] }]);
  });

  it('raises one overbooking alert naming both files, and pushes it as alerts:new', () => {
    const { service, events, first, second } = twoOnOneNight();
    const alerts = service.call('alerts:list');
    expect(alerts).toEqual([
      {
        id: 1,
        kind: 'overbooking',
        createdAt: '2026-05-01T10:00:00.000Z',
        reservationIds: [first.id, second.id],
        connectionId: null,
        params: { unit: 'La Grange', firstNight: '2026-07-12', lastNight: '2026-07-12', nights: 1 },
        dismissedAt: null,
      },
    ]);
    expect(events.filter((e) => e.event === 'alerts:new')).toEqual([{ event: 'alerts:new', payload: alerts[0] }]);
  });

  it('flags both files "overbooked", in get, in the create result and in the list', () => {
    const { service, first, second } = twoOnOneNight();
    expect(second.flags).toEqual(['overbooked']);
    expect(service.call('reservations:get', { id: first.id }).flags).toEqual(['overbooked']);
    expect(service.call('reservations:get', { id: second.id }).flags).toEqual(['overbooked']);
    expect(service.call('reservations:list').items.map((r) => r.flags)).toEqual([['overbooked'], ['overbooked']]);
  });

  it('stores no "overbooked" flag: it goes away as soon as one file is cancelled', () => {
    const { service, first, second } = twoOnOneNight();
    service.call('reservations:cancel', { id: second.id });
    expect(service.call('reservations:get', { id: first.id }).flags).toEqual([]);
    expect(service.call('reservations:get', { id: second.id }).flags).toEqual([]);
    expect(service.call('availability:overbookings', { firstNight: '2026-07-01', lastNight: '2026-07-31' })).toEqual([]);
  });

  it('does not raise the alert twice for the same files', () => {
    const { service, events, second } = twoOnOneNight();
    events.length = 0;
    service.call('reservations:update', { id: second.id, changes: { departure: '2026-07-16' }, allowOverbooking: true });
    service.call('reservations:update', { id: second.id, changes: { guests: 3 } });
    service.call('overrides:set', { unitIds: [second.unitId], firstNight: '2026-07-12', lastNight: '2026-07-12', changes: { rateCents: 9000 } });
    expect(service.call('alerts:list')).toHaveLength(1);
    expect(events.filter((e) => e.event === 'alerts:new')).toEqual([]);
  });

  it('raises the same situation again once the owner has dismissed it and it comes back', () => {
    const { service, second } = twoOnOneNight();
    const [alert] = service.call('alerts:list');
    service.call('alerts:dismiss', { id: alert!.id });
    // Moved away (no overbooking), then back onto the sold night.
    service.call('reservations:update', { id: second.id, changes: { arrival: '2026-08-01', departure: '2026-08-02' } });
    service.call('reservations:update', { id: second.id, changes: { arrival: second.arrival, departure: second.departure }, allowOverbooking: true });
    const alerts = service.call('alerts:list');
    expect(alerts).toHaveLength(2);
    expect(alerts[0]!.dismissedAt).toBeNull();
    expect(alerts[0]!.reservationIds).toEqual(alert!.reservationIds);
  });

  it('raises a new alert when a third file joins the overbooking', () => {
    const { service, first, second, unit } = twoOnOneNight();
    const third = book(service, { unitId: unit.id, arrival: '2026-07-12', departure: '2026-07-13', allowOverbooking: true });
    const alerts = service.call('alerts:list');
    expect(alerts).toHaveLength(2);
    expect(alerts[0]!.reservationIds).toEqual([first.id, second.id, third.id]);
  });

  it('raises the alert when an edit with allowOverbooking moves a stay onto a sold night', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    const a = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const b = book(service, { unitId: unit.id, arrival: '2026-07-20', departure: '2026-07-22' });
    events.length = 0;
    const { overbookings } = service.call('reservations:update', { id: b.id, changes: { arrival: '2026-07-11', departure: '2026-07-13' }, allowOverbooking: true });
    expect(overbookings.map((o) => o.night)).toEqual(['2026-07-11', '2026-07-12']);
    expect(service.call('alerts:list')[0]).toMatchObject({ reservationIds: [a.id, b.id], params: { firstNight: '2026-07-11', lastNight: '2026-07-12', nights: 2 } });
    expect(events.map((e) => e.event)).toEqual(['reservations:changed', 'availability:changed', 'alerts:new']);
  });
});

describe('alerts:dismiss', () => {
  it('dismisses an alert once, keeping the first dismissal time', () => {
    const { service, clock } = twoOnOneNight();
    clock.set('2026-05-02T09:00:00.000Z');
    expect(service.call('alerts:dismiss', { id: 1 }).dismissedAt).toBe('2026-05-02T09:00:00.000Z');
    clock.set('2026-05-03T09:00:00.000Z');
    expect(service.call('alerts:dismiss', { id: 1 }).dismissedAt).toBe('2026-05-02T09:00:00.000Z');
    expect(service.call('alerts:list')[0]!.dismissedAt).toBe('2026-05-02T09:00:00.000Z');
  });
});
