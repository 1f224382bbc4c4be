/**
 * Stock, restrictions and rates reach Alma Heritage (the partner simulator on 127.0.0.1) after
 * the owner's edits and after a booking taken on another channel, within the debounce, as
 * full-state runs for the nights that changed; the whole horizon goes out at the start; each
 * new day's night is queued; a paused connection stops selling (stock 0) but keeps reading
 * its bookings, and resuming resends everything; a full resend is one call.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/nights';
import { insertConnection, insertFeed } from '../../../../main/db/channels';
import { enqueueFullResend } from '../../../../main/db/outbox';
import { apiSyncSummary } from '../../../../main/db/apiSyncState';
import { CHECK_INTERVAL_MS, PUSH_DEBOUNCE_MS } from '../../../../main/sync/alma/apiLoop';
import { HORIZON_NIGHTS } from '../../../../main/sync/alma/horizon';
import { calendar } from '../../../helpers/feedImport';
import { ics, startPartner } from '../../../helpers/partnerServer';
import { expectPartnerInStep, openAlmaWorld, requestCounts } from './almaWorld';

const DAY_MS = 86_400_000;

describe('pushing to Alma Heritage', () => {
  it('sends the whole horizon at the start, in runs, and nothing more while nothing changes', async () => {
    const world = await openAlmaWorld();
    expectPartnerInStep(world);
    // A year of unchanged values is one run per room for each kind, one request per room and kind: 6, not 365 × 2.
    expect(requestCounts(world.simulator)).toMatchObject({ OTA_HotelAvailNotifRQ: 4, OTA_HotelRateAmountNotifRQ: 2, OTA_ReadRQ: 1 });
    const today = world.today();
    expect(world.simulator.state.stockOf('CH-ROSE', addDays(today, -1))).toBeUndefined();
    expect(world.simulator.state.stockOf('CH-ROSE', addDays(today, HORIZON_NIGHTS - 1))).toBe(1);
    expect(world.simulator.state.stockOf('CH-ROSE', addDays(today, HORIZON_NIGHTS))).toBeUndefined();
    expect(apiSyncSummary(world.db, world.connectionId)).toMatchObject({ waiting: 0, lastError: null, failingSince: null });
    const before = world.simulator.requests().length;
    await world.advance(CHECK_INTERVAL_MS);
    expect(world.simulator.requests().length).toBe(before);
  });

  it('pushes the owner’s edits within the debounce: rates, stock, closings, restrictions, a room’s defaults', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const pushes = () => world.simulator.requests().filter((r) => r.message !== 'OTA_ReadRQ').length;
    const before = pushes();

    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: n(10), lastNight: n(12), changes: { rateCents: 14000 } });
    world.service.call('overrides:set', { unitIds: [world.lilas], firstNight: n(11), lastNight: n(11), changes: { stock: 1, closedToArrival: true } });
    world.service.call('overrides:set', { unitIds: [world.lilas], firstNight: n(20), lastNight: n(21), changes: { closed: true } });
    // Nothing before the debounce: a burst of edits is one push.
    world.clock.advance(PUSH_DEBOUNCE_MS - 1);
    await world.loop.idle();
    expect(pushes()).toBe(before);
    await world.advance(1);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(11))).toBe(14000);
    expect(world.simulator.state.stockOf('CH-LILAS', n(11))).toBe(1);
    expect(world.simulator.state.restrictionsOf('CH-LILAS', 'STD', n(11))).toEqual({ minStay: 2, closed: false, closedToArrival: true, closedToDeparture: false });
    expect(world.simulator.state.stockOf('CH-LILAS', n(20))).toBe(0);
    expect(world.simulator.state.restrictionsOf('CH-LILAS', 'STD', n(21))!.closed).toBe(true);
    // One request per kind, carrying only the changed nights.
    expect(pushes() - before).toBe(3);
    const stockRequest = world.simulator.requests().filter((r) => r.message === 'OTA_HotelAvailNotifRQ').at(-2)!.body;
    expect(stockRequest).toContain(`Start="${n(11)}" End="${n(11)}"`);
    expect(stockRequest).not.toContain(`Start="${n(0)}"`);
    expectPartnerInStep(world);

    // A room's default changes every night of the horizon.
    world.service.call('units:update', { id: world.rose, changes: { baseRateCents: 9900, minStay: 3 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(300))).toBe(9900);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(11))).toBe(14000);
    expect(world.simulator.state.restrictionsOf('CH-ROSE', 'STD', n(364))!.minStay).toBe(3);
    expectPartnerInStep(world);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(0);
  });

  it('pushes the stock a direct booking or a booking from another channel takes, and frees it on cancellation', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const airbnb = await startPartner();
    const connection = insertConnection(
      world.db,
      { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
      world.clock.now(),
    );
    insertFeed(world.db, { connectionId: connection.id, unitId: world.lilas, importUrl: airbnb.url(), importEnabled: true, exportEnabled: false, exportToken: null });
    const later: [string, string, string][] = [
      ['stay-2@airbnb.com', n(50), n(52)],
      ['stay-3@airbnb.com', n(60), n(62)],
    ];
    airbnb.serve(ics(calendar([['stay-1@airbnb.com', n(30), n(33)], ...later])));
    await world.loop.syncNow(connection.id);
    await world.settle();
    expect(world.service.call('reservations:list', {}).items.map((r) => [r.unitId, r.arrival])).toEqual([
      [world.lilas, n(30)],
      [world.lilas, n(50)],
      [world.lilas, n(60)],
    ]);
    expect([n(29), n(30), n(32), n(33)].map((night) => world.simulator.state.stockOf('CH-LILAS', night))).toEqual([2, 1, 1, 2]);

    const direct = world.service.call('reservations:create', { unitId: world.rose, arrival: n(5), departure: n(7), guests: 2, guestName: 'Camille Martin' }).reservation;
    await world.advance(PUSH_DEBOUNCE_MS);
    expect([n(5), n(6), n(7)].map((night) => world.simulator.state.stockOf('CH-ROSE', night))).toEqual([0, 0, 1]);

    world.service.call('reservations:cancel', { id: direct.id });
    // Airbnb drops the first stay (one of three: a cancellation, not a suspicious read).
    airbnb.serve(ics(calendar(later)));
    await world.loop.syncNow(connection.id);
    await world.advance(PUSH_DEBOUNCE_MS);
    expect([n(5), n(6)].map((night) => world.simulator.state.stockOf('CH-ROSE', night))).toEqual([1, 1]);
    expect(world.simulator.state.stockOf('CH-LILAS', n(30))).toBe(2);
    expectPartnerInStep(world);
  });

  it('queues each new day’s night as the horizon moves, and never sends a past night', async () => {
    const world = await openAlmaWorld();
    const first = world.today();
    for (let day = 1; day <= 3; day++) await world.advance(DAY_MS);
    expect(world.today()).toBe(addDays(first, 3));
    world.simulator.state.today = world.today();
    const last = addDays(world.today(), HORIZON_NIGHTS - 1);
    expect(world.simulator.state.stockOf('CH-ROSE', last)).toBe(1);
    expect(world.simulator.state.rateOf('CH-LILAS', 'STD', last)).toBe(12000);
    // An edit reaching back before today sends only from today.
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: first, lastNight: addDays(first, 4), changes: { rateCents: 5000 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    const refused = world.simulator.requests().filter((r) => r.outcome !== 'ok');
    expect(refused).toEqual([]);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', addDays(first, 2))).toBe(9500);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', addDays(first, 3))).toBe(5000);
    expectPartnerInStep(world);
  });

  it('pausing stops selling on Alma Heritage (stock 0 over the horizon) but keeps reading bookings; resuming resends everything', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    const horizonLast = addDays(world.today(), HORIZON_NIGHTS - 1);
    // A guest booked just before the pause: the booking must still come in.
    const booked = world.simulator.book({ room: 'CH-LILAS', rate: 'STD', arrival: n(30), departure: n(32) });
    world.service.call('connections:update', { id: world.connectionId, status: 'paused' });
    await world.settle();
    for (const room of ['CH-ROSE', 'CH-LILAS']) {
      for (const night of [world.today(), n(100), horizonLast]) expect(world.simulator.state.stockOf(room, night), `${room} ${night}`).toBe(0);
    }
    // Rates and restrictions are not sent while paused; they wait in the outbox.
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: n(3), lastNight: n(3), changes: { rateCents: 15_000, minStay: 3 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(3))).toBe(9500);
    expect(world.simulator.state.restrictionsOf('CH-ROSE', 'STD', n(3))!.minStay).toBe(1);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(2);
    expect(world.loop.status().connections).toEqual([expect.objectContaining({ connectionId: world.connectionId, state: 'paused' })]);
    // Still reading: the booking is a file, acknowledged; and the stock it took goes out as 0 still.
    await world.advance(2 * 60_000);
    expect(world.service.call('reservations:list', {}).items.map((f) => f.partnerReference)).toEqual([booked]);
    expect(world.simulator.events()[0]).toMatchObject({ number: booked, ackCount: 1 });
    expect(world.simulator.state.stockOf('CH-LILAS', n(30))).toBe(0);
    // Nothing keeps the loop busy while paused: a quiet half-minute sends nothing.
    const quiet = world.simulator.requests().filter((r) => r.message !== 'OTA_ReadRQ').length;
    await world.advance(CHECK_INTERVAL_MS);
    expect(world.simulator.requests().filter((r) => r.message !== 'OTA_ReadRQ').length).toBe(quiet);

    world.service.call('connections:update', { id: world.connectionId, status: 'active' });
    await world.settle();
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(3))).toBe(15_000);
    expect(world.simulator.state.stockOf('CH-ROSE', n(100))).toBe(1);
    expect(world.simulator.state.stockOf('CH-LILAS', n(30))).toBe(1);
    expectPartnerInStep(world);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(0);
  });

  it('the whole loop paused (the owner’s pause) sends nothing; resume sends at once', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    world.loop.pause();
    const before = world.simulator.requests().length;
    world.service.call('overrides:set', { unitIds: [world.lilas], firstNight: n(3), lastNight: n(3), changes: { rateCents: 1 } });
    await world.advance(10 * 60_000);
    expect(world.simulator.requests().length).toBe(before);
    world.loop.resume();
    await world.settle();
    expect(world.simulator.state.rateOf('CH-LILAS', 'STD', n(3))).toBe(1);
  });

  it('a full resend sends every night of every mapped room again, and repairs a partner that lost them', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    // Alma Heritage lost some of what it held (a restore on their side).
    world.simulator.state.setStock('CH-ROSE', n(40), 7);
    world.simulator.state.setRate('CH-LILAS', 'STD', n(41), 1);
    enqueueFullResend(world.db, world.connectionId);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(6);
    await world.advance(CHECK_INTERVAL_MS);
    expectPartnerInStep(world);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBe(0);
  });
});
