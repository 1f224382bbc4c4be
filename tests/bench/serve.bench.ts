/**
 * `npm run bench -- serve`: requests per second for a two-year outgoing feed from our feed
 * server, against a bare node:http server sending the same bytes with the same headers, with a
 * few concurrent keep-alive clients in another thread. Also the 304 path (If-None-Match), and
 * the same feed built afresh on every request, to show what the cache keyed on the database's
 * change counter saves. Every server is loaded in turn, round after round, after a warm-up
 * round; the median of each, and their ratio.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { addDays, nightAt } from '../../shared/nights';
import { feedPath } from '../../shared/outgoingFeeds';
import { newFeedToken } from '../../main/channels/feedToken';
import { insertConnection, insertFeed } from '../../main/db/channels';
import { startFeedServer, type RunningFeedServer } from '../../main/server/feedServer';
import { createFeedSource } from '../../main/server/feedSource';
import { createService, type Service } from '../../main/service';
import { alternate, median, medianRatio, type BenchLine } from './run';

const CONNECTIONS = 4;
const DURATION_MS = 1_500;
const ROUNDS = 5;

/** A unit booked every few days for two years: a feed of about 150 events. */
function seed(service: Service): string {
  const unit = service.call('units:create', { name: 'Chambre Lavande', capacity: 2, baseRateCents: 8500 });
  const today = nightAt(service.now(), 'Europe/Paris');
  for (let day = 1; day < 720; day += 5) {
    const arrival = addDays(today, day);
    service.call('reservations:create', { unitId: unit.id, arrival, departure: addDays(arrival, 2 + (day % 3)), guests: 2, guestName: `Guest ${day}` });
  }
  const connection = insertConnection(
    service.db,
    { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
    service.now(),
  );
  const token = newFeedToken();
  insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: null, importEnabled: false, exportEnabled: true, exportToken: token });
  return token;
}

/** The baseline: the same bytes and headers from memory, and the same 304 test. */
async function startStatic(body: Buffer, headers: http.IncomingHttpHeaders): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const common = { etag: headers.etag!, 'last-modified': headers['last-modified']!, 'cache-control': 'no-cache' };
    if (req.headers['if-none-match'] === headers.etag) {
      res.writeHead(304, common).end();
      return;
    }
    res.writeHead(200, { ...common, 'content-type': 'text/calendar; charset=utf-8', 'content-length': String(body.length), 'x-content-type-options': 'nosniff' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function load(port: number, urlPath: string, headers: Record<string, string>, expectStatus: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./httpLoad.worker.mjs', import.meta.url), {
      workerData: { origin: `http://127.0.0.1:${port}`, path: urlPath, headers, connections: CONNECTIONS, durationMs: DURATION_MS, expectStatus },
    });
    worker.once('message', (result: { completed: number; wrong: number; elapsedMs: number }) => {
      if (result.wrong > 0) reject(new Error(`${result.wrong} answers were not ${expectStatus}`));
      else resolve((result.completed * 1000) / result.elapsedMs);
    });
    worker.once('error', reject);
  });
}

async function fetchOnce(port: number, urlPath: string): Promise<{ body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
      })
      .on('error', reject);
  });
}

export default async function bench(): Promise<BenchLine[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-bench-'));
  const service = createService({ dataDir });
  const servers: RunningFeedServer[] = [];
  let baseline: http.Server | null = null;
  try {
    const token = seed(service);
    const urlPath = feedPath(token);
    const cached = await startFeedServer({ source: createFeedSource(service.db, service.now), host: '127.0.0.1', port: 0 });
    const fresh = await startFeedServer({ source: createFeedSource(service.db, service.now, { cache: false }), host: '127.0.0.1', port: 0 });
    servers.push(cached, fresh);
    const { body, headers } = await fetchOnce(cached.port, urlPath);
    baseline = await startStatic(body, headers);
    const baselinePort = (baseline.address() as AddressInfo).port;
    const label = `bare node:http, same ${(body.length / 1024).toFixed(0)} KB`;

    const ifNoneMatch = { 'if-none-match': headers.etag! };
    const rps = await alternate(
      {
        bare200: () => load(baselinePort, urlPath, {}, 200),
        ours200: () => load(cached.port, urlPath, {}, 200),
        built200: () => load(fresh.port, urlPath, {}, 200),
        bare304: () => load(baselinePort, urlPath, ifNoneMatch, 304),
        ours304: () => load(cached.port, urlPath, ifNoneMatch, 304),
      },
      ROUNDS,
    );
    const bare200 = `${label} at ${median(rps.bare200).toFixed(0)} req/s`;
    return [
      { name: `serve two-year feed 200 (${CONNECTIONS} clients)`, figure: median(rps.ours200), unit: 'req/s', ratio: medianRatio(rps.ours200, rps.bare200), baseline: bare200 },
      {
        name: `serve two-year feed 304 (${CONNECTIONS} clients)`,
        figure: median(rps.ours304),
        unit: 'req/s',
        ratio: medianRatio(rps.ours304, rps.bare304),
        baseline: `bare node:http 304 at ${median(rps.bare304).toFixed(0)} req/s`,
      },
      { name: 'serve two-year feed built on every request', figure: median(rps.built200), unit: 'req/s', ratio: medianRatio(rps.built200, rps.bare200), baseline: bare200 },
    ];
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    if (baseline) await new Promise((resolve) => baseline!.close(resolve));
    service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
