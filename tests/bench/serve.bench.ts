/**
 * `npm run bench -- serve`: requests per second for a two-year outgoing feed from our feed
 * server, against a bare node:http server sending the same bytes with the same headers, in the
 * same run, with a few concurrent keep-alive clients in another thread. Also the 304 path
 * (If-None-Match), and the same feed built afresh on every request, to show what the cache
 * keyed on the database's change counter saves.
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
import type { BenchLine } from './run';

const CONNECTIONS = 4;
const DURATION_MS = 2_000;
const ROUNDS = 3;

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

/** Best of a few interleaved rounds for each server: what each can do, noise aside. */
async function compare(ours: number, baseline: number, urlPath: string, headers: Record<string, string>, status: number) {
  let best = { ours: 0, baseline: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    best = { baseline: Math.max(best.baseline, await load(baseline, urlPath, headers, status)), ours: Math.max(best.ours, await load(ours, urlPath, headers, status)) };
  }
  return best;
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

    const full = await compare(cached.port, baselinePort, urlPath, {}, 200);
    const notModified = await compare(cached.port, baselinePort, urlPath, { 'if-none-match': headers.etag! }, 304);
    const uncached = await load(fresh.port, urlPath, {}, 200);
    return [
      { name: `serve two-year feed 200 (${CONNECTIONS} clients)`, figure: full.ours, unit: 'req/s', ratio: full.ours / full.baseline, baseline: `${label} at ${full.baseline.toFixed(0)} req/s` },
      { name: `serve two-year feed 304 (${CONNECTIONS} clients)`, figure: notModified.ours, unit: 'req/s', ratio: notModified.ours / notModified.baseline, baseline: `bare node:http 304 at ${notModified.baseline.toFixed(0)} req/s` },
      { name: 'serve two-year feed built on every request', figure: uncached, unit: 'req/s', ratio: uncached / full.baseline, baseline: `${label} at ${full.baseline.toFixed(0)} req/s` },
    ];
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    if (baseline) await new Promise((resolve) => baseline!.close(resolve));
    service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
