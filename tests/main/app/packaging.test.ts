/**
 * electron-builder cannot package on these machines (it downloads Electron), so its
 * configuration is checked here as electron-builder itself would check it, and the parts of
 * the native-addon story that can run without the internet are run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const requireFromRoot = (id: string) => import(path.join(ROOT, 'node_modules', id));

async function builderConfig() {
  const { getConfig } = await requireFromRoot('app-builder-lib/out/util/config/config.js');
  return getConfig(ROOT, null, null);
}

describe('packaging', () => {
  it('electron-builder.yml passes electron-builder’s own schema', async () => {
    const { validateConfiguration } = await requireFromRoot('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await requireFromRoot('builder-util/out/util.js');
    await expect(validateConfiguration(await builderConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app, and builds NSIS, dmg, AppImage and deb with the icons', async () => {
    const config = await builderConfig();
    expect(config).toMatchObject({ appId: 'fr.pigeonnier.app', productName: 'Pigeonnier' });
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage', 'deb']);
    for (const platform of ['win', 'mac', 'linux']) expect(fs.existsSync(path.join(ROOT, config[platform].icon))).toBe(true);
    // electron-builder normalises the list into one filter.
    expect(config.files.flatMap((f: string | { filter: string[] }) => (typeof f === 'string' ? [f] : f.filter))).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'assets/icon.png', 'assets/tray/*.png', '!out/native/**']),
    );
  });

  it('unpacks better-sqlite3 and never rebuilds node_modules: the addon for Electron comes from the afterPack hook', async () => {
    const config = await builderConfig();
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    const hook = await import(path.join(ROOT, config.afterPack));
    expect(typeof hook.default).toBe('function');
    const packager = { appInfo: { productFilename: 'Pigeonnier' } };
    const tail = path.join('app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(hook.unpackedAddonPath({ appOutDir: '/dist/linux-unpacked', electronPlatformName: 'linux', packager })).toBe(path.join('/dist/linux-unpacked/resources', tail));
    expect(hook.unpackedAddonPath({ appOutDir: '/dist/win-unpacked', electronPlatformName: 'win32', packager })).toBe(path.join('/dist/win-unpacked/resources', tail));
    expect(hook.unpackedAddonPath({ appOutDir: '/dist/mac-arm64', electronPlatformName: 'darwin', packager })).toBe(path.join('/dist/mac-arm64/Pigeonnier.app/Contents/Resources', tail));
    // The script no longer rebuilds in place after packaging (that is what could break the tests' build).
    const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.dist).not.toMatch(/rebuild/);
    expect(scripts.start).toContain('electron-native.mjs');
  });

  it('keeps Electron’s addon apart from the Node one, per Electron version, platform and architecture', async () => {
    const native = await import(path.join(ROOT, 'scripts/electron-native.mjs'));
    const version = native.electronVersion();
    expect(native.cachedAddon(version, 'win32', 'x64')).toBe(path.join(ROOT, 'out/native', `electron-${version}-win32-x64`, 'better_sqlite3.node'));
    expect(native.cachedAddon(version, 'linux', 'x64')).not.toContain('node_modules');
    // main/app/index.ts looks for exactly that file in development.
    expect(fs.readFileSync(path.join(ROOT, 'main/app/index.ts'), 'utf8')).toContain('../native/electron-${process.versions.electron}-${process.platform}-${process.arch}/better_sqlite3.node');
  });
});
