// electron-builder's afterPack hook (electron-builder.yml): puts better-sqlite3 built for the
// packaged Electron, platform and architecture into the app's app.asar.unpacked, in place of the
// Node build that was copied from node_modules. node_modules itself is never rebuilt
// (npmRebuild: false), so packaging cannot break the tests' Node build. See electron-native.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { buildElectronAddon, electronVersion } from './electron-native.mjs';

// builder-util's Arch enum, by value.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export function unpackedAddonPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const resources =
    electronPlatformName === 'darwin' || electronPlatformName === 'mas'
      ? path.join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : path.join(appOutDir, 'resources');
  return path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export default async function afterPack(context) {
  const arch = ARCH_NAMES[context.arch];
  if (!arch || arch === 'universal') throw new Error(`Packaging for architecture ${arch ?? context.arch} is not supported: build x64 and arm64 separately.`);
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const destination = unpackedAddonPath(context);
  if (!fs.existsSync(path.dirname(destination))) {
    throw new Error(`better-sqlite3 is not unpacked at ${path.dirname(destination)}: check asarUnpack in electron-builder.yml.`);
  }
  const version = context.packager.config.electronVersion ?? electronVersion();
  fs.copyFileSync(buildElectronAddon({ version, platform, arch }), destination);
  console.error(`  • better-sqlite3 for Electron ${version} ${platform}-${arch} → ${path.relative(context.outDir, destination)}`);
}
