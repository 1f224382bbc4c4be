/**
 * A child process for the crash tests: opens the data folder as the app would, runs ONE Alma
 * Heritage round (push, pull or both) on the real clock, prints its result as JSON and exits.
 * The test kills it with SIGKILL at the moment it chooses (the simulator holding a request).
 *
 *   node --import tsx almaRound.ts <data folder> <connection id> <push|pull|both>
 */
import { createService } from '../../../../../main/service';
import { runApiRound } from '../../../../../main/sync/alma/apiRound';

const [dataDir, connection, what] = process.argv.slice(2);
if (!dataDir || !connection || !['push', 'pull', 'both'].includes(what ?? '')) {
  console.error('usage: almaRound.ts <data folder> <connection id> <push|pull|both>');
  process.exit(2);
}
async function main(): Promise<void> {
  const service = createService({ dataDir: dataDir!, warn: () => undefined });
  try {
    const result = await runApiRound(
      { db: service.db, secrets: service.secrets, now: () => new Date(), random: Math.random, publish: () => undefined },
      Number(connection),
      { push: what !== 'pull', pull: what !== 'push' },
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    service.close();
  }
}

// A CommonJS module for tsx (no top-level await).
void main();
