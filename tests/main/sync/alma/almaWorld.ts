/**
 * The Alma Heritage engine's test world: a real service on a real SQLite file, an active Alma
 * Heritage connection (settings, password in the secret store, two rooms mapped) pointing at
 * the partner simulator on 127.0.0.1, and the sync loop on a hand-moved clock. Nothing sleeps:
 * `settle` moves the clock through the loop's short timers (debounce, due rows) and awaits the
 * real HTTP exchanges they start.
 */
import { afterEach, expect } from 'vitest';
import type { ApiEventMessage } from '../../../../shared/api';
import { nightAt, nightsFromTo, type Night } from '../../../../shared/nights';
import { almaPasswordSecret, writeAlmaSettings } from '../../../../main/channels/alma/credentials';
import { replaceRoomMappings } from '../../../../main/db/apiConnections';
import { insertConnection } from '../../../../main/db/channels';
import type { Db } from '../../../../main/db/connection';
import { createService, type Service } from '../../../../main/service';
import { availability } from '../../../../main/schedule/schedule';
import { PUSH_DEBOUNCE_MS } from '../../../../main/sync/alma/apiLoop';
import { horizonOf } from '../../../../main/sync/alma/horizon';
import { createSyncLoop, type SyncLoop } from '../../../../main/sync/syncLoop';
import { FakeClock } from '../../../helpers/fakeClock';
import { useTempDirs } from '../../../helpers/tempDir';
import { DEMO_PROPERTY, startAlmaSimulator, type AlmaSimulator, type InventorySnapshot } from '../../../partners/alma/server';

export const ROSE = { roomCode: 'CH-ROSE', rateCode: 'STD' };
export const LILAS = { roomCode: 'CH-LILAS', rateCode: 'STD' };

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface AlmaRooms {
  connectionId: number;
  rose: number;
  lilas: number;
}

/**
 * Two rooms (La Rose, stock 1, 95 €; Le Lilas, stock 2, 120 €, minimum 2 nights) and an active
 * Alma Heritage connection mapping them, with its password saved. Used in-process and by the
 * child processes of the crash tests.
 */
