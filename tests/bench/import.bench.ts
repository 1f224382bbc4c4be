/**
 * `npm run bench -- import`: the whole import of a generated Airbnb-shaped feed (validate,
 * decode, prepare, parse, normalise, classify, reconcile, and the writes into a real SQLite
 * file: one file, one history row and one reference row per stay) against node-ical's bare
 * parse of the same bytes, measured in the same run. Every stay is upcoming, so a first read
 * creates them all: the heaviest case. Also the growth from 2,000 to 20,000 events (linear is
 * ×10) in time and in memory, and later reads of the big feed with one stay changed. The parse
 * and the import of the same bytes alternate, round after round, after a warm-up round; the
 * median of each, and their ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ical from 'node-ical';
import { createService, type Service } from '../../main/service';
import { insertConnection, insertFeed } from '../../main/db/channels';
import { daysOfNight, nightFromDays } from '../../main/ical/civilDays';
import { importFeed, type ImportResult } from '../../main/sync/importFeed';
import { alternate, collectGarbage, median, medianRatio, type BenchLine } from './run';

const NOW = new Date('2026-05-01T10:00:00.000Z');

function generate(count: number, changedAt = -1): Buffer {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN', 'CALSCALE:GREGORIAN', 'VERSION:2.0'];
  let day = daysOfNight('2026-05-02');
  for (let i = 0; i < count; i++) {
    const nights = 1 + (i % 6);
    // The changed stay keeps its arrival and ends a night later, into the gap before the next one.
    const end = day + nights + (i === changedAt ? 1 : 0);
    const basic = (d: number) => nightFromDays(d).replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      'DTSTAMP:20260501T080000Z',
      `DTSTART;VALUE=DATE:${basic(day)}`,
      `DTEND;VALUE=DATE:${basic(end)}`,
      `SUMMARY:${i % 4 === 3 ? 'Airbnb (Not available)' : 'Reserved'}`,
      `UID:${(0x1418fb94e984 + i).toString(16)}-${i}@airbnb.com`,
      ...(i % 4 === 3 ? [] : [`DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM${String(i).padStart(8, '0')}\\nPhone Number (Last 4 Digits): ${String(i % 10000).padStart(4, '0')}`]),
      'END:VEVENT',
    );
    day += nights + 1 + (i % 3);
  }
  lines.push('END:VCALENDAR');
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

interface Fresh {
  service: Service;
  dir: string;
  run(body: Buffer): Promise<ImportResult>;
}

function freshDatabase(): Fresh {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-bench-'));
  const service = createService({ dataDir: dir, now: () => NOW });
  const unit = service.call('units:create', { name: 'La Grange', capacity: 4, baseRateCents: 8500 });
  const connection = insertConnection(service.db, { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null }, NOW);
  const feed = insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: 'https://www.airbnb.com/calendar/ical/1.ics', importEnabled: true, exportEnabled: false, exportToken: null });
  return {
    service,
    dir,
    async run(body) {
      const result = await importFeed({ db: service.db, now: () => NOW, fetchFeed: async () => ({ kind: 'ok', status: 200, body, etag: null, lastModified: null }) }, feed.id);
      if (result.outcome !== 'updated') throw new Error(`bench import: ${result.outcome} ${result.problem?.key ?? ''}`);
      return result;
    },
  };
}

function dispose(fresh: Fresh): void {
  fresh.service.close();
  fs.rmSync(fresh.dir, { recursive: true, force: true });
}

function parseOnce(body: Buffer): number {
  const started = performance.now();
  const parsed = ical.sync.parseICS(body.toString('utf8'));
  const elapsed = performance.now() - started;
  if (Object.keys(parsed).length < 2) throw new Error('node-ical read nothing');
  return elapsed;
}

async function importOnce(body: Buffer): Promise<{ ms: number; heapMb: number }> {
  const fresh = freshDatabase();
  try {
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const started = performance.now();
    await fresh.run(body);
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { ms, heapMb: (peak - heapBefore) / 1048576 };
  } finally {
    dispose(fresh);
  }
}

/** A first read into a fresh database against node-ical's parse of the same bytes, in turn. */
async function measure(count: number, rounds: number) {
  const body = generate(count);
  const heap: number[] = [];
  const times = await alternate(
    {
      parse: () => {
        collectGarbage();
        return parseOnce(body);
      },
      ours: async () => {
        const run = await importOnce(body);
        heap.push(run.heapMb);
        return run.ms;
      },
    },
    rounds,
  );
  // The first heap figure is the warm-up round's.
  return { body, parse: median(times.parse), ours: median(times.ours), ratio: medianRatio(times.ours, times.parse), heap: median(heap.slice(1)) };
}

/**
 * Later reads of the big feed, each with one stay changed (its departure a night later, then
 * back): the files of the feed are all there, one is updated.
 */
async function rereads(count: number, rounds: number) {
  const fresh = freshDatabase();
  try {
    const bodies = [generate(count), generate(count, Math.floor(count / 2))] as const;
    if (bodies[0].equals(bodies[1])) throw new Error('bench import: the second read changes nothing');
    await fresh.run(bodies[0]);
    let next = 1;
    const times = await alternate(
      {
        parse: () => {
          collectGarbage();
          return parseOnce(bodies[next]!);
        },
        ours: async () => {
          const started = performance.now();
          const result = await fresh.run(bodies[next]!);
          const ms = performance.now() - started;
          if (result.counts.updated !== 1 || result.counts.created !== 0) throw new Error(`bench import: a read with one stay changed did ${JSON.stringify(result.counts)}`);
          next = 1 - next;
          return ms;
        },
      },
      rounds,
    );
    return { parse: median(times.parse), ours: median(times.ours), ratio: medianRatio(times.ours, times.parse) };
  } finally {
    dispose(fresh);
  }
}

export default async function importBench(): Promise<BenchLine[]> {
  const small = await measure(2_000, 7);
  const large = await measure(20_000, 7);
  const again = await rereads(20_000, 7);
  const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
  return [
    { name: `import 2000 events (${mb(small.body.length)} MB)`, figure: small.ours, unit: 'ms', ratio: small.ratio, baseline: `node-ical parse ${small.parse.toFixed(0)} ms` },
    { name: `import 20000 events (${mb(large.body.length)} MB)`, figure: large.ours, unit: 'ms', ratio: large.ratio, baseline: `node-ical parse ${large.parse.toFixed(0)} ms` },
    { name: 'import time growth 2000→20000 events', figure: large.ours / small.ours, unit: '×', ratio: large.ours / small.ours / 10, baseline: 'linear (×10)' },
    { name: 'import heap growth 2000→20000 events', figure: large.heap / small.heap, unit: '×', ratio: large.heap / small.heap / 10, baseline: `linear (×10); ${small.heap.toFixed(0)} → ${large.heap.toFixed(0)} MB peak` },
    { name: 'import 20000 events, later read with one stay changed', figure: again.ours, unit: 'ms', ratio: again.ratio, baseline: `node-ical parse ${again.parse.toFixed(0)} ms` },
  ];
}
