/**
 * What the owner sees, and what the loop does, when Alma Heritage (the partner simulator)
 * answers with an error or not at all: the change stays queued and is retried with backoff
 * (1, 2, 4 … minutes), never before a Retry-After; the partner's own words are in the sync
 * status and in an alert; refused credentials stop the channel until the owner enters others.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/nights';
import { almaPasswordSecret } from '../../../../main/channels/alma/credentials';
import { DEMO_PROPERTY } from '../../../partners/alma/server';
import { apiSyncSummary } from '../../../../main/db/apiSyncState';
import { PULL_INTERVAL_MS, PUSH_DEBOUNCE_MS } from '../../../../main/sync/alma/apiLoop';
import { createSyncLoop } from '../../../../main/sync/syncLoop';
import { createTranslator } from '../../../../main/i18n';
import { expectPartnerInStep, openAlmaWorld, type AlmaWorld, runFor } from './almaWorld';

const MINUTE = 60_000;

function almaStatus(world: AlmaWorld) {
  return world.loop.status().connections.find((c) => c.connectionId === world.connectionId)!;
}

/** When each request after the first `skip` reached the partner, in minutes since `from`. */
function minutesOf(world: AlmaWorld, skip: number, from: number, message: string): number[] {
  return world.simulator
    .requests()
    .slice(skip)
    .filter((r) => r.message === message)
    .map((r) => Math.round((Date.parse(r.at) - from) / MINUTE));
}


