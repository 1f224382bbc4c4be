/**
 * Wires the loop to a service: reads through the real fetcher, events through the service's
 * bus, and the sync calls through the service. Headless mode, the desktop app and the `sync`
 * command all start it here.
 */
import type { Service } from '../service';
import { systemClock, type Clock } from './clock';
import { createFeedFetcher, type FetchOptions } from './fetchFeed';
import { importFeed } from './importFeed';
import { createScheduler, type Scheduler } from './scheduler';

export interface SyncLoopOptions {
  clock?: Clock;
  fetch?: Partial<FetchOptions>;
  random?: () => number;
  maxConcurrent?: number;
}

export interface SyncLoop extends Scheduler {
  /** Stops the loop and releases its connections. */
  close(): Promise<void>;
}

export function createSyncLoop(service: Service, options: SyncLoopOptions = {}): SyncLoop {
  const clock = options.clock ?? systemClock;
  const fetcher = createFeedFetcher(options.fetch, () => clock.now());
  const scheduler = createScheduler({
    db: service.db,
    clock,
    importFeed: (feedId) => importFeed({ db: service.db, now: () => clock.now(), fetchFeed: fetcher, emit: (m) => service.publish(m) }, feedId),
    publish: (message) => service.publish(message),
    random: options.random,
    maxConcurrent: options.maxConcurrent,
  });
  service.attachSync(scheduler);
  let closing: Promise<void> | null = null;
  return {
    ...scheduler,
    close() {
      // Closing twice (a shutdown path and a signal) must not close the fetcher twice.
      closing ??= (async () => {
        await scheduler.stop();
        service.attachSync(undefined);
        await fetcher.close();
      })();
      return closing;
    },
  };
}
