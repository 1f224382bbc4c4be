/**
 * Issue 10: SIGKILL during an outbox push. A child process (the app) pushes the owner's changes
 * to Alma Heritage (the partner simulator on 127.0.0.1), which holds one request without
 * answering; the child is killed while it waits. The owner goes on editing; a fresh process on
 * the same data folder pushes again. After each kill: no file lost, none half-changed, the
 * outbox still holding what was not confirmed sent, integrity_check ok; after the next push the
 * partner holds exactly what our schedule says for every mapped room and night of the horizon.
 */
import { describe, expect, it } from 'vitest';
import { addDays, nightAt } from '../../shared/nights';
import { createService, type Service } from '../../main/service';
import { horizonOf } from '../../main/sync/alma/horizon';
import { heldRequest } from '../helpers/almaHeld';
import { useTempDirs } from '../helpers/tempDir';
import { startAlmaSimulator, type AlmaSimulator, type Failure, type MessageName } from '../partners/alma/server';
import { inventoryDifferences, LILAS, partnerInventoryOf, ROSE, scheduleInventory, setUpAlma, type MappedRoom } from '../main/sync/alma/almaWorld';
import { databaseHealth, spawnRound } from '../main/sync/alma/child/spawnRound';

const tempDir = useTempDirs();

/** Every file with every column: equal before and after a kill means none was lost or half-changed. */
function filesOf(service: Service): unknown[] {
  return service.db.prepare('SELECT * FROM reservations ORDER BY id').all();
}

function withService<T>(dataDir: string, run: (service: Service) => T): T {
  const service = createService({ dataDir, warn: () => undefined });
  try {
    return run(service);
  } finally {
    service.close();
  }
}

interface KillCase {
  name: string;
  message: MessageName;
  failure: Failure;
}

const CASES: KillCase[] = [
  { name: 'the stock push held (nothing of this push reached the partner)', message: 'OTA_HotelAvailNotifRQ', failure: { kind: 'timeout' } },
  { name: 'the rates push held (stock and restrictions already confirmed)', message: 'OTA_HotelRateAmountNotifRQ', failure: { kind: 'timeout' } },
  { name: 'the stock applied by the partner but its answer lost', message: 'OTA_HotelAvailNotifRQ', failure: { kind: 'timeout', applied: true } },
];

describe('SIGKILL during an outbox push', () => {
  it(`loses nothing, half-changes nothing, and the next push brings the partner in step (${CASES.length} kills)`, async () => {
    const seen: { message: string | null }[] = [];
    const simulator: AlmaSimulator = await startAlmaSimulator({ onRequest: (entry) => seen.push(entry) });
    try {
      const dataDir = tempDir();
      const { connectionId, rose, lilas } = withService(dataDir, (service) => setUpAlma(service, simulator.url, new Date()));
      const rooms: MappedRoom[] = [
        { unitId: rose, ...ROSE },
        { unitId: lilas, ...LILAS },
      ];
      const first = await spawnRound(dataDir, connectionId, 'push').done;
      expect(first.code, first.stderr).toBe(0);
      const n = (days: number) => addDays(nightAt(new Date(), 'Europe/Paris'), days);

      for (const [index, kill] of CASES.entries()) {
        // The owner's changes of the day: every kind, on both rooms, and a booking.
        const before = withService(dataDir, (service) => {
          service.call('overrides:set', { unitIds: [rose], firstNight: n(5 + index), lastNight: n(40 + index), changes: { rateCents: 10_000 + index } });
          service.call('overrides:set', { unitIds: [lilas], firstNight: n(10), lastNight: n(12 + index), changes: { closedToArrival: index % 2 === 0, minStay: 2 + index } });
          service.call('overrides:set', { unitIds: [lilas], firstNight: n(60 + index), lastNight: n(60 + index), changes: { stock: index } });
          service.call('reservations:create', { unitId: rose, arrival: n(100 + 3 * index), departure: n(102 + 3 * index), guests: 2, guestName: `Client ${index}` });
          return { files: filesOf(service), waiting: service.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number };
        });
        expect(before.waiting).toBeGreaterThan(0);

        simulator.failNext(1, kill.failure, kill.message);
        const child = spawnRound(dataDir, connectionId, 'push');
        await heldRequest(seen, kill.message);
        child.kill();
        expect((await child.done).signal, kill.name).toBe('SIGKILL');

        expect(databaseHealth(dataDir), kill.name).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
        withService(dataDir, (service) => {
          expect(filesOf(service), kill.name).toEqual(before.files);
          // What the partner did not confirm is still queued.
          const kinds = service.db.prepare('SELECT DISTINCT message_kind FROM outbox ORDER BY 1').pluck().all();
          expect(kinds, kill.name).toContain(kill.message === 'OTA_HotelRateAmountNotifRQ' ? 'rates' : 'availability');
          // More edits while the app is down (another process, e.g. the command line).
          service.call('overrides:set', { unitIds: [rose], firstNight: n(20), lastNight: n(21), changes: { closed: index === 1 } });
        });

        const again = await spawnRound(dataDir, connectionId, 'push').done;
        expect(again.code, again.stderr).toBe(0);
        expect(again.result, kill.name).toMatchObject({ outcome: 'ok' });
        expect(databaseHealth(dataDir), kill.name).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
        withService(dataDir, (service) => {
          expect(service.db.prepare('SELECT count(*) FROM outbox').pluck().get(), kill.name).toBe(0);
          const horizon = horizonOf(nightAt(new Date(), 'Europe/Paris'));
          const differences = inventoryDifferences(scheduleInventory(service.db, rooms, horizon.first, horizon.last), partnerInventoryOf(simulator, rooms, horizon.first, horizon.last));
          expect(differences.slice(0, 5), `${kill.name}: ${differences.length} nights differ`).toEqual([]);
        });
      }
    } finally {
      await simulator.close();
    }
  }, 90_000);
});
