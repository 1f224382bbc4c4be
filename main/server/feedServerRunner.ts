/**
 * Keeps the desktop app's feed server where the owner's settings say: started with the app,
 * moved when the settings change its port or interface, stopped with the app. A port already
 * taken is reported, not fatal: the rest of the app works, and the owner can choose another.
 */
import { createFeedSource } from './feedSource';
import { startFeedServer, type RunningFeedServer, type ServerLimits } from './feedServer';
import type { Service } from '../service';

export interface FeedServerRunner {
  /** Settles once the server listens where the settings said (or failed to). */
  settled(): Promise<void>;
  /** The running server, null while it could not listen. */
  current(): RunningFeedServer | null;
  lastError(): Error | null;
  close(): Promise<void>;
}

export function runFeedServer(service: Service, limits?: Partial<ServerLimits>): FeedServerRunner {
  const source = createFeedSource(service.db, service.now);
  let running: RunningFeedServer | null = null;
  let error: Error | null = null;
  let closed = false;
  // Moves happen one after another, in the order the settings changed.
  let queue: Promise<void> = Promise.resolve();

  const apply = async () => {
    if (closed) return;
    const { host, port } = service.call('settings:getFeedServer');
    if (running && running.host === host && running.port === port) return;
    await running?.close();
    running = null;
    try {
      const started = await startFeedServer({ source, host, port, limits });
      // Closed while it was starting: it must not outlive the app.
      if (closed) await started.close();
      else running = started;
      error = null;
    } catch (failure) {
      error = failure as Error;
      console.error(`Pigeonnier: the feed server cannot listen on ${host}:${port}`, failure);
    }
  };
  const schedule = () => {
    queue = queue.then(apply).catch((failure: unknown) => console.error('Pigeonnier: moving the feed server failed', failure));
  };

  const unsubscribe = service.subscribe((message) => {
    if (message.event === 'feeds:changed') schedule();
  });
  schedule();

  return {
    settled: () => queue,
    current: () => running,
    lastError: () => error,
    async close() {
      closed = true;
      unsubscribe();
      // Stops accepting at once (the caller may close the database right after), then waits.
      const stopping = running?.close();
      running = null;
      await Promise.all([stopping, queue]);
    },
  };
}
