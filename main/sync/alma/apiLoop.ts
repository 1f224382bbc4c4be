/**
 * The loop of API connections (Alma Heritage), beside the calendar scheduler and driven by the
 * same clock, so tests never sleep. For each active or paused connection with credentials (a
 * paused one sells nothing but still reads its bookings: apiRound.ts), and each removed one
 * still owing the partner a close-out:
 * - push as soon as the outbox has due rows: woken by the service's events after each commit
 *   (debounced, so a burst of edits is one push), and by a periodic check that also sees writes
 *   from another process and each new day's horizon night;
 * - pull every PULL_INTERVAL_MS, and on start, Sync now, wake and resume;
 * - after a failure, nothing before the connection's retry time (backoff or Retry-After, kept in
 *   the database across restarts); refused credentials stop it until the owner changes them;
 *   a partner error about some rows only backs those rows off (next_attempt_at);
 * - a round that throws (a bug, a database error) is recorded as the connection's failure
 *   (alma.sync.internal) and the connection rests ERROR_REST_MS.
 * A paused loop (the owner's "pause sync") sends nothing: the changes keep queuing in the outbox.
 */
import type { ApiEventMessage } from '../../../shared/api';
import type { AlmaClient } from '../../channels/alma/client';
import { credentialsRevisionOf, readAlmaCredentials, type AlmaCredentials } from '../../channels/alma/credentials';
import { clearApiRetry, getApiSyncConnection, listApiSyncConnections, readApiSyncState, recordApiFailure, type ApiSyncConnection } from '../../db/apiSyncState';
import type { Db } from '../../db/connection';
import { listClosingConnections, makeOutboxDue, nextOutboxDueAt, type OutboxScope } from '../../db/outbox';
import { readSyncSettings } from '../../db/syncSchedule';
import type { SecretStore } from '../../secrets';
import type { Clock, TimerHandle } from '../clock';
import { MINUTE_MS } from '../pollTiming';
import { runApiRound, type RoundRequest, type RoundResult } from './apiRound';

/** What each status may send (apiRound.ts): a paused connection's rates and restrictions wait, so they must not wake the loop. */
const OUTBOX_SCOPE: Record<ApiSyncConnection['status'], OutboxScope> = { active: 'all', paused: 'stock', removed: 'closeOuts' };

/** A burst of edits (a range of nights, a form saved field by field) goes out as one push. */
export const PUSH_DEBOUNCE_MS = 1_000;
/** How often the loop looks at the database even when nothing told it to (another process wrote, a day began). */
export const CHECK_INTERVAL_MS = 30_000;
export const PULL_INTERVAL_MS = 2 * MINUTE_MS;
/** After a round threw (a bug, a database error), the connection rests this long. */
export const ERROR_REST_MS = MINUTE_MS;

export interface ApiLoopDeps {
  db: Db;
  clock: Clock;
  secrets: SecretStore;
  publish(message: ApiEventMessage): void;
  /** Called when a round starts or ends: the status may have changed. */
  onStatusChange?(): void;
  random?: () => number;
  createClient?: (credentials: AlmaCredentials) => AlmaClient;
}

export interface ApiLoop {
  start(): void;
  /** No new rounds; resolves once the rounds under way have ended. */
  stop(): Promise<void>;
  /** Something was committed that may have queued changes: push soon. */
  changed(): void;
  /** Every connection (or one) now, skipping backoff (not refused credentials): push and pull. */
  syncNow(connectionId?: number): Promise<RoundResult[]>;
  /** After sleep or when the network returns: backoff is skipped, a partner's Retry-After is not. */
  wake(): void;
  /** The loop's pause setting changed (the scheduler stores it). */
  pausedChanged(): void;
  running(): ReadonlySet<number>;
  nextDue(connectionId: number): number | null;
  /** Resolves when no round is under way. */
  idle(): Promise<void>;
}

