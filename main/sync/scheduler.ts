/**
 * The background sync loop (DESIGN §4, §7): each partner calendar read at the owner's interval
 * with jitter, a few at a time, backing off on failure, honouring Retry-After; a round on start,
 * on wake and when the network returns; pause and resume; Sync now. It keeps in memory only
 * what a restart may forget (when each feed is due, failures in a row): everything the owner
 * must not lose is written by the import, in its own transaction.
 */
import type { ApiEventMessage } from '../../shared/api';
import type { SyncStatus } from '../../shared/sync';
import type { Db } from '../db/connection';
import { hasOpenConflict, listFeedHealth, readFeedHealth, type FeedHealthRow } from '../db/syncHealth';
import { pruneSyncRuns } from '../db/syncRuns';
import { listPollableFeeds, readSyncSettings, setNextDue, writeSyncSettings } from '../db/syncSchedule';
import type { Clock, TimerHandle } from './clock';
import type { ImportResult } from './importFeed';
import { nextAfterFailure, nextAfterSuccess } from './pollTiming';
import { createSlots } from './slots';
import { buildSyncStatus } from './syncStatus';

export const DEFAULT_MAX_CONCURRENT = 3;
/** How long the record of each read is kept. */
export const SYNC_RUNS_KEPT_DAYS = 90;
const DAY_MS = 24 * 3600_000;

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  importFeed(feedId: number): Promise<ImportResult>;
  publish(message: ApiEventMessage): void;
  /** In [0, 1): jitter. Tests pass a fixed value. */
  random?: () => number;
  maxConcurrent?: number;
}

export interface FeedRoundResult {
  feedId: number;
  connectionId: number;
  outcome: ImportResult['outcome'];
  httpStatus: number | null;
  /** Why it failed, or what looked wrong (an i18n key and its values). */
  message: { key: string; params?: Record<string, string | number> } | null;
  counts: Record<string, number>;
}

export interface Scheduler {
  /** Starts the loop with a round now. */
  start(): void;
  /** No new reads; resolves once the reads under way have finished (each commits whole or not at all). */
  stop(): Promise<void>;
  /** Reads every feed (or one connection's) now, skipping waiting and backoff; resolves with what each read did. */
  syncNow(connectionId?: number): Promise<FeedRoundResult[]>;
  /** After sleep or when the network returns: reads what is due or failing, still honouring Retry-After. */
  wake(): void;
  pause(): void;
  resume(): void;
  status(): SyncStatus;
  /** Resolves when no read is under way. */
  idle(): Promise<void>;
}

