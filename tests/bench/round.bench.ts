/**
 * `npm run bench -- round`: what a sync round costs per feed when nothing changed, the case of
 * nearly every round. Two worlds side by side (tests/helpers/syncWorld.ts: a real SQLite file,
 * the real sync loop and import, a partner on 127.0.0.1): one with 30 feeds (3 connections × 10
 * rooms), one with a single feed. After a first round that imports every calendar, each read
 * sends the ETag back and the partner answers 304. Sync now on each world in turn; the figure
 * is the round of 30, the ratio against the round of one, and the second line the cost of each
 * feed beyond the first (reads run a few at a time, so it is less than a round of one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nightAt } from '../../shared/nights';
import { startSyncWorld, steadyFeeds, type SyncWorld } from '../helpers/syncWorld';
import { alternate, median, medianRatio, type BenchLine } from './run';

const FEEDS = 30;
const WARM_UP = 20;
const ROUNDS = 60;

interface World {
  world: SyncWorld;
  dir: string;
}

async function open(connections: number[]): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-bench-'));
  const world = await startSyncWorld({ connections }, dir);
  world.answer(steadyFeeds(nightAt(world.clock.now(), 'Europe/Paris'), '304'));
  return { world, dir };
}

/** One Sync now, checked: every feed read, with the expected outcome and status. */
async function round({ world }: World, outcome: 'updated' | 'unchanged', status: number): Promise<number> {
  const started = performance.now();
  const results = await world.loop.syncNow();
  const ms = performance.now() - started;
  const wrong = results.filter((r) => r.outcome !== outcome || r.httpStatus !== status);
  if (results.length !== world.feedIds.length || wrong.length > 0 || world.requests.length !== world.feedIds.length) {
    throw new Error(`bench round: expected ${world.feedIds.length} × ${outcome} ${status}, got ${results.map((r) => `${r.outcome} ${r.httpStatus ?? ''} ${r.message?.key ?? ''}`).join(', ')}`);
  }
  // What the world records for tests, forgotten: the bench keeps nothing from round to round.
  world.requests.length = 0;
  world.events.length = 0;
  return ms;
}

export default async function roundBench(): Promise<BenchLine[]> {
  const worlds: World[] = [];
  try {
    const thirty = await open([10, 10, 10]);
    worlds.push(thirty);
    const one = await open([1]);
    worlds.push(one);
    if (thirty.world.feedIds.length !== FEEDS) throw new Error(`bench round: ${thirty.world.feedIds.length} feeds`);
    await round(thirty, 'updated', 200);
    await round(one, 'updated', 200);
    const times = await alternate({ thirty: () => round(thirty, 'unchanged', 304), one: () => round(one, 'unchanged', 304) }, ROUNDS, WARM_UP);
    const roundOfThirty = median(times.thirty);
    const roundOfOne = median(times.one);
    const perFeed = (roundOfThirty - roundOfOne) / (FEEDS - 1);
    return [
      {
        name: `round of ${FEEDS} unchanged feeds answering 304`,
        figure: roundOfThirty,
        unit: 'ms',
        ratio: medianRatio(times.thirty, times.one),
        baseline: `a round of 1 feed at ${roundOfOne.toFixed(2)} ms`,
      },
      {
        name: 'round cost of each feed beyond the first (304)',
        figure: perFeed,
        unit: 'ms/feed',
        ratio: perFeed / roundOfOne,
        baseline: `a round of 1 feed at ${roundOfOne.toFixed(2)} ms`,
      },
    ];
  } finally {
    for (const { world, dir } of worlds) {
      await world.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
