/**
 * The Alma Heritage set-up after opening, on a real service and SQLite file (issue 9): the stage
 * computed from what is saved, activation refused until every piece is there, the room
 * mapping's rules, and the live channel's calls (resend everything, commission, pause). Every
 * refusal writes nothing and pushes nothing. The property and the clock: ./almaService.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectRefusedWithoutWrites, refusal, type Harness } from '../../helpers/service';
import { almaPasswordSecret } from '../../../main/channels/alma/credentials';
import { almaCalls, DETAILS, openAlmaProperty, PASSWORD, type AlmaProperty } from './almaService';

let property: AlmaProperty;
let harness: Harness;
let grange: number;
let tour: number;

beforeEach(() => {
  property = openAlmaProperty();
  ({ harness, grange, tour } = property);
});

const { call, open, settingsJson, outboxRows, readyChannel } = almaCalls(() => property);

describe('the set-up, step by step', () => {
  it('moves the stage from what is saved: requested → credentials → contract → mapping → ready → active', () => {
    const { connection } = open();
    const id = connection.id;
    expect(call('alma:saveCredentials', { id, ...DETAILS }).stage).toBe('credentials'); // no password yet
    const withPassword = call('alma:saveCredentials', { id, ...DETAILS, password: PASSWORD });
    expect(withPassword).toMatchObject({ stage: 'contract', passwordSaved: true, passwordProtection: 'weak', ...DETAILS });

    const contract = call('alma:confirmContract', { id });
    expect(contract).toMatchObject({ stage: 'mapping', contractConfirmedAt: '2026-05-01T10:00:00.000Z' });
    harness.clock.set('2026-05-02T10:00:00.000Z');
    expect(call('alma:confirmContract', { id }).contractConfirmedAt).toBe('2026-05-01T10:00:00.000Z'); // the first date stays

    const mapped = call('alma:saveMapping', { id, rooms: [{ unitId: grange, roomCode: 'CH-ROSE', rateCode: 'STD' }] });
    expect(mapped).toMatchObject({ stage: 'ready', rooms: [{ unitId: grange, roomCode: 'CH-ROSE', rateCode: 'STD' }] });
    expect(outboxRows(id)).toEqual([]); // nothing is queued before activation

    const active = call('alma:activate', { id });
    expect(active.stage).toBe('active');
    expect(active.connection.status).toBe('active');
    expect(JSON.parse(settingsJson(id))).toMatchObject({ activatedAt: '2026-05-02T10:00:00.000Z' });
    // The whole schedule of the mapped room, all three kinds, for the first push.
    expect(outboxRows(id).map((r) => [r.unit_id, r.message_kind])).toEqual([
      [grange, 'availability'],
      [grange, 'rates'],
      [grange, 'restrictions'],
    ]);
    expect(active.sync.waiting).toBe(3);

    expect(call('connections:update', { id, status: 'paused' }).status).toBe('paused');
    expect(call('alma:get')!.stage).toBe('paused');
    expect(call('connections:update', { id, status: 'active' }).status).toBe('active');
    expectRefusedWithoutWrites(harness, () => call('alma:activate', { id }), { code: 'conflict', key: 'alma.rules.alreadyActivated' });
  });

  it('refuses activation, naming what is missing, until each piece is there', () => {
    const { connection } = open();
    const id = connection.id;
    const missing = () => refusal(() => call('alma:activate', { id })).issues.map((i) => i.key);
    expectRefusedWithoutWrites(harness, () => call('alma:activate', { id }), {
      code: 'conflict',
      key: 'alma.rules.notReady',
      issues: [
        { path: ['credentials'], key: 'alma.missing.credentials' },
        { path: ['password'], key: 'alma.missing.password' },
        { path: ['contract'], key: 'alma.missing.contract' },
        { path: ['mapping'], key: 'alma.missing.mapping' },
      ],
    });
    call('alma:saveCredentials', { id, ...DETAILS });
    expect(missing()).toEqual(['alma.missing.password', 'alma.missing.contract', 'alma.missing.mapping']);
    call('alma:saveMapping', { id, rooms: [{ unitId: tour, roomCode: 'CH-LILAS', rateCode: 'STD' }] });
    expect(missing()).toEqual(['alma.missing.password', 'alma.missing.contract']);
    call('alma:confirmContract', { id });
    expect(missing()).toEqual(['alma.missing.password']);
    // The keychain lost it (or it was never saved): still missing, whatever else is there.
    call('alma:saveCredentials', { id, ...DETAILS, password: PASSWORD });
    harness.service.secrets.delete(almaPasswordSecret(id));
    expect(call('alma:get')!.stage).toBe('credentials');
    expect(missing()).toEqual(['alma.missing.password']);
    call('alma:saveCredentials', { id, ...DETAILS, password: PASSWORD });
    expect(call('alma:activate', { id }).stage).toBe('active');
  });

  it('refuses a service address that is not http(s), and writes nothing', () => {
    const { connection } = open();
    for (const serviceUrl of ['ftp://alma.example/ota', 'javascript:alert(1)', 'alma-heritage.fr/ota']) {
      expectRefusedWithoutWrites(harness, () => call('alma:saveCredentials', { id: connection.id, ...DETAILS, serviceUrl, password: PASSWORD }), {
        issues: [{ path: ['serviceUrl'], key: 'alma.rules.notHttp' }],
      });
    }
    expect(harness.service.secrets.get(almaPasswordSecret(connection.id))).toBeNull();
  });

  it('refuses calls on an unknown, a removed or another channel’s connection', () => {
    const { connection } = open();
    expectRefusedWithoutWrites(harness, () => call('alma:confirmContract', { id: 999 }), { code: 'not_found', key: 'alma.rules.unknownConnection' });
    const airbnb = harness.service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: grange, importUrl: 'https://airbnb.example/1.ics' }] });
    expectRefusedWithoutWrites(harness, () => call('alma:confirmContract', { id: airbnb.id }), { code: 'not_found' });
    harness.service.call('connections:remove', { id: connection.id });
    expectRefusedWithoutWrites(harness, () => call('alma:confirmContract', { id: connection.id }), { code: 'conflict', key: 'channels.rules.removed' });
  });
});

describe('the room mapping', () => {
  it('refuses unknown rooms, a room twice and a room code twice (whatever its case); a rate code may repeat', () => {
    const { connection } = open();
    const id = connection.id;
    expectRefusedWithoutWrites(
      harness,
      () =>
        call('alma:saveMapping', {
          id,
          rooms: [
            { unitId: 999, roomCode: 'CH-X', rateCode: 'STD' },
            { unitId: grange, roomCode: 'CH-ROSE', rateCode: 'STD' },
            { unitId: grange, roomCode: 'CH-AUTRE', rateCode: 'STD' },
            { unitId: tour, roomCode: 'ch-rose', rateCode: 'STD' },
          ],
        }),
      {
        code: 'invalid_input',
        issues: [
          { path: ['rooms', 0, 'unitId'], key: 'alma.rules.unknownRoom', params: { unitId: 999 } },
          { path: ['rooms', 2, 'unitId'], key: 'alma.rules.duplicateRoom' },
          { path: ['rooms', 3, 'roomCode'], key: 'alma.rules.duplicateRoomCode', params: { code: 'ch-rose' } },
        ],
      },
    );
    const saved = call('alma:saveMapping', {
      id,
      rooms: [
        { unitId: tour, roomCode: 'CH-LILAS', rateCode: 'STD' },
        { unitId: grange, roomCode: 'CH-ROSE', rateCode: 'STD' },
      ],
    });
    expect(saved.rooms).toEqual([
      { unitId: grange, roomCode: 'CH-ROSE', rateCode: 'STD' },
      { unitId: tour, roomCode: 'CH-LILAS', rateCode: 'STD' },
    ]);
    // The whole mapping is replaced: a room left out is no longer sold there.
    expect(call('alma:saveMapping', { id, rooms: [{ unitId: tour, roomCode: 'CH-LILAS', rateCode: 'NR' }] }).rooms).toEqual([
      { unitId: tour, roomCode: 'CH-LILAS', rateCode: 'NR' },
    ]);
    // Pending: emptying it is allowed (the owner starts over).
    expect(call('alma:saveMapping', { id, rooms: [] }).stage).toBe('requested');
  });

  it('once live, keeps at least one room, and queues a newly mapped room in full', () => {
    const { connection } = readyChannel();
    const id = connection.id;
    call('alma:activate', { id });
    expectRefusedWithoutWrites(harness, () => call('alma:saveMapping', { id, rooms: [] }), { issues: [{ path: ['rooms'], key: 'alma.rules.noRooms' }] });
    harness.service.db.prepare('DELETE FROM outbox WHERE connection_id = ?').run(id); // as if the first push went out
    call('alma:saveMapping', {
      id,
      rooms: [
        { unitId: grange, roomCode: 'CH-ROSE', rateCode: 'STD' },
        { unitId: tour, roomCode: 'CH-LILAS', rateCode: 'STD' },
      ],
    });
    expect(new Set(outboxRows(id).map((r) => r.unit_id))).toEqual(new Set([grange, tour]));
    expect(outboxRows(id)).toHaveLength(6);
  });
});

describe('once active', () => {
  it('resends everything on demand (active or paused only), and keeps the commission the owner sets', () => {
    const { connection } = readyChannel();
    const id = connection.id;
    expectRefusedWithoutWrites(harness, () => call('alma:resendAll', { id }), { code: 'conflict', key: 'alma.rules.notActive' });
    call('alma:activate', { id });
    harness.service.db.prepare('DELETE FROM outbox WHERE connection_id = ?').run(id);
    expect(call('alma:resendAll', { id }).sync.waiting).toBe(3);
    expect(outboxRows(id).every((r) => r.first_night === '0001-01-01' && r.last_night === '9998-12-31')).toBe(true);
    call('connections:update', { id, status: 'paused' });
    expect(call('alma:resendAll', { id }).sync.waiting).toBe(3); // merged with what waits, not doubled

    expect(call('alma:saveCommission', { id, basisPoints: 1450 })).toMatchObject({ commissionBasisPoints: 1450, connection: { commissionBasisPoints: 1450 } });
  });

  it('pauses and resumes through the channels page’s call, which cannot activate a pending one nor give it rooms', () => {
    const { connection } = open();
    const id = connection.id;
    expectRefusedWithoutWrites(harness, () => call('connections:update', { id, status: 'active' }), { code: 'conflict', key: 'alma.rules.activateFirst' });
    expectRefusedWithoutWrites(harness, () => call('connections:update', { id, rooms: [{ unitId: grange }] }), {
      issues: [{ path: ['rooms'], key: 'alma.rules.roomsInWizard' }],
    });
  });
});
