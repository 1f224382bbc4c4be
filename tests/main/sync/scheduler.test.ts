import { describe, expect, it } from 'vitest';
import { backoffMs, nextAfterFailure, nextAfterSuccess } from '../../../main/sync/pollTiming';
import { createSyncLoop } from '../../../main/sync/syncLoop';
import { MINUTE, openSync, serveCalendar } from '../../helpers/syncHarness';

const failWith =
  (code: number, headers: Record<string, string> = {}) =>
  (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(code, headers);
    res.end();
  };

describe('poll timing (pure)', () => {
  it('plans the next read at the interval, within ±10 % jitter', () => {
    const now = Date.parse('2026-07-01T08:00:00Z');
    expect(nextAfterSuccess(now, 10, 0) - now).toBe(9 * MINUTE);
    expect(nextAfterSuccess(now, 10, 0.5) - now).toBe(10 * MINUTE);
    expect(nextAfterSuccess(now, 10, 0.999999) - now).toBeLessThanOrEqual(11 * MINUTE);
    expect(nextAfterSuccess(now, 10, 0.999999) - now).toBeGreaterThan(10.9 * MINUTE);
  });

  it('backs off 1, 2, 4 … minutes, never more than an hour, and never before Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffMs)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((m) => m * MINUTE));
    const now = 0;
    expect(nextAfterFailure(now, 1, null, 0)).toBe(MINUTE);
    expect(nextAfterFailure(now, 1, 30 * MINUTE, 0)).toBe(30 * MINUTE);
    expect(nextAfterFailure(now, 7, 5 * MINUTE, 0)).toBe(60 * MINUTE);
  });
});

