/**
 * `npm run bench -- memory` (tsx --expose-gc): issue 5's "memory stays flat over many rounds".
 * A real SQLite file in a temp folder, 30 feeds (10 rooms × 3 channels) read from one partner on
 * 127.0.0.1 serving 30 paths, the real sync loop (createSyncLoop) driven by syncNow(), with a
 * listener on the service's events as the app's window would have. The heap after 1,000 rounds
 * of unchanged calendars against the heap after 10, both after a full garbage collection, in the
 * same process: once with the partner answering 304 to the conditional request, once with it
 * sending the same bytes again (200, recognised by their hash). Also the time of one round of
 * the 30 feeds against one round of a single feed, and the round time after 1,000 rounds
 * against after 10 (what grows with the history of runs).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { insertConnection, insertFeed } from '../../main/db/channels';
import { createService, type Service } from '../../main/service';
import { createSyncLoop, type SyncLoop } from '../../main/sync/syncLoop';
import type { BenchLine } from './run';

const FEEDS = 30;
const ROUNDS = 1_000;
const EARLY = 10;
/**
 * The heap is read after this many consecutive rounds and the least kept: even after two full
 * collections it varies by a few MB from one round to the next (bytecode flushed and compiled
 * again, sockets and buffers of the reads just done), with no trend over 3,000 rounds.
 */
const SAMPLES = 5;
const CHANNELS = [
  ['airbnb', 'Airbnb'],
  ['booking_com', 'Booking.com'],
  ['abritel', 'Abritel'],
] as const;

