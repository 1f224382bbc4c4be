/**
 * `npm run bench -- memory` (tsx --expose-gc): issue 5's "memory stays flat over many rounds".
 * The world of tests/helpers/syncWorld.ts (a real SQLite file in a temp folder, the real sync
 * loop driven by Sync now, a partner on 127.0.0.1), with 30 feeds (3 connections × 10 rooms) and
 * a listener on the service's events as the app's window would have. The heap after 1,000 rounds
 * of unchanged calendars against the heap after 10, both after a full garbage collection, in the
 * same process: once with the partner answering 304 to the conditional request, once with it
 * sending the same bytes again (200, recognised by their hash). Also the round time after 1,000
 * rounds against after 100 (what grows with the history of runs). The cost of a round per feed
 * is round.bench.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nightAt } from '../../shared/nights';
import { startSyncWorld, steadyFeeds, type SyncWorld } from '../helpers/syncWorld';
import { median, type BenchLine } from './run';

const FEEDS = 30;
const ROUNDS = 1_000;
const EARLY = 10;
/** Round times are compared from here on: the first hundred rounds are the JIT warming up (they run 2 to 3 times slower). */
const WARM = 100;
/**
 * The heap is read after this many consecutive rounds and the least kept: even after two full
 * collections it varies by a few MB from one round to the next (bytecode flushed and compiled
 * again, sockets and buffers of the reads just done), with no trend over 3,000 rounds.
 */
const SAMPLES = 5;

const heapMb = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('bench memory: run with --expose-gc (npm run bench -- memory)');
  // Twice: what the first pass finalises, the second frees.
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1048576;
};

interface Counted {
  world: SyncWorld;
  requests: number;
  events: number;
}

/** One Sync now, checked; what the world recorded for tests is counted, then forgotten (the bench must keep nothing). */
async function round(counted: Counted, outcome: 'updated' | 'unchanged', httpStatus: number): Promise<number> {
  const { world } = counted;
  const started = performance.now();
  const results = await world.loop.syncNow();
  const ms = performance.now() - started;
  if (results.length !== FEEDS || results.some((r) => r.outcome !== outcome || r.httpStatus !== httpStatus)) {
    throw new Error(`bench memory: expected ${FEEDS} × ${outcome} ${httpStatus}, got ${results.map((r) => `${r.outcome} ${r.httpStatus ?? ''} ${r.message?.key ?? ''}`).join(', ')}`);
  }
  counted.requests += world.requests.length;
  counted.events += world.events.length;
  world.requests.length = 0;
  world.events.length = 0;
  return ms;
}

interface Flatness {
  /** MB. */
  early: number;
  late: number;
  earlyRoundMs: number;
  lateRoundMs: number;
}

/** 1,000 unchanged rounds of 30 feeds (3 connections × 10 rooms); heap after 10 and after 1,000, and the round time around each. */
async function flatness(mode: '304' | '200'): Promise<Flatness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-bench-'));
  const world = await startSyncWorld({ connections: [10, 10, 10] }, dir);
  try {
    world.answer(steadyFeeds(nightAt(world.clock.now(), 'Europe/Paris'), mode));
    const counted: Counted = { world, requests: 0, events: 0 };
    await round(counted, 'updated', 200);
    const times: number[] = [];
    const early: number[] = [];
    const late: number[] = [];
    const requestsBefore = counted.requests;
    for (let n = 2; n <= ROUNDS; n++) {
      times.push(await round(counted, 'unchanged', mode === '304' ? 304 : 200));
      if (n >= EARLY && n < EARLY + SAMPLES) early.push(heapMb());
      if (n > ROUNDS - SAMPLES) late.push(heapMb());
    }
    const requests = counted.requests - requestsBefore;
    if (requests !== (ROUNDS - 1) * FEEDS) throw new Error(`bench memory: ${requests} requests for ${ROUNDS - 1} rounds of ${FEEDS}`);
    // The loop announced its progress and status all along (to a listener that keeps nothing).
    if (counted.events < ROUNDS) throw new Error(`bench memory: only ${counted.events} events in ${ROUNDS} rounds`);
    return {
      early: Math.min(...early),
      late: Math.min(...late),
      earlyRoundMs: median(times.slice(WARM, WARM + 50)),
      lateRoundMs: median(times.slice(-50)),
    };
  } finally {
    await world.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function memoryBench(): Promise<BenchLine[]> {
  const notModified = await flatness('304');
  const sameBytes = await flatness('200');
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
      baseline: `after ${WARM} rounds: ${run.earlyRoundMs.toFixed(1)} ms`,
    });
  }
  return lines;
}
