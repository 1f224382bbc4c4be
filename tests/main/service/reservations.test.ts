import { describe, expect, it } from 'vitest';
import { addUnit, book, openService, START } from '../../helpers/service';

describe('reservations:create', () => {
  it('creates a confirmed direct booking with the owner’s details, cleaned', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const { reservation, overbookings } = service.call('reservations:create', {
      unitId: unit.id,
      arrival: '2026-07-10',
      departure: '2026-07-13',
      guests: 3,
      guestName: '  Camille Martin ',
      email: ' camille.martin@example.fr ',
      phone: '+33 6 12 34 56 78',
      address: '',
      amountCents: 25500,
      notes: 'Arrivée vers 18 h',
    });
    expect(overbookings).toEqual([]);
    expect(reservation).toEqual({
      id: 1,
      unitId: unit.id,
      sourceConnectionId: null,
      partnerReference: null,
      kind: 'booking',
      status: 'confirmed',
      arrival: '2026-07-10',
      departure: '2026-07-13',
      guests: 3,
      guestName: 'Camille Martin',
      email: 'camille.martin@example.fr',
      phone: '+33 6 12 34 56 78',
      address: null,
      amountCents: 25500,
      commissionCents: null,
      payoutDate: null,
      notes: 'Arrivée vers 18 h',
      rawText: null,
      flags: [],
      createdAt: START,
      updatedAt: START,
    });
    expect(service.call('reservations:get', { id: reservation.id })).toEqual(reservation);
  });

  it('stores an empty e-mail or phone as nothing, not as an empty string', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, email: '', phone: '   ' });
    expect([stay.email, stay.phone]).toEqual([null, null]);
  });

  it('creates an on-request booking as pending, and it holds the nights', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, status: 'pending' });
    expect(stay.status).toBe('pending');
    const nights = service.call('availability:get', { firstNight: '2026-07-10', lastNight: '2026-07-12' })[0]!.nights;
    expect(nights.map((n) => n.free)).toEqual([0, 0, 0]);
  });

  it('accepts a stay of exactly 365 nights', () => {
    const { service } = openService();
    const unit = addUnit(service);
    expect(book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2027-07-10' }).departure).toBe('2027-07-10');
  });

  it('writes a "created" history row by the owner, at the clock’s time, with the initial values', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id });
    const history = service.call('reservations:history', { id: stay.id });
    expect(history).toEqual([
      { id: 1, reservationId: stay.id, at: START, actor: { kind: 'owner', connectionId: null }, action: 'created', changes: expect.any(Object) },
    ]);
    expect(history[0]!.changes).toMatchObject({
      unitId: [null, unit.id],
      arrival: [null, stay.arrival],
      departure: [null, stay.departure],
      guestName: [null, stay.guestName],
      status: [null, 'confirmed'],
    });
    // Empty fields are not "changes".
    expect(history[0]!.changes).not.toHaveProperty('notes');
    expect(history[0]!.changes).not.toHaveProperty('partnerReference');
  });

  it('sells the night a guest leaves to the next guest', () => {
    const { service } = openService();
    const unit = addUnit(service);
    book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    expect(book(service, { unitId: unit.id, arrival: '2026-07-13', departure: '2026-07-15' }).arrival).toBe('2026-07-13');
    expect(book(service, { unitId: unit.id, arrival: '2026-07-08', departure: '2026-07-10' }).departure).toBe('2026-07-10');
  });

  it('sells each of three identical rooms once a night, and refuses the fourth', () => {
    const { service } = openService();
    const unit = addUnit(service, { stock: 3 });
    for (let i = 0; i < 3; i++) book(service, { unitId: unit.id });
    expect(() => book(service, { unitId: unit.id })).toThrow(/errors.overbooking/);
  });
});

