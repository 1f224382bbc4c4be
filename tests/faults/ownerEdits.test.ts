/**
 * The fault campaign, the owner at work while a round runs: La Grange's partner holds its
 * answer open while the owner books, closes nights, cancels, confirms and edits files; then it
 * answers — with a failure, then with a changed calendar. Both sides are kept: every call of the
 * owner holds as the call returned it, the partner's calendar is applied whole, and where the
 * two collide (the owner sold nights the partner's new booking also takes) the owner is told.
 * The same invariants as every case (invariants.ts) hold after each round.
 */
import type { Reservation } from '../../shared/domain';
import { describe, expect, it } from 'vitest';
import { held, ics, status } from '../helpers/partnerServer';
import { failing, inStep, V2_ALERTS } from './expectations';
import { checkInvariants, takeBaseline } from './invariants';
import { CALENDARS, openProperty } from './property';

describe('the fault campaign: the owner edits while a round is under way', () => {
  it('keeps both the owner’s calls and the partner’s answer, whatever the answer', async () => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    const { service } = p;
    const grange = p.rooms.grange;
    const owner = new Map<number, Partial<Reservation>>();

    // A failing answer, held open while the owner works.
    const busy = held(status(503));
    grange.partner.serve(busy.reply);
    await p.untilArrived(busy.arrived);
    const walkIn = service.call('reservations:create', { unitId: grange.unitId, arrival: '2026-09-20', departure: '2026-09-23', guests: 2, guestName: 'Inès Moreau' }).reservation;
    owner.set(walkIn.id, { status: 'confirmed', arrival: '2026-09-20', departure: '2026-09-23', guestName: 'Inès Moreau' });
    service.call('overrides:set', { unitIds: [grange.unitId], firstNight: '2026-09-24', lastNight: '2026-09-26', changes: { closed: true } });
    service.call('reservations:cancel', { id: p.direct.fournil.id, reason: 'Annulé par téléphone' });
    owner.set(p.direct.fournil.id, { status: 'cancelled' });
    service.call('reservations:update', { id: p.annotated.id, changes: { notes: 'Lit bébé demandé' } });
    owner.set(p.annotated.id, { notes: 'Lit bébé demandé', amountCents: 52_000 });
    expect(p.runsOf('grange')).toBe(1);
    busy.release();
    await p.loop.idle();

    const others = { fournil: inStep(CALENDARS.fournil.v1), bergerie: inStep(CALENDARS.bergerie.v1) };
    expect(checkInvariants(p, baseline, { feeds: { grange: failing(CALENDARS.grange.v1, 'failed', 'busy', 503), ...others }, alerts: [], owner, ownerTables: ['night_overrides'] })).toEqual([]);
    expect(service.call('overrides:list', { unitIds: [grange.unitId], firstNight: '2026-09-24', lastNight: '2026-09-26' }).map((o) => [o.night, o.closed])).toEqual([
      ['2026-09-24', true],
      ['2026-09-25', true],
      ['2026-09-26', true],
    ]);

    // A changed calendar, held open while the owner sells nights it also takes, cancels one of
    // its bookings and confirms a request.
    const changed = held(ics(CALENDARS.grange.v2.body));
    grange.partner.serve(changed.reply);
    await p.untilArrived(changed.arrived);
    const late = service.call('reservations:create', { unitId: grange.unitId, arrival: '2026-09-14', departure: '2026-09-16', guests: 1, guestName: 'Paul Girard' });
    expect(late.overbookings).toEqual([]);
    owner.set(late.reservation.id, { status: 'confirmed', arrival: '2026-09-14', departure: '2026-09-16' });
    const g1 = service.call('reservations:list', { source: p.connections.airbnb, unitId: grange.unitId }).items.find((r) => r.arrival === '2026-08-03')!;
    service.call('reservations:cancel', { id: g1.id, reason: 'Le voyageur a appelé' });
    owner.set(g1.id, { status: 'cancelled' });
    service.call('reservations:confirm', { id: p.direct.bergerie.id });
    owner.set(p.direct.bergerie.id, { status: 'confirmed' });
    service.call('reservations:update', { id: p.annotated.id, changes: { amountCents: 60_000 } });
    // The owner's side of the file, and the partner's new nights.
    owner.set(p.annotated.id, { notes: 'Lit bébé demandé', amountCents: 60_000, arrival: '2026-08-11', departure: '2026-08-15' });
    changed.release();
    await p.loop.idle();

    expect(
      checkInvariants(p, baseline, { feeds: { grange: inStep(CALENDARS.grange.v2, 'updated'), ...others }, alerts: [...V2_ALERTS.grange, 'overbooking@direct'], owner, ownerTables: ['night_overrides'] }),
    ).toEqual([]);
    const g5 = service.call('reservations:list', { source: p.connections.airbnb, unitId: grange.unitId }).items.find((r) => r.arrival === '2026-09-14')!;
    const overbooking = service.call('alerts:list').find((a) => a.kind === 'overbooking')!;
    expect([...overbooking.reservationIds].sort((a, b) => a - b)).toEqual([late.reservation.id, g5.id].sort((a, b) => a - b));
    // The partner's unchanged g-1 does not bring back the file the owner cancelled.
    expect(service.call('reservations:get', { id: g1.id }).status).toBe('cancelled');
  });
});
