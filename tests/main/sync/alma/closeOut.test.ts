/**
 * What Alma Heritage (the partner simulator) is left selling when the owner's set-up changes,
 * and how one bad mapping is contained:
 * - one room mapped to a rate code Alma refuses (error 249): the other room's changes still go
 *   out, bookings are still read, and the bad room's error is shown;
 * - a room removed from the mapping, or given another code: the old code is closed (stock 0
 *   over the horizon), even after a spell offline;
 * - the channel removed: every code it sold is closed, the bookings made before are read, and
 *   only then is the password deleted.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/nights';
import { almaPasswordSecret } from '../../../../main/channels/alma/credentials';
import { apiSyncSummary } from '../../../../main/db/apiSyncState';
import { PULL_INTERVAL_MS, PUSH_DEBOUNCE_MS } from '../../../../main/sync/alma/apiLoop';
import { HORIZON_NIGHTS } from '../../../../main/sync/alma/horizon';
import { expectPartnerInStep, LILAS, openAlmaWorld, ROSE, type AlmaWorld, runFor } from './almaWorld';

const MINUTE = 60_000;
const ROOMS = { 'CH-ROSE': ['STD'], 'CH-LILAS': ['STD'], 'CH-TOUR': ['STD'] };

function almaStatus(world: AlmaWorld) {
  return world.loop.status().connections.find((c) => c.connectionId === world.connectionId)!;
}

/** Alma's stock for a room code on the first, a middle and the last night of the horizon. */
function stockAcross(world: AlmaWorld, roomCode: string): (number | undefined)[] {
  const today = world.today();
  return [today, addDays(today, 180), addDays(today, HORIZON_NIGHTS - 1)].map((night) => world.simulator.state.stockOf(roomCode, night));
}


const saveMapping = (world: AlmaWorld, rooms: { unitId: number; roomCode: string; rateCode: string }[]) =>
  world.service.call('alma:saveMapping', { id: world.connectionId, rooms });

describe('one bad mapping', () => {
  it('does not hold the other room back: its changes go out, bookings are read, the bad room’s error is shown', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    // Le Lilas mapped to a rate plan Alma Heritage does not sell: its restrictions and rates are refused (249).
    saveMapping(world, [
      { unitId: world.rose, ...ROSE },
      { unitId: world.lilas, roomCode: LILAS.roomCode, rateCode: 'PROMO' },
    ]);
    await world.settle();
    world.service.call('overrides:set', { unitIds: [world.rose, world.lilas], firstNight: n(8), lastNight: n(9), changes: { rateCents: 13_300 } });
    const booked = world.simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: n(40), departure: n(42) });
    await world.advance(PUSH_DEBOUNCE_MS);
    await world.loop.syncNow(world.connectionId);
    await world.settle();

    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(8))).toBe(13_300);
    // Le Lilas's stock still goes out (stock has no rate plan); its rates do not.
    expect(world.simulator.requests().some((r) => r.message === 'OTA_HotelRateAmountNotifRQ' && r.errorCodes.includes(249))).toBe(true);
    expect(world.service.call('reservations:list', {}).items.map((f) => f.partnerReference)).toEqual([booked]);
    expect(almaStatus(world)).toMatchObject({ state: 'failing', lastError: { key: 'alma.errors.partner', params: expect.objectContaining({ code: '249' }) } });
    expect(world.service.call('alerts:list').find((a) => a.kind === 'partnerError')).toMatchObject({ params: expect.objectContaining({ code: '249' }) });
    // Only Le Lilas's rows wait (with their own backoff); La Rose's are gone.
    const waiting = world.db.prepare('SELECT DISTINCT unit_id FROM outbox WHERE connection_id = ?').pluck().all(world.connectionId);
    expect(waiting).toEqual([world.lilas]);

    // La Rose's next change goes out within the debounce while Le Lilas backs off.
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: n(10), lastNight: n(10), changes: { rateCents: 14_400 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(10))).toBe(14_400);

    // The owner corrects the code: everything goes out and the status is clear again.
    saveMapping(world, [
      { unitId: world.rose, ...ROSE },
      { unitId: world.lilas, ...LILAS },
    ]);
    await world.settle();
    expectPartnerInStep(world);
    expect(almaStatus(world)).toMatchObject({ state: 'ok', lastError: null });
    expect(apiSyncSummary(world.db, world.connectionId)).toMatchObject({ waiting: 0, lastError: null });
  });
});