describe('reservations:update', () => {
  it('changes the fields given, records exactly those as [before, after], and moves updatedAt', () => {
    const { service, clock } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, guests: 2, guestName: 'Camille Martin', notes: 'Vegetarian' });
    clock.set('2026-05-02T12:00:00.000Z');
    const { reservation } = service.call('reservations:update', {
      id: stay.id,
      changes: { guests: 3, guestName: 'Camille Martin', notes: 'Vegetarian, arriving late', amountCents: 30000 },
    });
    expect(reservation).toEqual({ ...stay, guests: 3, notes: 'Vegetarian, arriving late', amountCents: 30000, updatedAt: '2026-05-02T12:00:00.000Z' });
    const history = service.call('reservations:history', { id: stay.id });
    expect(history.map((h) => h.action)).toEqual(['created', 'updated']);
    expect(history[1]).toEqual({
      id: 2,
      reservationId: stay.id,
      at: '2026-05-02T12:00:00.000Z',
      actor: { kind: 'owner', connectionId: null },
      action: 'updated',
      changes: { guests: [2, 3], notes: ['Vegetarian', 'Vegetarian, arriving late'], amountCents: [null, 30000] },
    });
  });

  it('writes nothing, no history and no event, when the changes are what the file already says', () => {
    const { service, clock, events } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, guests: 2 });
    events.length = 0;
    clock.set('2026-05-02T12:00:00.000Z');
    const { reservation } = service.call('reservations:update', { id: stay.id, changes: { guests: 2, arrival: stay.arrival } });
    expect(reservation).toEqual(stay);
    expect(service.call('reservations:history', { id: stay.id })).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it('moves a stay onto free nights and frees the old ones', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    service.call('reservations:update', { id: stay.id, changes: { arrival: '2026-07-20', departure: '2026-07-22' } });
    expect(service.call('reservations:history', { id: stay.id })[1]!.changes).toEqual({
      arrival: ['2026-07-10', '2026-07-20'],
      departure: ['2026-07-13', '2026-07-22'],
    });
    expect(book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' }).id).toBe(2);
  });

  it('lets a stay grow over its own nights without calling itself an overbooking', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const { reservation, overbookings } = service.call('reservations:update', { id: stay.id, changes: { departure: '2026-07-15' } });
    expect(reservation.departure).toBe('2026-07-15');
    expect(overbookings).toEqual([]);
  });

  it('checks a partial change against the stay as it would become: an earlier departure alone is enough', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const { reservation } = service.call('reservations:update', { id: stay.id, changes: { departure: '2026-07-11' } });
    expect([reservation.arrival, reservation.departure]).toEqual(['2026-07-10', '2026-07-11']);
  });

  it('moves a stay to another unit and announces both units', () => {
    const { service, events } = openService();
    const grange = addUnit(service, { name: 'La Grange' });
    const tour = addUnit(service, { name: 'La Tour' });
    const stay = book(service, { unitId: grange.id });
    events.length = 0;
    service.call('reservations:update', { id: stay.id, changes: { unitId: tour.id } });
    expect(events).toContainEqual({ event: 'availability:changed', payload: { unitIds: [tour.id, grange.id], firstNight: '2026-07-10', lastNight: '2026-07-12' } });
    const held = service.call('availability:get', { firstNight: '2026-07-10', lastNight: '2026-07-10' }).map((u) => u.nights[0]!.held);
    expect(held).toEqual([0, 1]);
  });

  it('may move a cancelled file onto sold nights: it holds no stock', () => {
    const { service } = openService();
    const unit = addUnit(service);
    book(service, { unitId: unit.id, arrival: '2026-07-20', departure: '2026-07-22' });
    const old = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    service.call('reservations:cancel', { id: old.id });
    const { reservation, overbookings } = service.call('reservations:update', { id: old.id, changes: { arrival: '2026-07-20', departure: '2026-07-22' } });
    expect(reservation.arrival).toBe('2026-07-20');
    expect(overbookings).toEqual([]);
    expect(service.call('alerts:list')).toEqual([]);
  });

  it('clears an e-mail given as an empty string and records the change', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, email: 'camille@example.fr' });
    const { reservation } = service.call('reservations:update', { id: stay.id, changes: { email: '' } });
    expect(reservation.email).toBeNull();
    expect(service.call('reservations:history', { id: stay.id })[1]!.changes).toEqual({ email: ['camille@example.fr', null] });
  });
});

describe('reservations:cancel', () => {
  it('cancels the file, keeps it, and records the status change and the reason', () => {
    const { service, clock } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id });
    clock.set('2026-05-03T08:30:00.000Z');
    const cancelled = service.call('reservations:cancel', { id: stay.id, reason: ' Guest ill ' });
    expect(cancelled).toEqual({ ...stay, status: 'cancelled', updatedAt: '2026-05-03T08:30:00.000Z' });
    expect(service.call('reservations:get', { id: stay.id }).status).toBe('cancelled');
    expect(service.call('reservations:history', { id: stay.id })[1]).toEqual({
      id: 2,
      reservationId: stay.id,
      at: '2026-05-03T08:30:00.000Z',
      actor: { kind: 'owner', connectionId: null },
      action: 'cancelled',
      changes: { status: ['confirmed', 'cancelled'], reason: [null, 'Guest ill'] },
    });
  });

  it('records no reason when none is given', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, status: 'pending' });
    service.call('reservations:cancel', { id: stay.id });
    expect(service.call('reservations:history', { id: stay.id })[1]!.changes).toEqual({ status: ['pending', 'cancelled'] });
  });

  it('frees the nights for a new booking', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id });
    service.call('reservations:cancel', { id: stay.id });
    expect(book(service, { unitId: unit.id }).status).toBe('confirmed');
  });

  it('announces the file and the nights it gave back', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id });
    events.length = 0;
    service.call('reservations:cancel', { id: stay.id });
    expect(events).toEqual([
      { event: 'reservations:changed', payload: { reservationIds: [stay.id] } },
      { event: 'availability:changed', payload: { unitIds: [unit.id], firstNight: '2026-07-10', lastNight: '2026-07-12' } },
    ]);
  });
});