describe('partner errors', () => {
  it('an error answer keeps the change queued, shows the partner’s words, alerts, and the retry after backoff sends it', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    world.simulator.failNext(1, { kind: 'partnerError', type: 3, code: 402, shortText: 'Invalid room type', text: 'Room type CH-ROSE is being reviewed' }, 'OTA_HotelRateAmountNotifRQ');
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: n(5), lastNight: n(6), changes: { rateCents: 11000 } });
    await world.advance(PUSH_DEBOUNCE_MS);

    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(5))).toBe(9500);
    const status = almaStatus(world);
    expect(status).toMatchObject({
      channel: 'alma_heritage',
      state: 'failing',
      lastError: { key: 'alma.errors.partner', params: expect.objectContaining({ code: '402', shortText: 'Invalid room type', text: 'Room type CH-ROSE is being reviewed' }) },
    });
    expect(world.loop.status().overall).toBe('failing');
    const summary = apiSyncSummary(world.db, world.connectionId);
    expect(summary).toMatchObject({ waiting: 1, failingSince: world.clock.now().toISOString(), lastError: { key: 'alma.errors.partner' } });
    // First failure: one minute (+ up to 10 % jitter, here 5 %).
    expect(Date.parse(summary.nextAttemptAt!) - world.clock.now().getTime()).toBe(63_000);
    const row = world.db.prepare('SELECT attempts, next_attempt_at AS next, last_error AS error FROM outbox').get() as { attempts: number; next: string; error: string };
    expect(row.attempts).toBe(1);
    expect(JSON.parse(row.error)).toMatchObject({ key: 'alma.errors.partner' });
    const alert = world.service.call('alerts:list').find((a) => a.kind === 'partnerError')!;
    expect(alert).toMatchObject({ connectionId: world.connectionId, params: { channel: 'Alma Heritage', code: '402', text: 'Invalid room type — Room type CH-ROSE is being reviewed' } });
    expect(world.service.call('sync:status').connections.find((c) => c.connectionId === world.connectionId)!.state).toBe('failing');

    // Nothing before the retry time, then it goes through.
    const sent = world.simulator.requests().length;
    world.clock.advance(61_000);
    await world.loop.idle();
    expect(world.simulator.requests().length).toBe(sent);
    await world.advance(2_000);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(5))).toBe(11000);
    expect(almaStatus(world)).toMatchObject({ state: 'ok', lastError: null, failingSince: null });
    expect(apiSyncSummary(world.db, world.connectionId)).toMatchObject({ waiting: 0, lastError: null, nextAttemptAt: null });
    expectPartnerInStep(world);
  });

  it('backs off 1, 2, 4, 8 … minutes while the partner fails, and gives the reason in words', async () => {
    const world = await openAlmaWorld();
    const from = world.clock.now().getTime();
    const skip = world.simulator.requests().length;
    // The stock pushes fail; the read that follows each failed push (a push failure never stops the read) goes through.
    world.simulator.failNext(5, 'http500', 'OTA_HotelAvailNotifRQ');
    world.service.call('overrides:set', { unitIds: [world.lilas], firstNight: world.today(), lastNight: world.today(), changes: { stock: 1 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(almaStatus(world)).toMatchObject({ state: 'failing', lastError: { key: 'alma.errors.httpStatus', params: { status: 500 } } });
    await runFor(world, 60 * MINUTE);
    // After the debounce, then each retry 1, 2, 4, 8, 16 minutes (+ 5 % jitter) after the last; the sixth goes through.
    expect(minutesOf(world, skip, from, 'OTA_HotelAvailNotifRQ')).toEqual([0, 1, 3, 7, 16, 33]);
    expect(world.simulator.requests().slice(skip).filter((r) => r.message === 'OTA_HotelAvailNotifRQ').map((r) => r.outcome)).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'ok']);
    expect(almaStatus(world).state).toBe('ok');
    expectPartnerInStep(world);
  });

  it('honours Retry-After: no request before it, even on wake; Sync now goes at once', async () => {
    const world = await openAlmaWorld();
    world.simulator.failNext(1, { kind: 'http503RetryAfter', retryAfterSeconds: 600 });
    world.service.call('overrides:set', { unitIds: [world.lilas], firstNight: world.today(), lastNight: world.today(), changes: { rateCents: 1 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(almaStatus(world).lastError).toMatchObject({ key: 'alma.errors.busyWait', params: { status: 503, seconds: 600 } });
    const sent = world.simulator.requests().length;
    world.loop.wake();
    await runFor(world, 9 * MINUTE);
    expect(world.simulator.requests().length).toBe(sent);
    await runFor(world, 2 * MINUTE);
    expect(world.simulator.state.rateOf('CH-LILAS', 'STD', world.today())).toBe(1);

    world.simulator.failNext(1, { kind: 'http429', retryAfterSeconds: 3600 });
    world.service.call('overrides:set', { unitIds: [world.lilas], firstNight: world.today(), lastNight: world.today(), changes: { rateCents: 2 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    await world.loop.syncNow(world.connectionId);
    expect(world.simulator.state.rateOf('CH-LILAS', 'STD', world.today())).toBe(2);
  });

  it('keeps the partner’s Retry-After across a restart: the new loop does not call before it', async () => {
    const world = await openAlmaWorld();
    world.simulator.failNext(1, { kind: 'http503RetryAfter', retryAfterSeconds: 900 });
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: world.today(), lastNight: world.today(), changes: { rateCents: 3 } });
    await world.advance(PUSH_DEBOUNCE_MS);
    await world.loop.close();
    const sent = world.simulator.requests().length;
    const loop = createSyncLoop(world.service, { clock: world.clock, random: () => 0.5, alma: { timeoutMs: 2000 } });
    try {
      loop.start();
      await loop.idle();
      for (let minute = 0; minute < 14; minute++) {
        world.clock.advance(MINUTE);
        await loop.idle();
      }
      expect(world.simulator.requests().length).toBe(sent);
      world.clock.advance(2 * MINUTE);
      await loop.idle();
      world.clock.advance(PUSH_DEBOUNCE_MS);
      await loop.idle();
      expect(world.simulator.state.rateOf('CH-ROSE', 'STD', world.today())).toBe(3);
    } finally {
      await loop.close();
    }
  });

  it('refused credentials stop the channel, alert the owner, and nothing is sent until the password changes', async () => {
    const world = await openAlmaWorld();
    world.service.secrets.set(almaPasswordSecret(world.connectionId), 'not-the-password');
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: world.today(), lastNight: world.today(), changes: { closed: true } });
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.requests().at(-1)).toMatchObject({ outcome: 'error', errorCodes: [expect.any(Number)] });
    expect(almaStatus(world)).toMatchObject({ state: 'failing', lastError: { key: 'alma.errors.credentials' } });
    expect(world.service.call('alerts:list').map((a) => a.kind)).toContain('partnerCredentials');
    const sent = world.simulator.requests().length;
    await runFor(world, 3 * 60 * MINUTE);
    await world.loop.syncNow(world.connectionId);
    expect(world.simulator.requests().length).toBe(sent);
    expect(apiSyncSummary(world.db, world.connectionId).waiting).toBeGreaterThan(0);

    // What is kept about the refusal: the revision of the details refused, nothing derived from the password.
    const stored = world.db.prepare('SELECT last_error FROM api_sync_state WHERE connection_id = ?').pluck().get(world.connectionId) as string;
    expect(JSON.parse(stored)).toMatchObject({ stopped: true, credentialsRevision: 0 });
    expect(Object.keys(JSON.parse(stored))).not.toContain('credentials');
    expect(stored).not.toMatch(/[0-9a-f]{16}/);

    // The owner enters the right password: the next look sends everything waiting.
    world.service.call('alma:saveCredentials', {
      id: world.connectionId,
      serviceUrl: world.simulator.url,
      propertyCode: DEMO_PROPERTY.hotelCode,
      userName: DEMO_PROPERTY.userName,
      password: DEMO_PROPERTY.password,
    });
    await runFor(world, PULL_INTERVAL_MS);
    expect(world.simulator.state.stockOf('CH-ROSE', world.today())).toBe(0);
    expect(almaStatus(world)).toMatchObject({ state: 'ok', lastError: null });
    expectPartnerInStep(world);
  });

  it('saving corrected connection details ends the backoff at once: the waiting changes go out within the debounce', async () => {
    const world = await openAlmaWorld();
    const n = (days: number) => addDays(world.today(), days);
    // A wrong address (nothing listens there): hours of failures build up a long backoff.
    const details = { id: world.connectionId, propertyCode: DEMO_PROPERTY.hotelCode, userName: DEMO_PROPERTY.userName };
    world.service.call('alma:saveCredentials', { ...details, serviceUrl: 'http://127.0.0.1:9/ota' });
    world.service.call('overrides:set', { unitIds: [world.rose], firstNight: n(4), lastNight: n(4), changes: { rateCents: 12_300 } });
    await runFor(world, 3 * 60 * MINUTE);
    const before = apiSyncSummary(world.db, world.connectionId);
    expect(before.failingSince).not.toBeNull();
    expect(Date.parse(before.nextAttemptAt!) - world.clock.now().getTime()).toBeGreaterThan(5 * MINUTE);
    const rowBackoff = world.db.prepare('SELECT count(*) FROM outbox WHERE connection_id = ? AND next_attempt_at IS NOT NULL').pluck().get(world.connectionId) as number;
    expect(rowBackoff).toBeGreaterThan(0);

    world.service.call('alma:saveCredentials', { ...details, serviceUrl: world.simulator.url });
    expect(world.db.prepare('SELECT count(*) FROM outbox WHERE connection_id = ? AND next_attempt_at IS NOT NULL').pluck().get(world.connectionId)).toBe(0);
    expect(apiSyncSummary(world.db, world.connectionId).nextAttemptAt).toBeNull();
    await world.advance(PUSH_DEBOUNCE_MS);
    expect(world.simulator.state.rateOf('CH-ROSE', 'STD', n(4))).toBe(12_300);
    expect(almaStatus(world)).toMatchObject({ state: 'ok', lastError: null });
  });

  it('a page instead of an answer, a reset connection and a timeout are failures in words, retried', async () => {
    const world = await openAlmaWorld();
    for (const [kind, key] of [
      ['html', 'alma.errors.html'],
      ['reset', 'alma.errors.'],
      ['timeout', 'alma.errors.'],
    ] as const) {
      world.simulator.failNext(1, kind, 'OTA_ReadRQ');
      await world.loop.syncNow(world.connectionId);
      expect(almaStatus(world).lastError?.key, kind).toContain(key);
      expect(almaStatus(world).state, kind).toBe('failing');
    }
    await world.loop.syncNow(world.connectionId);
    expect(almaStatus(world).state).toBe('ok');
  });

  it('a removed channel whose credentials are refused while it owes its close-outs tells the owner to close the rooms at Alma Heritage', async () => {
    const world = await openAlmaWorld();
    world.service.secrets.set(almaPasswordSecret(world.connectionId), 'not-the-password');
    world.service.call('connections:remove', { id: world.connectionId });
    await runFor(world, 10 * MINUTE);
    expect(world.simulator.requests().at(-1)).toMatchObject({ outcome: 'error' });
    const alerts = world.service.call('alerts:list').filter((a) => a.connectionId === world.connectionId);
    // Not "enter the right ones": a removed channel cannot be given other details.
    expect(alerts.map((a) => a.kind)).toEqual(['partnerCredentialsRemoved']);
    expect(createTranslator('en')('alerts.partnerCredentialsRemoved', alerts[0]!.params)).toContain('+33 6 71 93 90 08');
  });
});
