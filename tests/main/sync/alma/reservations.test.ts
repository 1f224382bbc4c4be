/**
 * Reservations from Alma Heritage (the partner simulator): pulled, stored as files and
 * acknowledged exactly once; on-request bookings held, then confirmed or refused by the owner
 * (the answer reaches the partner); cancellations free the stock; a modification is flagged and
 * explained, never applied; a cancellation recorded by hand from Alma's e-mail makes the
 * partner's later Cancel a no-op; bookings for a room that is not mapped are held (stored and
 * acknowledged) until the owner maps it, then become files; a stay Alma confirmed after the
 * owner refused it is reopened; an Alma booking that oversells a night raises the overbooking
 * alert.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/nights';
import { setCommission } from '../../../../main/db/apiConnections';
import { listHistory } from '../../../../main/db/history';
import { PULL_INTERVAL_MS, PUSH_DEBOUNCE_MS } from '../../../../main/sync/alma/apiLoop';
import { apiSyncSummary } from '../../../../main/db/apiSyncState';
import { expectPartnerInStep, LILAS, openAlmaWorld, ROSE, type AlmaWorld } from './almaWorld';

function files(world: AlmaWorld) {
  return world.service.call('reservations:list', {}).items;
}

function partnerEvents(world: AlmaWorld) {
  return world.db
    .prepare('SELECT reservation_number AS number, res_status AS status, outcome, reservation_id AS fileId, acked_at IS NOT NULL AS acked FROM partner_events ORDER BY id')
    .all() as { number: string; status: string; outcome: string; fileId: number | null; acked: number }[];
}

/** Alma Heritage confirms an on-request booking on its own side (the guest's request was accepted there): a Book event. */
function confirmAtPartner(world: AlmaWorld, number: string): void {
  world.simulator.state.updateReservation(number, { status: 'confirmed' });
  world.simulator.state.queueEvent(number, 'Book');
}

const alertKinds = (world: AlmaWorld) => world.service.call('alerts:list').map((a) => a.kind);