export function createApiLoop(deps: ApiLoopDeps): ApiLoop {
  const random = deps.random ?? Math.random;
  const running = new Map<number, Promise<RoundResult>>();
  const nextPullAt = new Map<number, number>();
  const restUntil = new Map<number, number>();
  const planned = new Map<number, number>();
  let timer: TimerHandle | null = null;
  let debounce: TimerHandle | null = null;
  let started = false;
  let stopped = false;

  const now = () => deps.clock.now().getTime();
  const paused = () => readSyncSettings(deps.db).paused;
  /** Every connection with something to do: active and paused ones, and removed ones owing a close-out. */
  const connections = (): ApiSyncConnection[] => [
    ...listApiSyncConnections(deps.db),
    ...listClosingConnections(deps.db).flatMap((id) => getApiSyncConnection(deps.db, id) ?? []),
  ];

  /** Why a connection must not be called now, automatically: retry time, refused or missing credentials. */
  function waitUntil(connectionId: number): number | 'blocked' {
    const credentials = readAlmaCredentials(deps.db, deps.secrets, connectionId);
    if (credentials === null) return 'blocked';
    const state = readApiSyncState(deps.db, connectionId);
    if (state.lastError?.stopped && state.lastError.credentialsRevision === credentialsRevisionOf(deps.db, connectionId)) return 'blocked';
    const retry = state.retryAt === null ? 0 : Date.parse(state.retryAt);
    return Math.max(retry, restUntil.get(connectionId) ?? 0);
  }

  function round(connectionId: number, request: RoundRequest): Promise<RoundResult> {
    const previous = running.get(connectionId);
    const go = async (): Promise<RoundResult> => {
      const at = now();
      try {
        const result = await runApiRound({ db: deps.db, secrets: deps.secrets, now: () => deps.clock.now(), random, createClient: deps.createClient, publish: deps.publish }, connectionId, request);
        if (request.pull && result.outcome === 'ok') nextPullAt.set(connectionId, at + PULL_INTERVAL_MS);
        return result;
      } catch (error) {
        console.error(`Pigeonnier: the exchange with API connection ${connectionId} failed`, error);
        restUntil.set(connectionId, now() + ERROR_REST_MS);
        const message = { key: 'alma.sync.internal' };
        try {
          // Recorded like any failure, so the status shows the connection failing, and when it tries again.
          recordApiFailure(deps.db, connectionId, message, () => new Date(now() + ERROR_REST_MS), deps.clock.now());
        } catch (recordError) {
          console.error(`Pigeonnier: could not record the failure of API connection ${connectionId}`, recordError);
        }
        return { connectionId, outcome: 'failed', pushed: 0, stored: 0, acknowledged: 0, message };
      }
    };
    // One round at a time per connection: a request during a round runs after it.
    const promise = (previous ? previous.then(go, go) : go()).finally(() => {
      if (running.get(connectionId) === promise) running.delete(connectionId);
      deps.onStatusChange?.();
      arm();
    });
    running.set(connectionId, promise);
    deps.onStatusChange?.();
    return promise;
  }

  function runDue(): void {
    if (!started || stopped || paused()) return;
    const at = now();
    for (const connection of connections()) {
      if (running.has(connection.id)) continue;
      const wait = waitUntil(connection.id);
      if (wait === 'blocked' || wait > at) continue;
      const outbox = nextOutboxDueAt(deps.db, connection.id, OUTBOX_SCOPE[connection.status]);
      const push = outbox.any && (outbox.dueAt === null || Date.parse(outbox.dueAt) <= at);
      // A removed connection reads once more with its close-outs (bookings made before them).
      const pull = connection.status === 'removed' || (nextPullAt.get(connection.id) ?? 0) <= at;
      if (push || (pull && connection.status !== 'removed')) void round(connection.id, { push: true, pull });
    }
    arm();
  }

  /** Plans the next look: the earliest pull, retry or due row, and at most CHECK_INTERVAL_MS away. */
  function arm(): void {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    planned.clear();
    if (!started || stopped || paused()) return;
    const at = now();
    const all = connections();
    // No API connection: no timer at all (a new one announces itself with 'connections:changed').
    if (all.length === 0) return;
    let next = at + CHECK_INTERVAL_MS;
    for (const connection of all) {
      if (running.has(connection.id)) continue;
      const wait = waitUntil(connection.id);
      if (wait === 'blocked') continue;
      const outbox = nextOutboxDueAt(deps.db, connection.id, OUTBOX_SCOPE[connection.status]);
      const rowsDue = outbox.any ? (outbox.dueAt === null ? at : Date.parse(outbox.dueAt)) : Number.POSITIVE_INFINITY;
      const pullDue = connection.status === 'removed' ? Number.POSITIVE_INFINITY : (nextPullAt.get(connection.id) ?? at);
      const when = Math.max(wait, Math.min(rowsDue, pullDue));
      planned.set(connection.id, when);
      next = Math.min(next, when);
    }
    timer = deps.clock.setTimeout(() => {
      timer = null;
      runDue();
    }, Math.max(0, next - at));
  }

  /** Backoff (not a partner's Retry-After, not refused credentials) is skipped: the rows go now. */
  function skipBackoff(connectionId: number, evenPartnerWait: boolean): void {
    const state = readApiSyncState(deps.db, connectionId);
    if (state.lastError?.stopped) return;
    if (state.lastError?.partnerWait && !evenPartnerWait) return;
    clearApiRetry(deps.db, connectionId);
    makeOutboxDue(deps.db, connectionId);
    restUntil.delete(connectionId);
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopped = false;
      runDue();
    },
    async stop() {
      stopped = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      if (debounce !== null) deps.clock.clearTimeout(debounce);
      timer = null;
      debounce = null;
      await Promise.allSettled([...running.values()]);
    },
    changed() {
      if (!started || stopped || debounce !== null) return;
      // Without an API connection there is nothing to push: no timer to wait on.
      if (connections().length === 0) return;
      debounce = deps.clock.setTimeout(() => {
        debounce = null;
        runDue();
      }, PUSH_DEBOUNCE_MS);
    },
    async syncNow(connectionId) {
      if (stopped) return [];
      const targets = connections().filter((c) => connectionId === undefined || c.id === connectionId);
      return Promise.all(
        targets.map((c) => {
          skipBackoff(c.id, true);
          return round(c.id, { push: true, pull: true });
        }),
      );
    },
    wake() {
      if (!started || stopped) return;
      for (const c of connections()) {
        skipBackoff(c.id, false);
        nextPullAt.set(c.id, 0);
      }
      runDue();
    },
    pausedChanged() {
      // Resumed: a pull at once, like the calendars' round on resume. Paused: runDue only disarms.
      if (!paused()) for (const id of nextPullAt.keys()) nextPullAt.set(id, 0);
      runDue();
      if (paused()) arm();
    },
    running: () => new Set(running.keys()),
    nextDue: (connectionId) => planned.get(connectionId) ?? null,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
