/**
 * `npm run bench`: runs every tests/bench/*.bench.ts, each in a process of its own, and prints
 * one line per figure,
 *   bench <name>: <figure> <unit> (ratio <r> vs <baseline>)
 * Each benchmark measures its baseline in the same run, on the same machine, so the ratio
 * means something where absolute times do not: the two are run side by side (alternate), after a
 * warm-up, and the median kept. `npm run bench -- import` runs the ones whose file name contains
 * "import". Only the result lines go to stdout; anything else a bench says goes to stderr.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchLine {
  name: string;
  figure: number;
  unit: string;
  ratio: number;
  baseline: string;
}

export type Benchmark = () => Promise<BenchLine[]>;

/** The middle value (the upper one of an even count): what one run costs, a busy moment aside. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** The ratio of the medians: the two figures the line shows, divided. */
export function medianRatio(subject: readonly number[], baseline: readonly number[]): number {
  return median(subject) / median(baseline);
}

/**
 * Runs each measure in turn, round after round (the first `warmUp` rounds thrown away: JIT,
 * caches, connections), so that subject and baseline see the same machine; the samples of each.
 */
export async function alternate<K extends string>(measures: Record<K, () => number | Promise<number>>, rounds: number, warmUp = 1): Promise<Record<K, number[]>> {
  const names = Object.keys(measures) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const name of names) {
      const value = await measures[name]();
      if (round >= warmUp) samples[name].push(value);
    }
  }
  return samples;
}

/** A full collection (twice: what the first pass finalises, the second frees), when run with --expose-gc. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

export function formatLine(line: BenchLine): string {
  const figure = line.figure >= 100 ? line.figure.toFixed(0) : line.figure.toPrecision(3);
  // Two decimals, or two significant digits for a small ratio (0.0025 would show as 0.00).
  const ratio = line.ratio >= 0.1 ? line.ratio.toFixed(2) : line.ratio.toPrecision(2);
  return `bench ${line.name}: ${figure} ${line.unit} (ratio ${ratio} vs ${line.baseline})`;
}

/** Marks the child process that runs one bench file. */
const ONE = '--one';

async function runOne(file: string): Promise<void> {
  const module = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as { default: Benchmark };
  for (const line of await module.default()) console.log(formatLine(line));
}

async function main(): Promise<void> {
  if (process.argv[2] === ONE) return runOne(process.argv[3]!);
  const filter = process.argv[2] ?? '';
  const files = fs
    .readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  if (files.length === 0) throw new Error(`No benchmark in tests/bench matches "${filter}"`);
  const failed: string[] = [];
  for (const file of files) {
    // Each bench in a process of its own (same flags: tsx, --expose-gc): no heap, compiled code
    // or open handle left by the one before.
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ONE, file], { stdio: 'inherit' });
    if (child.status !== 0) failed.push(file);
  }
  if (failed.length > 0) throw new Error(`Benchmarks failed: ${failed.join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
