import type fc from 'fast-check';

/**
 * The parameters every property test passes to fc.assert: its own number of runs, and the seed
 * in FC_SEED when set, to replay a failure (fast-check prints the seed and path of every
 * counterexample; `FC_SEED=<seed> npx vitest run <file>` runs the same cases again).
 */
export function propertyRuns<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.FC_SEED;
  return seed === undefined || seed === '' ? { numRuns } : { numRuns, seed: Number(seed) };
}