/** A guest books on request on Alma Heritage, and Pigeonnier reads it (a pending file). */
async function bookedOnRequest(world: AlmaWorld, room: typeof ROSE, arrival: string, departure: string): Promise<string> {
  const number = world.simulator.book({ room: room.roomCode, rate: room.rateCode, arrival, departure, onRequest: true });
  await world.loop.syncNow(world.connectionId);
  await world.settle();
  return number;
}
describe('reservations from Alma Heritage', () => {
  it('a booking becomes a confirmed, prepaid file with Alma’s commission and payout date, acknowledged exactly once', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = world.simulator.book({
      ...ROSE,
      room: ROSE.roomCode,
      rate: ROSE.rateCode,
      arrival: n(60),
      departure: n(63),
      guests: 2,
      guest: 'Claire Dubois',
      email: 'claire.dubois@example.fr',
      phone: '+33 6 12 34 56 78',
      address: { line: '3 rue des Tilleuls', city: 'Tours', postalCode: '37000', countryCode: 'FR' },
      comment: 'Arrivée vers 18 h',
      amountCents: 28_550,
    });
    await world.advance(PULL_INTERVAL_MS);
    const [file] = files(world);
    expect(file).toMatchObject({
      unitId: world.rose,
      status: 'confirmed',
      partnerReference: number,
      arrival: n(60),
      departure: n(63),
      guests: 2,
      guestName: 'Claire Dubois',
      email: 'claire.dubois@example.fr',
      phone: '+33 6 12 34 56 78',
      address: expect.stringContaining('Tours'),
      amountCents: 28_550,
      // 13 % of 285.50 € = 37.115 € → 37.12 € (half up).
      commissionCents: 3712,
      notes: 'Arrivée vers 18 h',
    });
    // 2026-07-01 + 63 days = 2 September: paid out on the last day of September.
    expect(file!.payoutDate).toBe('2026-09-30');
    expect(file!.rawText).toContain(number);
    expect(file!.sourceConnectionId).toBe(world.connectionId);
    expect(listHistory(world.db, file!.id)).toEqual([
      expect.objectContaining({ action: 'created', actor: { kind: 'sync', connectionId: world.connectionId } }),
    ]);
    const [event] = world.simulator.events();
    expect(event).toMatchObject({ number, resStatus: 'Book', deliveredCount: 1, ackCount: 1, fileNumber: `PGN-${file!.id}` });
    expect(partnerEvents(world)).toEqual([{ number, status: 'Book', outcome: 'created', fileId: file!.id, acked: 1 }]);
    expect(alertKinds(world)).toEqual(['newBooking']);
    // Announced, so the desktop notification fires.
    expect(world.events.filter((e) => e.event === 'alerts:new').map((e) => (e.payload as { kind: string }).kind)).toEqual(['newBooking']);
    // Our stock went back out: the partner's own count and ours agree.
    expectPartnerInStep(world);

    // Later pulls find nothing new and store nothing twice.
    await world.advance(3 * PULL_INTERVAL_MS);
    expect(files(world)).toHaveLength(1);
    expect(world.simulator.events()[0]).toMatchObject({ deliveredCount: 1, ackCount: 1 });
    expect(apiSyncSummary(world.db, world.connectionId)).toMatchObject({ unacknowledged: 0, lastError: null });
  });

  it('the commission follows the rate set on the connection', async () => {
    const world = await openAlmaWorld();
    setCommission(world.db, world.connectionId, 1500, world.clock.now());
    world.simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: addDays(world.today(), 3), departure: addDays(world.today(), 5), amountCents: 24_001 });
    await world.loop.syncNow(world.connectionId);
    expect(files(world)[0]!.commissionCents).toBe(3600);
  });

  it('reads again until nothing is left, acknowledging each batch once', async () => {
    const world = await openAlmaWorld();
    for (let i = 0; i < 60; i++) {
      world.simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: addDays(world.today(), 10 + 3 * i), departure: addDays(world.today(), 12 + 3 * i) });
    }
    await world.loop.syncNow(world.connectionId);
    expect(files(world)).toHaveLength(60);
    expect(world.simulator.events().every((e) => e.deliveredCount === 1 && e.ackCount === 1)).toBe(true);
    expect(world.simulator.requests().filter((r) => r.message === 'OTA_ReadRQ').length).toBeGreaterThanOrEqual(3);
  });

  it('an on-request booking arrives pending and holds the stock; the owner confirms it and Alma Heritage hears it', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = await bookedOnRequest(world, ROSE, n(20), n(22));
    const [file] = files(world);
    expect(file).toMatchObject({ status: 'pending', partnerReference: number });
    expect(partnerEvents(world)).toEqual([expect.objectContaining({ status: 'Request', outcome: 'held', acked: 1 })]);
    expect(world.simulator.state.stockOf('CH-ROSE', n(20))).toBe(0);

    world.service.call('reservations:confirm', { id: file!.id });
    // Queued in the confirmation's transaction (beside its nights, whose value does not change).
    expect(world.db.prepare("SELECT payload FROM outbox WHERE message_kind = 'reservation_status'").pluck().all()).toEqual([
      JSON.stringify({ reservationId: file!.id, reservationNumber: number, decision: 'accept' }),
    ]);
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.decisions()).toEqual([expect.objectContaining({ number, decision: 'Commit', count: 1, fileNumber: `PGN-${file!.id}` })]);
    expect(world.simulator.reservation(number)!.status).toBe('confirmed');
    expect(files(world)[0]!.status).toBe('confirmed');
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(0);
    expectPartnerInStep(world);
  });

  it('the owner refuses an on-request booking: Alma Heritage hears it and both sides free the nights', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = await bookedOnRequest(world, LILAS, n(20), n(23));
    const [file] = files(world);
    expect(world.simulator.state.stockOf('CH-LILAS', n(21))).toBe(1);
    world.service.call('reservations:refuse', { id: file!.id, reason: 'Travaux' });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.decisions()).toEqual([expect.objectContaining({ number, decision: 'Cancel', count: 1 })]);
    expect(world.simulator.reservation(number)!.status).toBe('refused');
    expect(files(world)[0]!.status).toBe('refused');
    expect(world.simulator.state.stockOf('CH-LILAS', n(21))).toBe(2);
    expectPartnerInStep(world);
  });

  it('an answer Alma Heritage can no longer take (the guest cancelled first) is dropped and the owner told', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = await bookedOnRequest(world, ROSE, n(20), n(22));
    world.simulator.cancel(number);
    world.service.call('reservations:confirm', { id: files(world)[0]!.id });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.requests().filter((r) => r.message === 'OTA_HotelResNotifRQ').map((r) => r.errorCodes)).toEqual([[95]]);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(0);
    expect(alertKinds(world)).toContain('partnerError');
    // Then the partner's Cancel arrives and frees the nights.
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    expect(files(world)[0]!.status).toBe('cancelled');
    expectPartnerInStep(world);
  });

  it('a cancellation frees the stock and alerts the owner', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = world.simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: n(7), departure: n(9) });
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    world.simulator.cancel(number);
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    const [file] = files(world);
    expect(file!.status).toBe('cancelled');
    expect(partnerEvents(world).map((e) => [e.status, e.outcome, e.acked])).toEqual([
      ['Book', 'created', 1],
      ['Cancel', 'cancelled', 1],
    ]);
    expect(world.service.call('availability:get', { unitIds: [world.rose], firstNight: n(7), lastNight: n(8) })[0]!.nights.map((x) => x.free)).toEqual([1, 1]);
    expect(world.simulator.state.stockOf('CH-ROSE', n(7))).toBe(1);
    expect(alertKinds(world)).toEqual(['cancellation', 'newBooking']);
    expectPartnerInStep(world);
  });

  it('a cancellation received by e-mail and recorded by the owner makes the partner’s Cancel a no-op', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = world.simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: n(7), departure: n(9) });
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    const [file] = files(world);
    world.service.call('reservations:cancel', { id: file!.id, reason: 'Annulation reçue par e-mail d’Alma Heritage' });
    await world.advance(PUSH_DEBOUNCE_MS);
    world.simulator.cancel(number);
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    expect(partnerEvents(world).map((e) => [e.status, e.outcome])).toEqual([
      ['Book', 'created'],
      ['Cancel', 'unchanged'],
    ]);
    const history = listHistory(world.db, file!.id);
    expect(history.map((h) => [h.action, h.actor.kind])).toEqual([
      ['created', 'sync'],
      ['cancelled', 'owner'],
    ]);
    expect(history[1]!.changes.reason).toEqual([null, 'Annulation reçue par e-mail d’Alma Heritage']);
    expectPartnerInStep(world);
  });

  it('a modification leaves the file as it was, flags it, records the partner’s values and tells the owner what to do', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = world.simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: n(30), departure: n(33) });
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    world.simulator.modify(number, { arrival: n(31), departure: n(35), guests: 3 });
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    const [file] = files(world);
    expect(file).toMatchObject({ status: 'confirmed', arrival: n(30), departure: n(33), flags: ['changedByPartner'] });
    const flagged = listHistory(world.db, file!.id).at(-1)!;
    expect(flagged).toMatchObject({ action: 'flagged', actor: { kind: 'sync', connectionId: world.connectionId } });
    expect(flagged.changes).toEqual({
      changedByPartner: [false, true],
      partnerChange: [null, { roomCode: 'CH-LILAS', arrival: n(31), departure: n(35), guests: 3, amountCents: expect.any(Number) }],
    });
    const alert = world.service.call('alerts:list').find((a) => a.kind === 'partnerModification')!;
    expect(alert).toMatchObject({ reservationIds: [file!.id], params: { number, arrival: n(30), departure: n(33), newArrival: n(31), newDeparture: n(35) } });
    expect(partnerEvents(world).at(-1)).toMatchObject({ status: 'Modify', outcome: 'flagged', acked: 1 });
    // Alma moved the stay in its own stock; ours did not move, and goes out again to say so.
    expectPartnerInStep(world);
  });

  it('bookings for a room that is not mapped are held and acknowledged (never stalling the channel); mapping the room creates their files once', async () => {
    const world = await openAlmaWorld({ rooms: { 'CH-ROSE': ['STD'], 'CH-LILAS': ['STD'], 'CH-TOUR': ['STD'] } });
    const n = (days: number) => addDays(world.today(), days);
    // Sixty bookings on a room type of Alma's that none of our rooms is linked to: more than one read (50) holds.
    const unmapped = Array.from({ length: 60 }, (_, i) => {
      world.simulator.state.setStock('CH-TOUR', n(10 + i), 1);
      world.simulator.state.setRate('CH-TOUR', 'STD', n(10 + i), 15000);
      return world.simulator.book({ room: 'CH-TOUR', rate: 'STD', arrival: n(10 + i), departure: n(11 + i) });
    });
    // Then a booking for a mapped room, behind them in the partner's queue.
    const mapped = world.simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: n(5), departure: n(6) });
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    expect(files(world).map((f) => f.partnerReference)).toEqual([mapped]);
    // Every event stored once and acknowledged once: the held ones under a hold number, never a file's.
    expect(world.simulator.events().map((e) => e.ackCount)).toEqual(Array(61).fill(1));
    expect(world.simulator.events()[0]!.fileNumber).toMatch(/^PGN-H\d+$/);
    const held = world.db.prepare("SELECT count(*) FROM partner_events WHERE outcome = 'held' AND reservation_id IS NULL AND payload IS NOT NULL").pluck().get();
    expect(held).toBe(60);
    const alerts = world.service.call('alerts:list').filter((a) => a.kind === 'unmappedRoom');
    expect(alerts).toEqual([expect.objectContaining({ params: expect.objectContaining({ roomCode: 'CH-TOUR', number: unmapped[0] }) })]);
    // Read again: nothing comes back, nothing is applied twice.
    await world.loop.syncNow(world.connectionId);
    expect(world.simulator.events().map((e) => e.deliveredCount)).toEqual(Array(61).fill(1));

    const tour = world.service.call('units:create', { name: 'La Tour', capacity: 2, baseRateCents: 15000 });
    world.service.call('alma:saveMapping', {
      id: world.connectionId,
      rooms: [
        { unitId: world.rose, ...ROSE },
        { unitId: world.lilas, ...LILAS },
        { unitId: tour.id, roomCode: 'CH-TOUR', rateCode: 'STD' },
      ],
    });
    // In the mapping's own transaction: the files are there as soon as the call returns.
    const tourFiles = files(world).filter((f) => f.unitId === tour.id);
    expect(tourFiles.map((f) => f.partnerReference).sort()).toEqual([...unmapped].sort());
    expect(tourFiles.every((f) => f.status === 'confirmed' && f.sourceConnectionId === world.connectionId)).toBe(true);
    expect(world.db.prepare("SELECT count(*) FROM partner_events WHERE reservation_id IS NULL").pluck().get()).toBe(0);
    expect(world.db.prepare('SELECT count(*) FROM partner_events WHERE payload IS NOT NULL').pluck().get()).toBe(0);
    // The room is linked: its "link the room" alert no longer stands open.
    const linked = world.service.call('alerts:list').filter((a) => a.kind === 'unmappedRoom');
    expect(linked).toEqual([expect.objectContaining({ params: expect.objectContaining({ roomCode: 'CH-TOUR' }), dismissedAt: expect.any(String) })]);
    // Mapping again (or the next read) creates nothing more.
    world.service.call('alma:saveMapping', {
      id: world.connectionId,
      rooms: [
        { unitId: world.rose, ...ROSE },
        { unitId: world.lilas, ...LILAS },
        { unitId: tour.id, roomCode: 'CH-TOUR', rateCode: 'STD' },
      ],
    });
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    expect(files(world)).toHaveLength(61);
    expect(world.simulator.events().map((e) => e.ackCount)).toEqual(Array(61).fill(1));
  });

  it('Alma Heritage confirms a stay the owner refused meanwhile (error 87): the file is confirmed again, flagged, and the owner told', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const number = await bookedOnRequest(world, ROSE, n(20), n(22));
    const [pending] = files(world);
    expect(pending!.status).toBe('pending');
    // Meanwhile the owner sells the same nights by phone, and refuses the request...
    world.service.call('reservations:refuse', { id: pending!.id });
    const phone = world.service.call('reservations:create', { unitId: world.rose, arrival: n(20), departure: n(21), guests: 2, guestName: 'Paul Durand' }).reservation;
    // ...while Alma Heritage, on its side, had already confirmed it: the refusal is answered 87.
    confirmAtPartner(world, number);
    await world.advance(PUSH_DEBOUNCE_MS);
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    const file = files(world).find((f) => f.id === pending!.id)!;
    expect(file.status).toBe('confirmed');
    // Flagged as changed by the partner, and overbooked: the phone booking holds one of its nights.
    expect([...file.flags].sort()).toEqual(['changedByPartner', 'overbooked']);
    expect(listHistory(world.db, file.id).at(-1)).toMatchObject({
      action: 'confirmed',
      actor: { kind: 'sync', connectionId: world.connectionId },
      changes: { status: ['refused', 'confirmed'], changedByPartner: [false, true] },
    });
    const reopened = world.service.call('alerts:list').find((a) => a.kind === 'partnerReopened');
    expect(reopened).toMatchObject({ reservationIds: [file.id], params: { number, arrival: n(20), departure: n(22) } });
    // The nights it holds again were sold by phone meanwhile: the overbooking alert follows.
    const overbooking = world.service.call('alerts:list').find((a) => a.kind === 'overbooking');
    expect(overbooking).toMatchObject({ reservationIds: expect.arrayContaining([phone.id, file.id]) });
    expectPartnerInStep(world);
  });

  it('an Alma booking that oversells a night raises the overbooking alert, naming both files', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    // The owner takes a phone booking; Alma sells the same night before our push reaches it.
    const direct = world.service.call('reservations:create', { unitId: world.rose, arrival: n(12), departure: n(13), guests: 2, guestName: 'Paul Durand' }).reservation;
    const number = world.simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: n(12), departure: n(14) });
    await world.advance(PUSH_DEBOUNCE_MS);
    await world.advance(PULL_INTERVAL_MS);
    const alma = files(world).find((f) => f.partnerReference === number)!;
    const overbooking = world.service.call('alerts:list').find((a) => a.kind === 'overbooking');
    expect(overbooking).toMatchObject({ reservationIds: expect.arrayContaining([direct.id, alma.id]), params: { firstNight: n(12), lastNight: n(12) } });
    // Alma is told it has nothing left on those nights.
    expect([n(12), n(13)].map((night) => world.simulator.state.stockOf('CH-ROSE', night))).toEqual([0, 0]);
  });
});