interface FeedState {
  connectionId: number;
  failures: number;
  nextDue: number;
  /** A partner's Retry-After: nothing but Sync now reads before it. */
  retryAt: number | null;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const random = deps.random ?? Math.random;
  const slots = createSlots(deps.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  const feeds = new Map<number, FeedState>();
  const running = new Map<number, Promise<FeedRoundResult>>();
  let timer: TimerHandle | null = null;
  let started = false;
  let stopped = false;
  let paused = readSyncSettings(deps.db).paused;
  let lastRoundAt: string | null = null;
  let progress = { done: 0, total: 0 };
  let lastStatusJson = '';
  let lastPrunedAt = Number.NEGATIVE_INFINITY;
  /**
   * Every feed's stored health as last read whole. Within a round, the end of each read refreshes
   * only that feed's row: rereading all of them after every read made a round cost the square of
   * the feed count (tests/bench/round.bench.ts). Any other status (the page's, the round's end,
   * pause, resume) reads them all again.
   */
  let healthRows: FeedHealthRow[] = [];

  const now = () => deps.clock.now().getTime();

  function statusOf(rows: FeedHealthRow[]): SyncStatus {
    const nextDue = new Map([...feeds].map(([id, state]) => [id, state.nextDue]));
    return buildSyncStatus(rows, hasOpenConflict(deps.db), { paused, running: new Set(running.keys()), nextDue, lastRoundAt });
  }

  function status(): SyncStatus {
    healthRows = listFeedHealth(deps.db);
    return statusOf(healthRows);
  }

  /** After a read while others still run: the cached rows, with the feed just read fresh. */
  function statusAfterRead(feedId: number): SyncStatus {
    const fresh = readFeedHealth(deps.db, feedId);
    const at = healthRows.findIndex((row) => row.feedId === feedId);
    if (at >= 0 && fresh) healthRows[at] = fresh;
    else if (at >= 0) healthRows.splice(at, 1);
    // A feed the cache does not hold (added since): read them all, in their order.
    else if (fresh) return status();
    return statusOf(healthRows);
  }

  function publishStatus(afterReadOf?: number): void {
    const current = afterReadOf !== undefined && running.size > 0 ? statusAfterRead(afterReadOf) : status();
    const json = JSON.stringify(current);
    if (json === lastStatusJson) return;
    lastStatusJson = json;
    deps.publish({ event: 'sync:status', payload: current });
  }

  /** Brings the in-memory list in line with the database: new feeds are due now, removed ones forgotten. */
  function refreshFeeds(): void {
    const pollable = listPollableFeeds(deps.db);
    const ids = new Set(pollable.map((f) => f.feedId));
    for (const id of feeds.keys()) if (!ids.has(id)) feeds.delete(id);
    for (const { feedId, connectionId, nextDueAt, failing } of pollable) {
      if (feeds.has(feedId)) continue;
      // After a restart a failing feed keeps its planned wait: a partner's Retry-After or the
      // backoff outlives the process. Every other feed is read at once.
      const planned = failing && nextDueAt ? Date.parse(nextDueAt) : Number.NaN;
      const waiting = planned > now();
      feeds.set(feedId, { connectionId, failures: waiting ? 1 : 0, nextDue: waiting ? planned : now(), retryAt: waiting ? planned : null });
    }
  }

  function arm(): void {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    if (!started || stopped || paused) return;
    refreshFeeds();
    const waiting = [...feeds].filter(([id]) => !running.has(id)).map(([, state]) => state.nextDue);
    if (waiting.length === 0) return;
    const delay = Math.max(0, Math.min(...waiting) - now());
    timer = deps.clock.setTimeout(() => {
      timer = null;
      const due = [...feeds].filter(([id, state]) => !running.has(id) && state.nextDue <= now()).map(([id]) => id);
      void runFeeds(due);
    }, delay);
  }

  function record(feedId: number, result: ImportResult | null): void {
    const state = feeds.get(feedId);
    if (!state) return;
    const at = now();
    const ok = result !== null && (result.outcome === 'updated' || result.outcome === 'unchanged');
    if (ok) {
      state.failures = 0;
      state.retryAt = null;
      state.nextDue = nextAfterSuccess(at, readSyncSettings(deps.db).intervalMinutes, random());
    } else {
      state.failures += 1;
      state.retryAt = result?.retryAt ? Date.parse(result.retryAt) : null;
      state.nextDue = nextAfterFailure(at, state.failures, state.retryAt, random());
    }
    setNextDue(deps.db, feedId, new Date(state.nextDue));
  }

  async function readOne(feedId: number): Promise<FeedRoundResult> {
    const connectionId = feeds.get(feedId)?.connectionId ?? 0;
    await slots.acquire();
    let result: ImportResult | null = null;
    let failure: FeedRoundResult['message'] = null;
    try {
      // A stop or pause requested while this read waited for a slot: it does not start.
      if (stopped) return { feedId, connectionId, outcome: 'failed', httpStatus: null, message: { key: 'feeds.problem.stopped' }, counts: {} };
      result = await deps.importFeed(feedId);
    } catch (error) {
      // A bug or a database error: the import's transaction was rolled back; report, back off, go on.
      console.error(`Pigeonnier: reading feed ${feedId} failed`, error);
      failure = { key: 'feeds.problem.internal' };
    } finally {
      slots.release();
    }
    record(feedId, result);
    return {
      feedId,
      connectionId,
      outcome: result?.outcome ?? 'failed',
      httpStatus: result?.httpStatus ?? null,
      message: result?.problem ?? (result?.suspicious ? { key: 'feeds.warning.suspicious', params: result.suspicious } : failure),
      counts: result?.counts ?? {},
    };
  }

  function roundEnded(): void {
    lastRoundAt = deps.clock.now().toISOString();
    // Once a day, between rounds: the table of runs must not grow for ever.
    if (now() - lastPrunedAt >= DAY_MS) {
      lastPrunedAt = now();
      pruneSyncRuns(deps.db, new Date(now() - SYNC_RUNS_KEPT_DAYS * DAY_MS));
    }
  }

  async function runFeeds(feedIds: number[]): Promise<FeedRoundResult[]> {
    const fresh = feedIds.filter((id) => !running.has(id));
    // A read already under way for a feed is joined, not doubled.
    const joined = feedIds.filter((id) => running.has(id)).map((id) => running.get(id)!);
    if (running.size === 0) progress = { done: 0, total: 0 };
    progress.total += fresh.length;
    const started = fresh.map((feedId) => {
      const promise = readOne(feedId).finally(() => {
        running.delete(feedId);
        progress.done += 1;
        deps.publish({ event: 'sync:progress', payload: { ...progress } });
        if (running.size === 0) roundEnded();
        publishStatus(feedId);
        arm();
      });
      running.set(feedId, promise);
      return promise;
    });
    if (fresh.length > 0) {
      deps.publish({ event: 'sync:progress', payload: { ...progress } });
      publishStatus();
    }
    arm();
    return Promise.all([...started, ...joined]);
  }

  function notWaiting(): (state: FeedState) => boolean {
    const at = now();
    return (state) => state.retryAt === null || state.retryAt <= at;
  }

  function roundOf(filter: (state: FeedState) => boolean, connectionId?: number): Promise<FeedRoundResult[]> {
    refreshFeeds();
    const ids = [...feeds].filter(([, state]) => (connectionId === undefined || state.connectionId === connectionId) && filter(state)).map(([id]) => id);
    return runFeeds(ids);
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopped = false;
      // A round now, except for feeds a partner asked to wait (Retry-After kept across restarts).
      if (!paused) void roundOf(notWaiting());
      else publishStatus();
    },
    async stop() {
      stopped = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...running.values()]);
    },
    syncNow(connectionId) {
      if (stopped) return Promise.resolve([]);
      return roundOf(() => true, connectionId);
    },
    wake() {
      if (stopped || paused || !started) return;
      void roundOf(notWaiting());
    },
    pause() {
      paused = true;
      writeSyncSettings(deps.db, { paused: true });
      arm();
      publishStatus();
    },
    resume() {
      paused = false;
      writeSyncSettings(deps.db, { paused: false });
      publishStatus();
      if (started && !stopped) void roundOf(() => true);
    },
    status,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