describe('the sync loop', () => {
  it('reads every feed on start, then each again at its interval, not before', async () => {
    const h = await openSync({ connections: [2, 1] });
    h.loop.start();
    await h.loop.idle();
    expect(h.feedIds.map(h.readsOf)).toEqual([1, 1, 1]);
    h.clock.advance(9 * MINUTE + 59_000);
    await h.loop.idle();
    expect(h.feedIds.map(h.readsOf)).toEqual([1, 1, 1]);
    h.clock.advance(1000);
    await h.loop.idle();
    expect(h.feedIds.map(h.readsOf)).toEqual([2, 2, 2]);
  });

  it('spreads reads with jitter inside ±10 % of the owner’s interval', async () => {
    for (const [random, minutes] of [
      [0, 9 * 15],
      [0.5, 10 * 15],
      [0.99, 11 * 15],
    ] as const) {
      const h = await openSync({ random });
      h.service.call('settings:saveSync', { intervalMinutes: 15 });
      h.loop.start();
      await h.loop.idle();
      const due = Date.parse(h.loop.status().connections[0]!.nextDueAt!) - h.clock.now().getTime();
      expect(Math.abs(due - (minutes / 10) * MINUTE)).toBeLessThan(MINUTE / 10);
    }
  });

  it('backs off exponentially while a partner fails, up to an hour, then returns to the interval after a success', async () => {
    const h = await openSync({ random: 0 });
    h.answer(failWith(500));
    h.loop.start();
    await h.loop.idle();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const [wait] = h.clock.pendingDelays();
      waits.push(wait!);
      h.clock.advance(wait!);
      await h.loop.idle();
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60].map((m) => m * MINUTE));
    expect(h.readsOf(h.feedIds[0]!)).toBe(9);
    h.answer(serveCalendar());
    h.clock.advance(60 * MINUTE);
    await h.loop.idle();
    expect(h.clock.pendingDelays()).toEqual([9 * MINUTE]);
    expect(h.loop.status().connections[0]!.state).toBe('ok');
  });

  it('honours Retry-After: no read before it, even on wake — but Sync now reads at once', async () => {
    const h = await openSync({ random: 0 });
    h.answer(failWith(429, { 'retry-after': '1800' }));
    h.loop.start();
    await h.loop.idle();
    expect(h.clock.pendingDelays()).toEqual([30 * MINUTE]);
    h.clock.advance(29 * MINUTE);
    h.loop.wake();
    await h.loop.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(1);
    h.answer(serveCalendar());
    const results = await h.loop.syncNow();
    expect(results.map((r) => r.outcome)).toEqual(['updated']);
    expect(h.readsOf(h.feedIds[0]!)).toBe(2);
  });

  it('keeps a partner’s Retry-After across a restart: the new loop does not read before it', async () => {
    const h = await openSync({ random: 0 });
    h.answer(failWith(503, { 'retry-after': '3600' }));
    h.loop.start();
    await h.loop.idle();
    await h.loop.close();
    h.answer(serveCalendar());
    const restarted = createSyncLoop(h.service, { clock: h.clock, random: () => 0 });
    restarted.start();
    await restarted.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(1);
    h.clock.advance(59 * MINUTE);
    restarted.wake();
    await restarted.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(1);
    h.clock.advance(MINUTE);
    await restarted.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(2);
    await restarted.close();
  });

  it('Sync now during backoff reads at once, for everything or for one connection', async () => {
    const h = await openSync({ connections: [1, 1], random: 0 });
    h.answer(failWith(503));
    h.loop.start();
    await h.loop.idle();
    h.answer(serveCalendar());
    await h.loop.syncNow(h.connectionIds[1]);
    expect(h.feedIds.map(h.readsOf)).toEqual([1, 2]);
    await h.loop.syncNow();
    expect(h.feedIds.map(h.readsOf)).toEqual([2, 3]);
    expect(h.loop.status().overall).toBe('inStep');
  });

  it('reads nothing while paused, even when due, remembers the pause across a restart, and reads at once on resume', async () => {
    const h = await openSync();
    h.loop.start();
    await h.loop.idle();
    h.loop.pause();
    expect(h.loop.status()).toMatchObject({ overall: 'paused', paused: true });
    h.clock.advance(3 * 60 * MINUTE);
    await h.loop.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(1);
    expect(h.service.call('settings:getSync')).toEqual({ intervalMinutes: 10, paused: true });

    // A restart (a new loop on the same data) starts paused and reads nothing.
    await h.loop.close();
    const restarted = createSyncLoop(h.service, { clock: h.clock });
    restarted.start();
    await restarted.idle();
    expect(restarted.status().overall).toBe('paused');
    expect(h.readsOf(h.feedIds[0]!)).toBe(1);
    restarted.resume();
    await restarted.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(2);
    expect(h.service.call('settings:getSync').paused).toBe(false);
    await restarted.close();
  });

  it('after a resume, the loop reads at once', async () => {
    const h = await openSync();
    h.loop.start();
    await h.loop.idle();
    h.loop.pause();
    h.loop.resume();
    await h.loop.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(2);
    expect(h.service.call('settings:getSync').paused).toBe(false);
  });

  it('on wake from sleep or network back, reads what is due without waiting for the timer', async () => {
    const h = await openSync({ connections: [2] });
    h.loop.start();
    await h.loop.idle();
    h.clock.advance(2 * MINUTE);
    h.loop.wake();
    await h.loop.idle();
    expect(h.feedIds.map(h.readsOf)).toEqual([2, 2]);
  });

  it('reads at most three feeds at once', async () => {
    const h = await openSync({ connections: [8] });
    let open = 0;
    let most = 0;
    h.answer((_req, res) => {
      open++;
      most = Math.max(most, open);
      setTimeout(() => {
        open--;
        serveCalendar()(_req, res);
      }, 40);
    });
    h.loop.start();
    await h.loop.idle();
    expect(h.feedIds.map(h.readsOf)).toEqual(Array(8).fill(1));
    expect(most).toBe(3);
  });

  it('stops cleanly mid-round: the reads under way finish and commit, no other starts', async () => {
    const h = await openSync({ connections: [6] });
    h.answer((req, res) => setTimeout(() => serveCalendar()(req, res), 150));
    h.loop.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await h.loop.stop();
    expect(h.requests).toHaveLength(3);
    const runs = h.service.db.prepare("SELECT outcome FROM sync_runs WHERE outcome = 'updated'").all();
    expect(runs).toHaveLength(3);
    // Each finished read committed its file whole.
    expect(h.service.call('reservations:list', {}).total).toBe(3);
    h.clock.advance(2 * 60 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.requests).toHaveLength(3);
  });

  it('says where it stands: syncing with progress, in step, failing with the reason', async () => {
    const h = await openSync({ connections: [2] });
    h.loop.start();
    expect(h.loop.status().overall).toBe('syncing');
    await h.loop.idle();
    expect(h.loop.status()).toMatchObject({ overall: 'inStep', connections: [{ state: 'ok', lastError: null }] });
    const progress = h.events.filter((e) => e.event === 'sync:progress').map((e) => e.payload);
    expect(progress).toContainEqual({ done: 2, total: 2 });
    const states = h.events.filter((e) => e.event === 'sync:status').map((e) => (e.payload as { overall: string }).overall);
    expect(states).toContain('syncing');
    expect(states[states.length - 1]).toBe('inStep');

    h.answer(failWith(500));
    await h.loop.syncNow();
    const status = h.loop.status();
    expect(status.overall).toBe('failing');
    expect(status.connections[0]).toMatchObject({ state: 'failing', lastError: { key: expect.stringMatching(/^feeds\.problem\./) } });
    expect(status.connections[0]!.failingSince).toBe(h.clock.now().toISOString());
  });

  it('alerts once when a partner refuses the link (403), and when a link has failed for more than six hours', async () => {
    const h = await openSync({ random: 0 });
    h.answer(failWith(403));
    h.loop.start();
    await h.loop.idle();
    await h.loop.syncNow();
    const kinds = () => h.service.call('alerts:list').map((a) => a.kind);
    expect(kinds()).toEqual(['partnerRefused']);
    h.answer(failWith(500));
    for (let hours = 0; hours < 6 * 60; ) {
      const [wait] = h.clock.pendingDelays();
      hours += wait! / MINUTE;
      h.clock.advance(wait!);
      await h.loop.idle();
    }
    expect(kinds()).toEqual(['feedFailing', 'partnerRefused']);
  });

  it('answers the sync calls through the service: status, Sync now, pause and resume, the interval setting', async () => {
    const h = await openSync();
    h.loop.start();
    await h.loop.idle();
    expect(h.service.call('sync:status').overall).toBe('inStep');
    h.service.call('sync:now', {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    await h.loop.idle();
    expect(h.readsOf(h.feedIds[0]!)).toBe(2);
    expect(h.service.call('sync:pause').overall).toBe('paused');
    expect(h.service.call('sync:resume').paused).toBe(false);
    expect(() => h.service.call('settings:saveSync', { intervalMinutes: 4 })).toThrow(/invalid_input/);
    expect(h.service.call('settings:getSync').intervalMinutes).toBe(10);
    expect(h.service.call('settings:saveSync', { intervalMinutes: 30 })).toEqual({ intervalMinutes: 30, paused: false });
  });

  it('refuses Sync now in words when no loop runs in this process', async () => {
    const h = await openSync();
    await h.loop.close();
    expect(() => h.service.call('sync:now')).toThrow(/errors\.syncUnavailable/);
    expect(h.service.call('sync:status').connections).toHaveLength(1);
  });

  it('keeps the record of reads for 90 days, pruning once a day between rounds', async () => {
    const h = await openSync();
    const insert = h.service.db.prepare(
      "INSERT INTO sync_runs (connection_id, feed_id, started_at, duration_ms, outcome) VALUES (?, ?, ?, 1, 'unchanged')",
    );
    const daysAgo = (days: number) => new Date(h.clock.now().getTime() - days * 24 * 60 * MINUTE).toISOString();
    insert.run(h.connectionIds[0], h.feedIds[0], daysAgo(91));
    insert.run(h.connectionIds[0], h.feedIds[0], daysAgo(89));
    const count = () => h.service.db.prepare('SELECT count(*) FROM sync_runs').pluck().get() as number;
    h.loop.start();
    await h.loop.idle();
    // The old run went, the recent one and this round's stayed.
    expect(count()).toBe(2);
    insert.run(h.connectionIds[0], h.feedIds[0], daysAgo(100));
    await h.loop.syncNow();
    // Not again the same day.
    expect(count()).toBe(4);
  });
});