describe('close-outs', () => {
  it('a room removed from the mapping, or given another code, is closed at Alma Heritage over the horizon, even after a spell offline', async () => {
    const world = await openAlmaWorld({ rooms: ROOMS });
    expect(stockAcross(world, 'CH-LILAS')).toEqual([2, 2, 2]);
    expect(stockAcross(world, 'CH-ROSE')).toEqual([1, 1, 1]);
    await world.simulator.setOffline(true);
    // Le Lilas is now sold as CH-TOUR; La Rose is no longer sold on Alma at all.
    saveMapping(world, [{ unitId: world.lilas, roomCode: 'CH-TOUR', rateCode: 'STD' }]);
    await runFor(world, 20 * MINUTE);
    expect(stockAcross(world, 'CH-LILAS')).toEqual([2, 2, 2]);
    const closeOuts = world.db.prepare("SELECT json_extract(payload, '$.closeOut') FROM outbox WHERE json_extract(payload, '$.closeOut') IS NOT NULL ORDER BY 1").pluck().all();
    expect(closeOuts).toEqual(['CH-LILAS', 'CH-ROSE']);

    await world.simulator.setOffline(false);
    await runFor(world, 65 * MINUTE);
    await world.settle();
    expect(stockAcross(world, 'CH-LILAS')).toEqual([0, 0, 0]);
    expect(stockAcross(world, 'CH-ROSE')).toEqual([0, 0, 0]);
    expect(stockAcross(world, 'CH-TOUR')).toEqual([2, 2, 2]);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(0);
    // Alma cannot sell the old codes any more.
    expect(world.simulator.tryBook({ room: 'CH-LILAS', rate: 'STD', arrival: addDays(world.today(), 5), departure: addDays(world.today(), 7) })).toMatchObject({ ok: false });
  });

  it('a code mapped again before its close-out went out is sold again, not closed', async () => {
    const world = await openAlmaWorld();
    await world.simulator.setOffline(true);
    saveMapping(world, [{ unitId: world.rose, ...ROSE }]);
    saveMapping(world, [
      { unitId: world.rose, ...ROSE },
      { unitId: world.lilas, ...LILAS },
    ]);
    await world.simulator.setOffline(false);
    await world.loop.syncNow(world.connectionId);
    await world.settle();
    expect(stockAcross(world, 'CH-LILAS')).toEqual([2, 2, 2]);
    expectPartnerInStep(world);
  });

  it('removing the channel closes every room it sold, reads the bookings made before, and only then forgets the password', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    // A guest books just before the owner removes the channel; we have not read it yet.
    const booked = world.simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: n(12), departure: n(14) });
    await world.simulator.setOffline(true);
    world.service.call('connections:remove', { id: world.connectionId });
    await runFor(world, 10 * MINUTE);
    // Offline: nothing went out yet, so the password is still there to send the close-outs with.
    expect(world.service.secrets.get(almaPasswordSecret(world.connectionId))).not.toBeNull();
    expect(stockAcross(world, 'CH-ROSE')).toEqual([1, 1, 1]);

    await world.simulator.setOffline(false);
    await runFor(world, 65 * MINUTE);
    await world.settle();
    expect(stockAcross(world, 'CH-ROSE')).toEqual([0, 0, 0]);
    expect(stockAcross(world, 'CH-LILAS')).toEqual([0, 0, 0]);
    // The last read brought the booking in, acknowledged.
    expect(world.service.call('reservations:list', {}).items).toEqual([expect.objectContaining({ partnerReference: booked, status: 'confirmed' })]);
    expect(world.simulator.events()[0]).toMatchObject({ number: booked, ackCount: 1 });
    expect(world.service.secrets.get(almaPasswordSecret(world.connectionId))).toBeNull();
    expect(world.db.prepare('SELECT count(*) FROM outbox WHERE connection_id = ?').pluck().get(world.connectionId)).toBe(0);
    // Done: the loop leaves the partner alone from now on.
    const sent = world.simulator.requests().length;
    await runFor(world, 3 * PULL_INTERVAL_MS);
    expect(world.simulator.requests().length).toBe(sent);
  });
});
