/**
 * Alma Heritage's connection details on a real service and SQLite file (issue 9): the password
 * kept out of the settings JSON and of every answer and event, forgotten when the channel is
 * removed, refused on a computer that cannot encrypt it, and the credentials check against the
 * Alma Heritage simulator (tests/partners/alma/). The property and the clock: ./almaService.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiEventMessage } from '../../../shared/api';
import { almaPasswordSecret } from '../../../main/channels/alma/credentials';
import { createService } from '../../../main/service';
import type { SecretCipher } from '../../../main/secrets';
import { startAlmaSimulator, type AlmaSimulator } from '../../partners/alma/server';
import { expectRefusedWithoutWrites, refusal, type Harness } from '../../helpers/service';
import { useTempDirs } from '../../helpers/tempDir';
import { almaCalls, DETAILS, openAlmaProperty, PASSWORD, type AlmaProperty } from './almaService';

let property: AlmaProperty;
let harness: Harness;
let grange: number;

beforeEach(() => {
  property = openAlmaProperty();
  ({ harness, grange } = property);
});

const { call, open, settingsJson, readyChannel } = almaCalls(() => property);

describe('the password', () => {
  it('is never in the settings JSON nor in any answer or event, only in the secret store, encrypted', () => {
    const results: unknown[] = [];
    const { connection } = open();
    const id = connection.id;
    results.push(call('alma:saveCredentials', { id, ...DETAILS, password: PASSWORD }));
    results.push(call('alma:confirmContract', { id }));
    results.push(call('alma:saveMapping', { id, rooms: [{ unitId: grange, roomCode: 'CH-ROSE', rateCode: 'STD' }] }));
    results.push(call('alma:activate', { id }));
    results.push(call('alma:get'), call('alma:resendAll', { id }), call('alma:saveCommission', { id, basisPoints: 1500 }));
    results.push(call('connections:list'), call('connections:update', { id, status: 'paused' }));
    // Saving again without a password keeps the saved one.
    results.push(call('alma:saveCredentials', { id, ...DETAILS, userName: 'gite-des-lilas-2' }));
    expect(harness.service.secrets.get(almaPasswordSecret(id))).toBe(PASSWORD);

    for (const result of [...results, ...harness.events]) expect(JSON.stringify(result)).not.toContain(PASSWORD);
    expect(settingsJson(id)).not.toContain(PASSWORD);
    const everything = JSON.stringify(Object.values(harness.service.db.prepare("SELECT value FROM settings WHERE key LIKE 'secret:%'").all()));
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });

  it('is forgotten when the channel is removed; its files would stay', () => {
    const { connection } = readyChannel();
    const id = connection.id;
    expect(harness.service.secrets.get(almaPasswordSecret(id))).toBe(PASSWORD);
    harness.service.call('connections:remove', { id });
    expect(harness.service.secrets.get(almaPasswordSecret(id))).toBeNull();
    expect(harness.service.db.prepare('SELECT count(*) AS n FROM settings WHERE key = ?').get(`secret:${almaPasswordSecret(id)}`)).toEqual({ n: 0 });
  });
});

describe('a computer with no way to encrypt', () => {
  const tempDir = useTempDirs();
  const noKeychain: SecretCipher = {
    protection: () => null,
    encrypt: () => {
      throw new Error('not reached');
    },
    decrypt: () => {
      throw new Error('not reached');
    },
  };

  it('refuses to save the password, says why, and saves nothing of the form', () => {
    const service = createService({ dataDir: tempDir(), now: () => new Date('2026-05-01T10:00:00Z'), secretCipher: noKeychain, warn: () => undefined });
    try {
      service.call('property:save', { name: 'Le Pigeonnier', type: 'gite' });
      const { connection } = service.call('alma:open');
      const before = (service.db.prepare('SELECT settings FROM channel_connections WHERE id = ?').get(connection.id) as { settings: string }).settings;
      const body = refusal(() => service.call('alma:saveCredentials', { id: connection.id, ...DETAILS, password: PASSWORD }));
      expect(body).toMatchObject({ code: 'conflict', key: 'alma.rules.noSecretStorage' });
      expect((service.db.prepare('SELECT settings FROM channel_connections WHERE id = ?').get(connection.id) as { settings: string }).settings).toBe(before);
      expect(service.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'secret:%'").get()).toEqual({ n: 0 });
    } finally {
      service.close();
    }
  });
});

describe('checking the connection details against Alma Heritage', () => {
  let simulator: AlmaSimulator;
  beforeEach(async () => {
    simulator = await startAlmaSimulator({ today: '2026-05-01' });
  });
  afterEach(async () => {
    await simulator.close();
  });

  async function checked(checkId: string): Promise<ApiEventMessage<'alma:credentialsChecked'>['payload']> {
    let found: ApiEventMessage | undefined;
    await vi.waitFor(
      () => {
        found = harness.events.find((e) => e.event === 'alma:credentialsChecked' && (e.payload as { checkId: string }).checkId === checkId);
        expect(found).toBeDefined();
      },
      { timeout: 10_000 },
    );
    return (found as ApiEventMessage<'alma:credentialsChecked'>).payload;
  }

  it('answers a check id at once and the ping’s result as an event: accepted, then refused with the partner’s words', async () => {
    const { connection } = open();
    const id = connection.id;
    expectRefusedWithoutWrites(harness, () => call('alma:checkCredentials', { id }), {
      code: 'conflict',
      key: 'alma.rules.credentialsMissing',
      issues: [
        { path: ['credentials'], key: 'alma.missing.credentials' },
        { path: ['password'], key: 'alma.missing.password' },
      ],
    });

    call('alma:saveCredentials', { id, serviceUrl: simulator.url, propertyCode: 'AH-1234', userName: 'gite-des-lilas', password: 'alma-demo-2026' });
    const before = JSON.stringify(harness.service.db.prepare('SELECT * FROM outbox').all());
    const { checkId } = call('alma:checkCredentials', { id });
    expect(await checked(checkId)).toEqual({ checkId, ok: true, problem: null });
    expect(simulator.requests().map((r) => r.message)).toEqual(['OTA_PingRQ']);

    call('alma:saveCredentials', { id, serviceUrl: simulator.url, propertyCode: 'AH-1234', userName: 'gite-des-lilas', password: 'not-the-password' });
    const second = call('alma:checkCredentials', { id });
    const result = await checked(second.checkId);
    expect(result.ok).toBe(false);
    expect(result.problem?.key).toMatch(/^alma\.errors\.credentials/);
    // A check changes nothing on our side.
    expect(JSON.stringify(harness.service.db.prepare('SELECT * FROM outbox').all())).toBe(before);
  });

  it('says when nothing answers at the service address', async () => {
    const { connection } = open();
    const url = simulator.url;
    await simulator.setOffline(true);
    call('alma:saveCredentials', { id: connection.id, serviceUrl: url, ...{ propertyCode: 'AH-1234', userName: 'u' }, password: 'p' });
    const { checkId } = call('alma:checkCredentials', { id: connection.id });
    const result = await checked(checkId);
    expect(result.ok).toBe(false);
    expect(result.problem?.key).toMatch(/^alma\.errors\./);
    await simulator.setOffline(false);
  });
});
