/**
 * Wires the loop to a service: reads through the real fetcher, events through the service's
 * bus, and the sync calls through the service. Headless mode, the desktop app and the `sync`
 * command all start it here.
 */
import type { ApiEventName } from '../../shared/api';
import type { SyncStatus } from '../../shared/sync';
import { createAlmaClient } from '../channels/alma/client';
import type { Service } from '../service';
import { createApiLoop } from './alma/apiLoop';
import { listApiConnectionHealth } from './alma/apiStatus';
import { systemClock, type Clock } from './clock';
import { createFeedFetcher, type FetchOptions } from './fetchFeed';
import { importFeed } from './importFeed';
import { createScheduler, type Scheduler } from './scheduler';
import { withApiConnections } from './syncStatus';

/** Events after which an API connection's outbox may hold new rows (the triggers wrote them in that commit). */
const OUTBOX_EVENTS: ReadonlySet<ApiEventName> = new Set(['availability:changed', 'units:changed', 'reservations:changed', 'connections:changed', 'property:changed']);

export interface SyncLoopOptions {
  clock?: Clock;
  fetch?: Partial<FetchOptions>;
  random?: () => number;
  maxConcurrent?: number;
  /** Alma Heritage's client: the deadline of one request (default the client's, 30 s). */
  alma?: { timeoutMs?: number };
}

export interface SyncLoop extends Scheduler {
  /** Stops the loop and releases its connections. */
  close(): Promise<void>;
}

export function createSyncLoop(service: Service, options: SyncLoopOptions = {}): SyncLoop {
  const clock = options.clock ?? systemClock;
  const fetcher = createFeedFetcher(options.fetch, () => clock.now());
  let lastStatusJson = '';
  // Both loops report through here: the page sees the calendars and the API connections as one status.
  // `feeds`: the calendars' part when the scheduler has just built it (not built a second time).
  const status = (feeds: SyncStatus = scheduler.status()) =>
    withApiConnections(feeds, listApiConnectionHealth(service.db, service.secrets, { running: apiLoop.running(), nextDue: apiLoop.nextDue }));
  const publishStatus = (feeds?: SyncStatus) => {
    const current = status(feeds);
    const json = JSON.stringify(current);
    if (json === lastStatusJson) return;
    lastStatusJson = json;
    service.publish({ event: 'sync:status', payload: current });
  };
  const scheduler: Scheduler = createScheduler({
    db: service.db,
    clock,
    importFeed: (feedId) => importFeed({ db: service.db, now: () => clock.now(), fetchFeed: fetcher, emit: (m) => service.publish(m) }, feedId),
    publish: (message) => (message.event === 'sync:status' ? publishStatus(message.payload as SyncStatus) : service.publish(message)),
    random: options.random,
    maxConcurrent: options.maxConcurrent,
  });
  const apiLoop = createApiLoop({
    db: service.db,
    clock,
    secrets: service.secrets,
    publish: (message) => service.publish(message),
    onStatusChange: publishStatus,
    random: options.random,
    createClient: (credentials) => createAlmaClient(credentials, { now: () => clock.now(), ...(options.alma?.timeoutMs === undefined ? {} : { timeoutMs: options.alma.timeoutMs }) }),
  });
  const unsubscribe = service.subscribe((message) => {
    if (OUTBOX_EVENTS.has(message.event)) apiLoop.changed();
  });
  const loop: Scheduler = {
    start() {
      scheduler.start();
      apiLoop.start();
    },
    async stop() {
      await Promise.all([scheduler.stop(), apiLoop.stop()]);
    },
    async syncNow(connectionId) {
      const [feeds] = await Promise.all([scheduler.syncNow(connectionId), apiLoop.syncNow(connectionId)]);
      return feeds;
    },
    wake() {
      scheduler.wake();
      apiLoop.wake();
    },
    pause() {
      scheduler.pause();
      apiLoop.pausedChanged();
      publishStatus();
    },
    resume() {
      scheduler.resume();
      apiLoop.pausedChanged();
      publishStatus();
    },
    status,
    async idle() {
      await Promise.all([scheduler.idle(), apiLoop.idle()]);
    },
  };
  service.attachSync(loop);
  let closing: Promise<void> | null = null;
  return {
    ...loop,
    close() {
      // Closing twice (a shutdown path and a signal) must not close the fetcher twice.
      closing ??= (async () => {
        unsubscribe();
        await loop.stop();
        service.attachSync(undefined);
        await fetcher.close();
      })();
      return closing;
    },
  };
}
