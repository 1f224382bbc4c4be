// better-sqlite3 for Electron, never in place: node_modules keeps the build for Node, which the
// tests (plain Node) load; an addon built for Electron's ABI does not load in Node, and one built
// for Node does not load in Electron. So the Electron build is made in a temporary copy of the
// package and kept under out/native/electron-<version>-<platform>-<arch>/better_sqlite3.node:
//  - `npm start` runs this file: it builds for this machine (once; cached) and main/app/index.ts
//    passes that file to better-sqlite3;
//  - packaging (electron-builder.yml, npmRebuild: false) calls buildElectronAddon from
//    scripts/after-pack.mjs for the target platform, and puts the result in the packaged app's
//    app.asar.unpacked/node_modules/better-sqlite3/build/Release/.
// Needs the internet once per target: a prebuilt addon from better-sqlite3's releases or, for
// this machine only, Electron's headers to compile it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const modules = path.join(root, 'node_modules');

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(modules, 'electron/package.json'), 'utf8')).version;
}

export function cachedAddon(version, platform, arch) {
  return path.join(root, 'out/native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** Returns the path of the addon for this Electron version, platform and architecture, building it if it is not cached. */
export function buildElectronAddon({ version = electronVersion(), platform = process.platform, arch = process.arch } = {}) {
  const target = cachedAddon(version, platform, arch);
  if (fs.existsSync(target)) return target;

  console.error(`Building the SQLite addon for Electron ${version} (${platform}-${arch}), once…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-native-'));
  try {
    const copy = path.join(work, 'better-sqlite3');
    const source = path.join(modules, 'better-sqlite3');
    // Without its build/ folder: Node's addon must not be mistaken for the result.
    fs.cpSync(source, copy, { recursive: true, filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build' });
    // Electron's headers, not the local Node's that CI points npm at.
    const env = { ...process.env, npm_config_nodedir: '' };
    const run = (args) => execFileSync(process.execPath, args, { cwd: copy, env, stdio: ['ignore', 2, 2] });
    try {
      run([path.join(modules, 'prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--platform', platform, '--arch', arch]);
    } catch (error) {
      // Compiling works for this machine only: another platform needs its prebuilt addon.
      if (platform !== process.platform || arch !== process.arch) {
        throw new Error(`No prebuilt better-sqlite3 for Electron ${version} on ${platform}-${arch}, and it cannot be compiled from here. Package on a ${platform} machine.`, { cause: error });
      }
      const nodeGyp = process.env.npm_config_node_gyp ?? path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
      run([nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers']);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(copy, 'build/Release/better_sqlite3.node'), target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// `node scripts/electron-native.mjs` (npm start): this machine's.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildElectronAddon();
