// Builds the bundles when they are missing or older than the sources, so `npm run cli` and
// `npm run serve` always run what the checkout holds, without TypeScript tooling at run time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outputs = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((f) => path.join(root, f));
const sources = ['main', 'renderer', 'shared', 'package.json', 'electron.vite.config.mts'];

function newest(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((entry) => newest(path.join(file, entry))));
}

const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (built < changed) {
  console.error('Building Pigeonnier…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    // Build chatter goes to stderr: stdout may be JSON a script is reading.
    stdio: ['ignore', 2, 2],
  });
}