const gc = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('bench memory: run with --expose-gc (npm run bench -- memory)');
  // Twice: what the first pass finalises, the second frees.
  collect();
  collect();
};
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** An Airbnb-shaped calendar of a dozen stays from next month on. */
function calendarFor(index: number): Buffer {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN', 'CALSCALE:GREGORIAN'];
  const first = Math.floor(Date.now() / 86_400_000) + 30 + index;
  for (let i = 0; i < 12; i++) {
    const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const arrival = first + i * 9;
    lines.push('BEGIN:VEVENT', 'DTSTAMP:20260501T080000Z', `DTSTART;VALUE=DATE:${day(arrival)}`, `DTEND;VALUE=DATE:${day(arrival + 2 + (i % 4))}`);
    lines.push('SUMMARY:Reserved', `UID:room${index}-stay${i}@airbnb.com`, `DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM${String(index * 100 + i).padStart(8, '0')}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

interface Partner {
  url(index: number): string;
  /** '304': the validator is honoured; '200': the same bytes every time. */
  mode: '304' | '200';
  requests: number;
  close(): Promise<void>;
}

async function startPartner(): Promise<Partner> {
  const bodies = Array.from({ length: FEEDS }, (_, i) => calendarFor(i));
  const partner = { mode: '304', requests: 0 } as Partner;
  const server = http.createServer((req, res) => {
    partner.requests++;
    const index = Number(/^\/room(\d+)\.ics$/.exec(req.url ?? '')?.[1]);
    const body = bodies[index];
    if (!body) return void res.writeHead(404).end();
    const etag = `"room${index}-v1"`;
    if (partner.mode === '304' && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  partner.url = (index) => `${origin}/room${index}.ics`;
  partner.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return partner;
}

interface Setup {
  service: Service;
  loop: SyncLoop;
  dir: string;
  events: () => number;
  close(): Promise<void>;
}

function setUp(partner: Partner, feeds: number): Setup {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-bench-'));
  const service = createService({ dataDir: dir });
  const connections = CHANNELS.map(([channel, name]) =>
    insertConnection(service.db, { channel, name, kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null }, new Date()),
  );
  const rooms = Math.ceil(feeds / CHANNELS.length);
  const units = Array.from({ length: rooms }, (_, i) => service.call('units:create', { name: `Chambre ${i + 1}`, capacity: 2, baseRateCents: 8000 }));
  for (let i = 0; i < feeds; i++) {
    const connection = connections[i % CHANNELS.length]!;
    const unit = units[Math.floor(i / CHANNELS.length)]!;
    insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: partner.url(i), importEnabled: true, exportEnabled: false, exportToken: null });
  }
  // What the window or the headless bridge would do with the events: look, keep nothing.
  let events = 0;
  service.subscribe(() => void events++);
  const loop = createSyncLoop(service);
  return {
    service,
    loop,
    dir,
    events: () => events,
    async close() {
      await loop.close();
      service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function round(setup: Setup, expectedFeeds: number, outcome: 'updated' | 'unchanged', httpStatus = outcome === 'updated' ? 200 : 304): Promise<number> {
  const started = performance.now();
  const results = await setup.loop.syncNow();
  const ms = performance.now() - started;
  if (results.length !== expectedFeeds || results.some((r) => r.outcome !== outcome || r.httpStatus !== httpStatus)) {
    throw new Error(`bench memory: expected ${expectedFeeds} × ${outcome} ${httpStatus}, got ${results.map((r) => `${r.outcome} ${r.httpStatus ?? ''} ${r.message?.key ?? ''}`).join(', ')}`);
  }
  return ms;
}

interface Flatness {
  /** MB. */
  early: number;
  late: number;
  earlyRoundMs: number;
  lateRoundMs: number;
}

/** 1,000 unchanged rounds; heap after 10 and after 1,000, and the round time around each. */
async function flatness(partner: Partner, mode: Partner['mode']): Promise<Flatness> {
  partner.mode = mode;
  const setup = setUp(partner, FEEDS);
  try {
    await round(setup, FEEDS, 'updated');
    const times: number[] = [];
    const early: number[] = [];
    const late: number[] = [];
    const requestsBefore = partner.requests;
    for (let n = 2; n <= ROUNDS; n++) {
      times.push(await round(setup, FEEDS, 'unchanged', mode === '304' ? 304 : 200));
      if (n >= EARLY && n < EARLY + SAMPLES) early.push(heapMb());
      if (n > ROUNDS - SAMPLES) late.push(heapMb());
    }
    const requests = partner.requests - requestsBefore;
    if (requests !== (ROUNDS - 1) * FEEDS) throw new Error(`bench memory: ${requests} requests for ${ROUNDS - 1} rounds of ${FEEDS}`);
    // The loop announced its progress and status all along (to a listener that keeps nothing).
    if (setup.events() < ROUNDS) throw new Error(`bench memory: only ${setup.events()} events in ${ROUNDS} rounds`);
    return {
      early: Math.min(...early),
      late: Math.min(...late),
      earlyRoundMs: median(times.slice(EARLY, EARLY + 50)),
      lateRoundMs: median(times.slice(-50)),
    };
  } finally {
    await setup.close();
  }
}

/** One round of `feeds` feeds answering 304, median of 60 after 20 to warm up. */
async function roundTime(partner: Partner, feeds: number): Promise<number> {
  partner.mode = '304';
  const setup = setUp(partner, feeds);
  try {
    await round(setup, feeds, 'updated');
    for (let i = 0; i < 20; i++) await round(setup, feeds, 'unchanged');
    const times: number[] = [];
    for (let i = 0; i < 60; i++) times.push(await round(setup, feeds, 'unchanged'));
    return median(times);
  } finally {
    await setup.close();
  }
}

export default async function memoryBench(): Promise<BenchLine[]> {
  const partner = await startPartner();
  try {
    const one = await roundTime(partner, 1);
    const thirty = await roundTime(partner, FEEDS);
    const notModified = await flatness(partner, '304');
    const sameBytes = await flatness(partner, '200');
    const lines: BenchLine[] = [];
    for (const [label, run] of [
      ['304', notModified],
      ['200, same bytes', sameBytes],
    ] as const) {
      lines.push({
        name: `memory (${FEEDS} unchanged feeds, ${label})`,
        figure: run.late,
        unit: `MB heap after ${ROUNDS} rounds`,
        ratio: run.late / run.early,
        baseline: `after ${EARLY} rounds: ${run.early.toFixed(1)} MB; least of ${SAMPLES} rounds each`,
      });
      lines.push({
        name: `round time after ${ROUNDS} rounds (${label})`,
        figure: run.lateRoundMs,
        unit: 'ms',
        ratio: run.lateRoundMs / run.earlyRoundMs,
        baseline: `after ${EARLY} rounds: ${run.earlyRoundMs.toFixed(1)} ms`,
      });
    }
    lines.push({
      name: `round (${FEEDS} unchanged feeds answering 304)`,
      figure: thirty,
      unit: 'ms',
      ratio: thirty / one,
      baseline: `one feed: ${one.toFixed(2)} ms; ${((thirty - one) / (FEEDS - 1)).toFixed(2)} ms per extra feed`,
    });
    return lines;
  } finally {
    await partner.close();
  }
}
