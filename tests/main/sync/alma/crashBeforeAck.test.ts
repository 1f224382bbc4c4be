/**
 * The app dies between storing reservations and acknowledging them. A child process pulls from
 * the partner simulator, commits the events, sends the acknowledgement — which the simulator
 * holds (no answer) — and is killed with SIGKILL while it waits. A fresh process on the same
 * data folder then runs again: one file per reservation, every event acknowledged exactly once
 * (the owed acknowledgements go out before anything is read), the database sound.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/nights';
import { createService } from '../../../../main/service';
import { useTempDirs } from '../../../helpers/tempDir';
import { heldRequest } from '../../../helpers/almaHeld';
import { startAlmaSimulator } from '../../../partners/alma/server';
import { LILAS, ROSE, setUpAlma } from './almaWorld';
import { databaseHealth, spawnRound } from './child/spawnRound';

const tempDir = useTempDirs();

interface Row {
  id: number;
  external_id: string;
  status: string;
}

function stored(dataDir: string): { files: Row[]; events: { number: string; status: string; acked: number }[] } {
  const service = createService({ dataDir, warn: () => undefined });
  try {
    return {
      files: service.db.prepare('SELECT id, external_id, status FROM reservations ORDER BY id').all() as Row[],
      events: service.db.prepare('SELECT reservation_number AS number, res_status AS status, acked_at IS NOT NULL AS acked FROM partner_events ORDER BY id').all() as {
        number: string;
        status: string;
        acked: number;
      }[],
    };
  } finally {
    service.close();
  }
}

/** A data folder with Alma Heritage set up, and a first round (in a child) that sent the horizon: Alma Heritage can sell only once it knows our stock. */
async function pushedChannel(serviceUrl: string): Promise<{ dataDir: string; connectionId: number }> {
  const dataDir = tempDir();
  const setup = createService({ dataDir, warn: () => undefined });
  const { connectionId } = setUpAlma(setup, serviceUrl, new Date());
  setup.close();
  const pushed = await spawnRound(dataDir, connectionId, 'push').done;
  expect(pushed.code, pushed.stderr).toBe(0);
  return { dataDir, connectionId };
}

describe('killed between storing and acknowledging', () => {
  it('stores each reservation once and acknowledges each event exactly once after a restart', async () => {
    const seen: { message: string | null }[] = [];
    const simulator = await startAlmaSimulator({ onRequest: (entry) => seen.push(entry) });
    try {
      const { dataDir, connectionId } = await pushedChannel(simulator.url);
      const today = simulator.state.today;
      const numbers = [
        simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: addDays(today, 10), departure: addDays(today, 12) }),
        simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: addDays(today, 20), departure: addDays(today, 23), onRequest: true }),
        simulator.book({ room: LILAS.roomCode, rate: LILAS.rateCode, arrival: addDays(today, 30), departure: addDays(today, 32) }),
      ];
      simulator.cancel(numbers[2]!);

      // The partner holds the acknowledgement: the child has committed and waits for the answer.
      simulator.failNext(1, 'timeout', 'OTA_NotifReportRQ');
      const first = spawnRound(dataDir, connectionId, 'both');
      await heldRequest(seen, 'OTA_NotifReportRQ');
      first.kill();
      expect((await first.done).signal).toBe('SIGKILL');

      expect(databaseHealth(dataDir)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
      const afterKill = stored(dataDir);
      expect(afterKill.files.map((f) => [f.external_id, f.status])).toEqual([
        [numbers[0], 'confirmed'],
        [numbers[1], 'pending'],
        [numbers[2], 'cancelled'],
      ]);
      expect(afterKill.events.map((e) => [e.number, e.status, e.acked])).toEqual([
        [numbers[0], 'Book', 0],
        [numbers[1], 'Request', 0],
        [numbers[2], 'Book', 0],
        [numbers[2], 'Cancel', 0],
      ]);
      expect(simulator.events().map((e) => e.ackCount)).toEqual([0, 0, 0, 0]);

      // Meanwhile another guest books.
      const later = simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: addDays(today, 40), departure: addDays(today, 41) });
      const second = spawnRound(dataDir, connectionId, 'both');
      const ended = await second.done;
      expect(ended.code, ended.stderr).toBe(0);
      expect(ended.result).toMatchObject({ outcome: 'ok', stored: 1, acknowledged: 5 });

      expect(databaseHealth(dataDir)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
      const final = stored(dataDir);
      expect(final.files.map((f) => f.external_id)).toEqual([...numbers, later]);
      expect(final.events.every((e) => e.acked === 1)).toBe(true);
      expect(simulator.events().map((e) => [e.number, e.resStatus, e.ackCount])).toEqual([
        [numbers[0], 'Book', 1],
        [numbers[1], 'Request', 1],
        [numbers[2], 'Book', 1],
        [numbers[2], 'Cancel', 1],
        [later, 'Book', 1],
      ]);
      // The held events were acknowledged before the next read: none was delivered twice.
      expect(simulator.events().map((e) => e.deliveredCount)).toEqual([1, 1, 1, 1, 1]);
    } finally {
      await simulator.close();
    }
  }, 60_000);

  it('killed while reading (before anything is stored): the events come again and are stored once', async () => {
    const seen: { message: string | null }[] = [];
    const simulator = await startAlmaSimulator({ onRequest: (entry) => seen.push(entry) });
    try {
      const { dataDir, connectionId } = await pushedChannel(simulator.url);
      const number = simulator.book({ room: ROSE.roomCode, rate: ROSE.rateCode, arrival: addDays(simulator.state.today, 5), departure: addDays(simulator.state.today, 6) });
      // The read is answered by the partner (applied: counted as delivered) but the answer never arrives.
      simulator.failNext(1, { kind: 'timeout', applied: true }, 'OTA_ReadRQ');
      const first = spawnRound(dataDir, connectionId, 'pull');
      await heldRequest(seen, 'OTA_ReadRQ');
      first.kill();
      await first.done;
      expect(stored(dataDir).files).toEqual([]);

      const second = await spawnRound(dataDir, connectionId, 'pull').done;
      expect(second.code, second.stderr).toBe(0);
      expect(stored(dataDir).files.map((f) => f.external_id)).toEqual([number]);
      expect(simulator.events()[0]).toMatchObject({ ackCount: 1, deliveredCount: 2 });
      expect(databaseHealth(dataDir)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    } finally {
      await simulator.close();
    }
  }, 60_000);
});
