import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The command-line and end-to-end tests run the built app, as an owner would. Build it when the
 * sources are newer than the bundles (`npm test` has just built it, so this is instant there).
 */
export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../scripts/ensure-built.mjs')], { stdio: 'inherit' });
}