export function setUpAlma(service: Service, serviceUrl: string, now: Date): AlmaRooms {
  const rose = service.call('units:create', { name: 'La Rose', capacity: 2, baseRateCents: 9500, stock: 1 });
  const lilas = service.call('units:create', { name: 'Le Lilas', capacity: 4, baseRateCents: 12000, stock: 2, minStay: 2 });
  const connection = insertConnection(
    service.db,
    { channel: 'alma_heritage', name: 'Alma Heritage', kind: 'api', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
    now,
  );
  writeAlmaSettings(
    service.db,
    connection.id,
    {
      requestedAt: now.toISOString(),
      expectedBy: nightAt(now, 'Europe/Paris'),
      serviceUrl,
      propertyCode: DEMO_PROPERTY.hotelCode,
      userName: DEMO_PROPERTY.userName,
      contractConfirmedAt: now.toISOString(),
      activatedAt: now.toISOString(),
    },
    now,
  );
  service.secrets.set(almaPasswordSecret(connection.id), DEMO_PROPERTY.password);
  replaceRoomMappings(service.db, connection.id, [
    { unitId: rose.id, ...ROSE },
    { unitId: lilas.id, ...LILAS },
  ]);
  return { connectionId: connection.id, rose: rose.id, lilas: lilas.id };
}

export interface AlmaWorld extends AlmaRooms {
  service: Service;
  db: Db;
  dataDir: string;
  clock: FakeClock;
  simulator: AlmaSimulator;
  loop: SyncLoop;
  events: ApiEventMessage[];
  today(): Night;
  /** Moves the clock through the loop's short timers and awaits every exchange they start. */
  settle(): Promise<void>;
  /** Moves the clock by `ms`, then settles. */
  advance(ms: number): Promise<void>;
  /** What Alma Heritage should hold for the horizon, from our schedule, in the simulator's shape. */
  expectedInventory(first?: Night, last?: Night): InventorySnapshot;
  /** What it holds, for our mapped room types and rate plans only. */
  partnerInventory(first?: Night, last?: Night): InventorySnapshot;
}

export interface WorldOptions {
  start?: string;
  /** Do not start the loop (a test that drives rounds itself). */
  noLoop?: boolean;
  /** The partner's room types and rate plans, when not the demo property's. */
  rooms?: Record<string, string[]>;
}

export async function openAlmaWorld(options: WorldOptions = {}): Promise<AlmaWorld> {
  const clock = new FakeClock(options.start ?? '2026-07-01T08:00:00.000Z');
  const today = () => nightAt(clock.now(), 'Europe/Paris');
  const simulator = await startAlmaSimulator({ today: today(), now: () => clock.now(), ...(options.rooms ? { rooms: options.rooms } : {}) });
  const dataDir = tempDir();
  // No keyring on a test machine: the password is only obfuscated, which the service would say at every test.
  const service = createService({ dataDir, now: () => clock.now(), warn: () => undefined });
  const events: ApiEventMessage[] = [];
  service.subscribe((m) => events.push(m));
  const rooms = setUpAlma(service, simulator.url, clock.now());
  const loop = createSyncLoop(service, { clock, random: () => 0.5, alma: { timeoutMs: 2000 } });
  cleanups.push(async () => {
    await loop.close();
    service.close();
    await simulator.close();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      await loop.idle();
      const next = clock.pendingDelays()[0];
      if (next === undefined || next > PUSH_DEBOUNCE_MS) return;
      clock.advance(next);
    }
    throw new Error('the loop never settled');
  }

  const mapped = [
    { unitId: rooms.rose, ...ROSE },
    { unitId: rooms.lilas, ...LILAS },
  ];
  const horizon = () => horizonOf(today());

  const world: AlmaWorld = {
    ...rooms,
    service,
    db: service.db,
    dataDir,
    clock,
    simulator,
    loop,
    events,
    today,
    settle,
    async advance(ms) {
      clock.advance(ms);
      await settle();
    },
    expectedInventory: (first = horizon().first, last = horizon().last) => scheduleInventory(service.db, mapped, first, last),
    partnerInventory: (first = horizon().first, last = horizon().last) => partnerInventoryOf(simulator, mapped, first, last),
  };
  if (!options.noLoop) {
    loop.start();
    await settle();
  }
  return world;
}

export interface MappedRoom {
  unitId: number;
  roomCode: string;
  rateCode: string;
}

/** What Alma Heritage should hold for these rooms and nights, from our schedule, in the simulator's shape. */
export function scheduleInventory(db: Db, rooms: readonly MappedRoom[], first: Night, last: Night): InventorySnapshot {
  const snapshot: InventorySnapshot = {};
  for (const room of rooms) {
    const nights = availability({ db, now: () => new Date(), emit: () => undefined }, [room.unitId], first, last)[0]!.nights;
    snapshot[room.roomCode] = Object.fromEntries(
      nights.map((n) => [
        n.night,
        {
          bookingLimit: n.closed ? 0 : Math.max(0, n.free),
          plans: {
            [room.rateCode]: {
              minStay: n.minStay,
              closed: n.closed,
              closedToArrival: n.closedToArrival,
              closedToDeparture: n.closedToDeparture,
              amountCents: n.rateCents,
            },
          },
        },
      ]),
    );
  }
  return snapshot;
}

/** What the simulator holds, for these rooms' room types and rate plans only. */
export function partnerInventoryOf(simulator: AlmaSimulator, rooms: readonly MappedRoom[], first: Night, last: Night): InventorySnapshot {
  const all = simulator.state.inventorySnapshot(first, last);
  const snapshot: InventorySnapshot = {};
  for (const room of rooms) {
    snapshot[room.roomCode] = Object.fromEntries(
      nightsFromTo(first, last).map((night) => {
        const held = all[room.roomCode]![night]!;
        return [night, { bookingLimit: held.bookingLimit, plans: { [room.rateCode]: held.plans[room.rateCode]! } }];
      }),
    );
  }
  return snapshot;
}

/** Each night where the two differ, in words. */
export function inventoryDifferences(expected: InventorySnapshot, actual: InventorySnapshot): string[] {
  const differences: string[] = [];
  for (const room of Object.keys(expected)) {
    for (const night of Object.keys(expected[room]!)) {
      const want = JSON.stringify(expected[room]![night]);
      const got = JSON.stringify(actual[room]?.[night]);
      if (want !== got) differences.push(`${room} ${night}: partner ${got}, ours ${want}`);
    }
  }
  return differences;
}

/** The partner holds exactly what our schedule says, for every mapped room, rate plan and night of the horizon. */
export function expectPartnerInStep(world: AlmaWorld, first?: Night, last?: Night): void {
  const differences = inventoryDifferences(world.expectedInventory(first, last), world.partnerInventory(first, last));
  // A readable failure: the first nights that differ, not a 730-night diff.
  expect(differences.slice(0, 5), `${differences.length} nights differ`).toEqual([]);
}

/** The requests the simulator received, by message name. */
export function requestCounts(simulator: AlmaSimulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of simulator.requests()) if (r.message) counts[r.message] = (counts[r.message] ?? 0) + 1;
  return counts;
}

/** Runs the loop's timers for `ms`, one at a time, awaiting what each starts. */
export async function runFor(world: AlmaWorld, ms: number): Promise<void> {
  const end = world.clock.now().getTime() + ms;
  for (;;) {
    const [next] = world.clock.pendingDelays();
    if (next === undefined || world.clock.now().getTime() + next > end) break;
    world.clock.advance(next);
    await world.loop.idle();
  }
  world.clock.advance(end - world.clock.now().getTime());
  await world.loop.idle();
}
