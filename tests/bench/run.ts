/**
 * `npm run bench`: runs every tests/bench/*.bench.ts and prints one line per figure,
 *   bench <name>: <figure> <unit> (ratio <r> vs <baseline>)
 * Each benchmark measures its baseline in the same run, on the same machine, so the ratio
 * means something where absolute times do not. `npm run bench -- import` runs the ones whose
 * file name contains "import".
 */
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

export function formatLine(line: BenchLine): string {
  const figure = line.figure >= 100 ? line.figure.toFixed(0) : line.figure.toPrecision(3);
  return `bench ${line.name}: ${figure} ${line.unit} (ratio ${line.ratio.toFixed(2)} vs ${line.baseline})`;
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const files = fs
    .readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as { default: Benchmark };
    for (const line of await module.default()) console.log(formatLine(line));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
