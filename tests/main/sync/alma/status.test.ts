/**
 * The Alma Heritage connection in the sync status the page and the tray show, with no loop in
 * the process (the stored status) and with one: never synced, in step, failing with the
 * reason in words, paused, missing its password; and a pending file's answer queued only for
 * a file that came from an API connection.
 */
import { describe, expect, it } from 'vitest';
import { almaPasswordSecret } from '../../../../main/channels/alma/credentials';
import { recordApiFailure, recordApiSuccess } from '../../../../main/db/apiSyncState';
import { setConnectionFields } from '../../../../main/db/connections';
import { insertReservation } from '../../../../main/db/reservations';
import { openService } from '../../../helpers/service';
import { setUpAlma } from './almaWorld';

const almaOf = (status: { connections: { connectionId: number }[] }, id: number) => status.connections.find((c) => c.connectionId === id);

describe('the Alma Heritage connection in the sync status', () => {
  it('shows never, ok, failing with the partner’s words, paused, and a missing password', () => {
    const { service, clock } = openService();
    const { connectionId } = setUpAlma(service, 'http://127.0.0.1:9/ota', clock());
    expect(almaOf(service.call('sync:status'), connectionId)).toMatchObject({ channel: 'alma_heritage', name: 'Alma Heritage', state: 'never', lastError: null });

    recordApiSuccess(service.db, connectionId, 'pull', clock());
    expect(almaOf(service.call('sync:status'), connectionId)).toMatchObject({ state: 'ok', lastSuccessAt: clock().toISOString() });
    expect(service.call('sync:status').overall).toBe('inStep');

    const error = { key: 'alma.errors.partner', params: { code: '448', shortText: 'System error', text: '', count: 1 } };
    recordApiFailure(service.db, connectionId, error, () => new Date(clock().getTime() + 60_000), clock());
    expect(almaOf(service.call('sync:status'), connectionId)).toMatchObject({ state: 'failing', lastError: error, failingSince: clock().toISOString() });
    expect(service.call('sync:status').overall).toBe('failing');

    setConnectionFields(service.db, connectionId, { status: 'paused' }, clock());
    expect(almaOf(service.call('sync:status'), connectionId)).toMatchObject({ state: 'paused', nextDueAt: null });

    setConnectionFields(service.db, connectionId, { status: 'active' }, clock());
    recordApiSuccess(service.db, connectionId, 'push', clock());
    service.secrets.delete(almaPasswordSecret(connectionId));
    expect(almaOf(service.call('sync:status'), connectionId)).toMatchObject({ state: 'failing', lastError: { key: 'alma.sync.noCredentials' } });

    setConnectionFields(service.db, connectionId, { status: 'removed' }, clock());
    expect(almaOf(service.call('sync:status'), connectionId)).toBeUndefined();
  });

  it('confirming or refusing a pending file queues the answer only for a file from an API connection, in the same transaction', () => {
    const { service, clock } = openService();
    const { connectionId, rose } = setUpAlma(service, 'http://127.0.0.1:9/ota', clock());
    const base = { unitId: rose, kind: 'booking' as const, status: 'pending' as const, guests: 2, guestName: 'Claire Dubois', email: null, phone: null, address: null, amountCents: null, commissionCents: null, payoutDate: null, notes: '', rawText: null };
    const alma = insertReservation(service.db, { ...base, sourceConnectionId: connectionId, partnerReference: 'AH-R-1', externalId: 'AH-R-1', arrival: '2026-07-01', departure: '2026-07-03' }, clock());
    const direct = service.call('reservations:create', { unitId: rose, arrival: '2026-08-01', departure: '2026-08-03', guests: 2, guestName: 'Paul Durand', status: 'pending' }).reservation;
    const decisions = () => service.db.prepare("SELECT payload FROM outbox WHERE message_kind = 'reservation_status'").pluck().all().map((p) => JSON.parse(p as string));

    service.call('reservations:confirm', { id: direct.id });
    expect(decisions()).toEqual([]);
    service.call('reservations:refuse', { id: alma.id });
    expect(decisions()).toEqual([{ reservationId: alma.id, reservationNumber: 'AH-R-1', decision: 'refuse' }]);
    // Refused: its nights are free again (and queued for the partner).
    expect(service.call('availability:get', { unitIds: [rose], firstNight: '2026-07-01', lastNight: '2026-07-02' })[0]!.nights.map((n) => n.free)).toEqual([1, 1]);
  });
});
