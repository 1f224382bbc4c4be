// Builds the bundles when they are missing or older than the sources, so `npm run cli` and
// `npm run serve` always run what the checkout holds, without TypeScript tooling at run time.
// Several test runs may ask at once: a lock folder makes them build one at a time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outputs = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((f) => path.join(root, f));
const sources = ['main', 'renderer', 'shared', 'package.json', 'electron.vite.config.mts'];
const lock = path.join(root, 'node_modules/.cache/pigeonnier-build.lock');

function newest(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((entry) => newest(path.join(file, entry))));
}

function stale() {
  const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
  return built < Math.max(...sources.map((s) => newest(path.join(root, s))));
}

function acquire() {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than three minutes was left by a killed build.
      if (Date.now() - fs.statSync(lock).mtimeMs > 180_000 || Date.now() > deadline) fs.rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

if (stale()) {
  acquire();
  try {
    // Another run may have built while we waited.
    if (stale()) {
      console.error('Building Pigeonnier…');
      execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: root,
        // Build chatter goes to stderr: stdout may be JSON a script is reading.
        stdio: ['ignore', 2, 2],
      });
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
