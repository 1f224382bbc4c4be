/**
 * Reservation events the engine cannot apply are held, never left to block the partner's queue:
 * an unreadable one keeps the partner's raw text and tells the owner to record it by hand; one
 * whose identity cannot even be read is not stored (it cannot be acknowledged). And a round that
 * throws (a bug, a database error) is recorded as the connection's failure, in the sync
 * engine's own words, so the status shows it.
 */
import { describe, expect, it } from 'vitest';
import type { AlmaRejectedReservation } from '../../../../main/channels/alma/messages';
import { readApiSyncState } from '../../../../main/db/apiSyncState';
import { listUnacknowledged } from '../../../../main/db/partnerEvents';
import { createApiLoop, ERROR_REST_MS } from '../../../../main/sync/alma/apiLoop';
import { listApiConnectionHealth } from '../../../../main/sync/alma/apiStatus';
import { storeBatch } from '../../../../main/sync/alma/storeEvents';
import { FakeClock } from '../../../helpers/fakeClock';
import { openService } from '../../../helpers/service';
import { setUpAlma } from './almaWorld';

const RAW = '<HotelReservation ResStatus="Book" CreateDateTime="2026-05-01T09:00:00Z"><UniqueID Type="14" ID="AH-R-20001"/><RoomStays>…</RoomStays></HotelReservation>';

describe('held events', () => {
  it('an unreadable booking is stored as held with the raw text, acknowledged, and the owner told to record it by hand', () => {
    const { service, clock } = openService();
    const { connectionId } = setUpAlma(service, 'http://127.0.0.1:9/ota', clock());
    const context = { db: service.db, now: clock(), today: '2026-05-01', connection: { id: connectionId, name: 'Alma Heritage', commissionBasisPoints: null }, mappings: new Map() };
    const unreadable: AlmaRejectedReservation = {
      reservationNumber: 'AH-R-20001',
      resStatus: 'Book',
      createdAt: '2026-05-01T09:00:00Z',
      reason: { key: 'alma.errors.reservation.badDates' },
      raw: RAW,
    };
    const nameless: AlmaRejectedReservation = { reservationNumber: null, resStatus: null, createdAt: null, reason: { key: 'alma.errors.reservation.noNumber' }, raw: '<HotelReservation/>' };

    const batch = storeBatch(context, [], [unreadable, nameless]);
    expect(batch).toMatchObject({ stored: 1, held: 1, skipped: 1 });
    const rows = service.db.prepare('SELECT outcome, reservation_id AS fileId, payload FROM partner_events').all() as { outcome: string; fileId: number | null; payload: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'held', fileId: null });
    expect(JSON.parse(rows[0]!.payload)).toEqual({ rejected: true, reasonKey: 'alma.errors.reservation.badDates', raw: RAW });
    // Owed an acknowledgement like any stored event: the partner's queue moves on.
    expect(listUnacknowledged(service.db, connectionId).map((e) => e.reservationNumber)).toEqual(['AH-R-20001']);
    const alerts = service.call('alerts:list').filter((a) => a.kind === 'partnerEventRejected');
    expect(alerts.map((a) => a.params.number).sort()).toEqual(['', 'AH-R-20001']);

    // Delivered again: recognised, not stored twice.
    expect(storeBatch(context, [], [unreadable])).toMatchObject({ stored: 1, held: 1 });
    expect(service.db.prepare('SELECT count(*) FROM partner_events').pluck().get()).toBe(1);
  });
});

describe('a round that throws', () => {
  it('is recorded as the connection failing, in the sync engine’s words, and retried after a rest', async () => {
    const { service } = openService();
    const clock = new FakeClock('2026-05-01T10:00:00.000Z');
    const { connectionId } = setUpAlma(service, 'http://127.0.0.1:9/ota', clock.now());
    const loop = createApiLoop({
      db: service.db,
      clock,
      secrets: service.secrets,
      publish: () => undefined,
      createClient: () => {
        throw new Error('a bug in the client');
      },
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const [result] = await loop.syncNow(connectionId);
      expect(result).toMatchObject({ outcome: 'failed', message: { key: 'alma.sync.internal' } });
    } finally {
      console.error = original;
      await loop.stop();
    }
    expect(errors).toHaveLength(1);
    const state = readApiSyncState(service.db, connectionId);
    expect(state).toMatchObject({ lastError: { key: 'alma.sync.internal' }, failures: 1, failingSince: clock.now().toISOString() });
    expect(Date.parse(state.retryAt!) - clock.now().getTime()).toBe(ERROR_REST_MS);
    const [health] = listApiConnectionHealth(service.db, service.secrets, null);
    expect(health).toMatchObject({ connectionId, lastError: { key: 'alma.sync.internal' }, failingSince: clock.now().toISOString() });
    expect(service.call('sync:status').connections.find((c) => c.connectionId === connectionId)).toMatchObject({ state: 'failing' });
  });
});
