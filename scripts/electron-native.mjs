// Builds better-sqlite3 for Electron's ABI into out/native/electron-<version>/ before `npm start`,
// leaving node_modules' Node build untouched: the tests (plain Node) need that one, and an addon
// built for Electron does not load in Node. main/app passes this file to better-sqlite3.
// Needs the internet once (Electron's headers or a prebuilt addon); cached afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const modules = path.join(root, 'node_modules');
const electronVersion = JSON.parse(fs.readFileSync(path.join(modules, 'electron/package.json'), 'utf8')).version;
const target = path.join(root, 'out/native', `electron-${electronVersion}`, 'better_sqlite3.node');
if (fs.existsSync(target)) process.exit(0);

console.error(`Building the SQLite addon for Electron ${electronVersion} (once)…`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-native-'));
const copy = path.join(work, 'better-sqlite3');
fs.cpSync(path.join(modules, 'better-sqlite3'), copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
// Electron's headers, not the local Node's that CI points npm at.
const env = { ...process.env, npm_config_nodedir: '' };
const run = (args) => execFileSync(process.execPath, args, { cwd: copy, env, stdio: ['ignore', 2, 2] });
try {
  run([path.join(modules, 'prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
} catch {
  const nodeGyp = process.env.npm_config_node_gyp ?? path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
  run([nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(path.join(copy, 'build/Release/better_sqlite3.node'), target);
fs.rmSync(work, { recursive: true, force: true });
