/**
 * Headless mode: the same service, its HTTP bridge and the built page, on one port, without
 * Electron. For an always-on machine (or a browser on the owner's laptop).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { backupIfDue } from './db/backups';
import { handleAdminApi } from './server/adminApi';
import { loadOrCreateAdminToken } from './server/adminToken';
import { createFeedRequestHandler, isFeedRequest } from './server/feedRequests';
import { createFeedSource } from './server/feedSource';
import { createLimitedServer, DEFAULT_SERVER_LIMITS } from './server/feedServer';
import { defaultRendererDir, staticPage } from './server/staticFiles';
import { createService, type Service } from './service';
import { createSyncLoop, type SyncLoop, type SyncLoopOptions } from './sync/syncLoop';

export const DEFAULT_PORT = 4780;
export const DEFAULT_HOST = '127.0.0.1';

export interface HeadlessOptions {
  dataDir: string;
  port?: number;
  host?: string;
  rendererDir?: string;
  now?: () => Date;
  /** The sync loop's options, or false for none (it runs by default, as in the desktop app). */
  sync?: SyncLoopOptions | false;
}

export interface Headless {
  service: Service;
  server: http.Server;
  sync: SyncLoop | null;
  port: number;
  host: string;
  /** The page's address with the admin token: what the owner opens. */
  adminUrl: string;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  // A wildcard address is not something a browser can open; loopback reaches it from here.
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startHeadless(options: HeadlessOptions): Promise<Headless> {
  const host = options.host ?? DEFAULT_HOST;
  const token = loadOrCreateAdminToken(options.dataDir);
  let listening = '';
  // Links name this server unless the owner set a public address.
  const service = createService({ dataDir: options.dataDir, now: options.now, feedLinkBase: () => listening });
  backupIfDue(service.db, { dir: path.join(options.dataDir, 'backups'), now: service.now() });
  const page = staticPage(options.rendererDir ?? defaultRendererDir());
  const feeds = createFeedRequestHandler(createFeedSource(service.db, service.now));

  // A slow or stuck client cannot hold the server: bounded headers, requests, idle time and
  // connections. The event stream stays alive by its 25 s keepalive, well inside the idle limit.
  const limits = { ...DEFAULT_SERVER_LIMITS, idleTimeoutMs: 60_000, maxConnections: 128 };
  const server = createLimitedServer(limits, (req, res) => {
    // Partners' fetches carry only the feed's own token, so they are served before the admin check.
    if (isFeedRequest(req.url)) return feeds(req, res);
    handleAdminApi(service, token, req, res)
      .then((handled) => {
        if (handled) return;
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { allow: 'GET, HEAD' }).end();
          return;
        }
        page(req, res);
      })
      .catch((error: unknown) => {
        console.error('Pigeonnier: request failed', error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
    });
  } catch (error) {
    service.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  listening = `http://${urlHost(host)}:${port}`;
  const sync = options.sync === false ? null : createSyncLoop(service, options.sync);
  sync?.start();
  return {
    service,
    server,
    sync,
    port,
    host,
    adminUrl: `http://${urlHost(host)}:${port}/?token=${token}`,
    async close() {
      // Reads under way finish (each commits whole) before the database closes.
      await sync?.close();
      // Event streams never end on their own: close them so `close` can finish.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      service.close();
    },
  };
}
