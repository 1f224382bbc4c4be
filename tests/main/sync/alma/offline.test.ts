/**
 * Hours offline, then back: the owner edits rates, stock and restrictions, a booking comes in
 * from another channel (iCal) and guests book on Alma Heritage's site, all while the laptop
 * cannot reach Alma Heritage. Nothing is lost and nothing is doubled: once back online the
 * partner holds exactly what our schedule says for every mapped room and night of the horizon,
 * each Alma booking is one file, acknowledged once, and the loop stopped hammering the partner
 * while it was away (backoff).
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/nights';
import { apiSyncSummary } from '../../../../main/db/apiSyncState';
import { insertConnection, insertFeed } from '../../../../main/db/channels';
import { PUSH_DEBOUNCE_MS } from '../../../../main/sync/alma/apiLoop';
import { calendar } from '../../../helpers/feedImport';
import { ics, startPartner } from '../../../helpers/partnerServer';
import { expectPartnerInStep, LILAS, openAlmaWorld, ROSE, runFor } from './almaWorld';

const MINUTE = 60_000;


describe('offline, then back online', () => {
  it('loses and doubles nothing: the partner ends equal to our schedule, each booking once', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const airbnb = await startPartner();
    const airbnbConnection = insertConnection(
      world.db,
      { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
      world.clock.now(),
    );
    insertFeed(world.db, { connectionId: airbnbConnection.id, unitId: world.lilas, importUrl: airbnb.url(), importEnabled: true, exportEnabled: false, exportToken: null });
    airbnb.serve(ics(calendar([['stay-0@airbnb.com', n(90), n(92)]])));
    await world.loop.syncNow();
    await world.settle();
    expectPartnerInStep(world);
    const online = world.simulator.requests().length;

    await world.simulator.setOffline(true);
    // Guests book on Alma's own site meanwhile (its site is up; only our link is down).
    const booked = [
      world.simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: n(14), departure: n(16), amountCents: 19_000 }),
      world.simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: n(40), departure: n(43), amountCents: 36_000, onRequest: true }),
    ];
    const cancelled = world.simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: n(50), departure: n(52) });
    world.simulator.cancel(cancelled);

    // The owner works as usual, over a day.
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: n(1), lastNight: n(30), changes: { rateCents: 11_000 } });
    await runFor(world, 20 * MINUTE);
    world.service.call('overrides:set', { unitIds: [world.lilas], firstNight: n(10), lastNight: n(12), changes: { closed: true } });
    world.service.call('units:update', { id: world.lilas, changes: { minStay: 3 } });
    await runFor(world, 40 * MINUTE);
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: n(20), lastNight: n(21), changes: { rateCents: null, minStay: 4 } });
    world.service.call('reservations:create', { unitId: world.rose, arrival: n(3), departure: n(5), guests: 2, guestName: 'Paul Durand' });
    // A booking from another channel, imported while Alma is out of reach.
    airbnb.serve(ics(calendar([['stay-0@airbnb.com', n(90), n(92)], ['stay-1@airbnb.com', n(60), n(64)]])));
    await world.loop.syncNow(airbnbConnection.id);
    // A working day away from any network.
    await runFor(world, 7 * 60 * MINUTE);

    // Nothing reached the partner; the changes wait, and the loop backed off instead of hammering.
    expect(world.simulator.requests().length).toBe(online);
    const summary = apiSyncSummary(world.db, world.connectionId);
    expect(summary.waiting).toBeGreaterThan(0);
    expect(summary.failingSince).not.toBeNull();
    expect(summary.lastError?.key).toMatch(/^alma\.errors\./);
    const status = world.loop.status().connections.find((c) => c.connectionId === world.connectionId)!;
    expect(status).toMatchObject({ state: 'failing', lastError: expect.objectContaining({ key: expect.stringMatching(/^alma\.errors\./) }) });
    // Over 8 hours, backoff up to an hour: about a dozen attempts, not one every 30 seconds.
    const attempts = world.db.prepare('SELECT failures FROM api_sync_state WHERE connection_id = ?').pluck().get(world.connectionId) as number;
    expect(attempts).toBeGreaterThanOrEqual(8);
    expect(attempts).toBeLessThanOrEqual(15);
    expect(world.service.call('alerts:list').map((a) => a.kind)).toContain('partnerUnreachable');

    await world.simulator.setOffline(false);
    // The next retry (at most an hour away) finds the partner again.
    await runFor(world, 65 * MINUTE);
    await world.settle();

    expectPartnerInStep(world);
    const almaFiles = world.service.call('reservations:list', { source: world.connectionId }).items;
    expect(almaFiles.map((f) => [f.partnerReference, f.status]).sort()).toEqual(
      [
        [booked[0], 'confirmed'],
        [booked[1], 'pending'],
        [cancelled, 'cancelled'],
      ].sort(),
    );
    expect(world.simulator.events().map((e) => [e.number, e.resStatus, e.ackCount])).toEqual([
      [booked[0], 'Book', 1],
      [booked[1], 'Request', 1],
      [cancelled, 'Book', 1],
      [cancelled, 'Cancel', 1],
    ]);
    expect(world.simulator.events().every((e) => e.deliveredCount === 1)).toBe(true);
    expect(apiSyncSummary(world.db, world.connectionId)).toMatchObject({ waiting: 0, unacknowledged: 0, failingSince: null, lastError: null });
    expect(world.loop.status().connections.find((c) => c.connectionId === world.connectionId)!.state).toBe('ok');
  });

  it('when the network returns (wake), the queued changes go at once instead of waiting for the backoff', async () => {
    const world = await openAlmaWorld();
    await world.simulator.setOffline(true);
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: world.today(), lastNight: addDays(world.today(), 2), changes: { rateCents: 7000 } });
    await runFor(world, 30 * MINUTE);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(1);
    await world.simulator.setOffline(false);
    world.loop.wake();
    await world.settle();
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', world.today())).toBe(7000);
    expectPartnerInStep(world);
    // And a change right after goes within the debounce, as before.
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: world.today(), lastNight: world.today(), changes: { rateCents: 7100 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', world.today())).toBe(7100);
  });
});
