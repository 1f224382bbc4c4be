/**
 * The desktop app's feed server: outgoing feeds only, nothing else on that port. Loopback by
 * default; the owner's settings may open it to the network (DESIGN §6), so it is hardened like
 * anything facing the internet: bounded time for headers, for a request and for an idle
 * connection, and a cap on connections, so slow or stuck clients cannot hold it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFeedRequestHandler } from './feedRequests';
import type { FeedSource } from './feedSource';

export interface ServerLimits {
  /** A client must have sent its whole request head within this. */
  headersTimeoutMs: number;
  /** … and its whole request within this. */
  requestTimeoutMs: number;
  /** A connection that neither sends nor reads for this long is closed. */
  idleTimeoutMs: number;
  /** How long a kept-alive connection waits for its next request. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed at once. */
  maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 64,
};

/** A server with those limits. Node checks the header and request deadlines on a timer: it runs often enough for them to hold. */
export function createLimitedServer(limits: ServerLimits, listener: http.RequestListener): http.Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    listener,
  );
  server.timeout = limits.idleTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return server;
}

export interface FeedServerOptions {
  source: FeedSource;
  host: string;
  port: number;
  limits?: Partial<ServerLimits>;
}

export interface RunningFeedServer {
  server: http.Server;
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function startFeedServer(options: FeedServerOptions): Promise<RunningFeedServer> {
  // Every path but a served feed gets the feed handler's bare 404; every method but GET/HEAD its 405.
  const server = createLimitedServer({ ...DEFAULT_SERVER_LIMITS, ...options.limits }, createFeedRequestHandler(options.source));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    host: options.host,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
