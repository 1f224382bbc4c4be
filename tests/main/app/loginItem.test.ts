import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { autostartEntry, createLoginItem, startedAtLogin } from '../../../main/app/loginItem';
import { useTempDirs } from '../../helpers/tempDir';
import { app, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const tempDir = useTempDirs();

describe('start at login', () => {
  beforeEach(resetFakeElectron);

  it('on macOS and Windows is Electron’s login item, started hidden', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      resetFakeElectron();
      const item = createLoginItem(platform, {});
      expect(item.isEnabled()).toBe(false);
      item.setEnabled(true);
      expect(app.loginItemCalls).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
      expect(item.isEnabled()).toBe(true);
    }
  });

  it('on Linux is an XDG autostart entry for the AppImage, started hidden', () => {
    const config = tempDir();
    app.isPackaged = true;
    const item = createLoginItem('linux', { XDG_CONFIG_HOME: config, APPIMAGE: '/home/marie/Applications/Pigeonnier 0.1.0.AppImage' });
    item.setEnabled(true);
    const entry = fs.readFileSync(path.join(config, 'autostart', 'pigeonnier.desktop'), 'utf8');
    expect(entry).toContain('Exec="/home/marie/Applications/Pigeonnier 0.1.0.AppImage" --hidden\n');
    expect(item.isEnabled()).toBe(true);
    item.setEnabled(false);
    expect(item.isEnabled()).toBe(false);
    expect(app.loginItemCalls).toEqual([]);
  });

  it('quotes the command per the Desktop Entry spec', () => {
    expect(autostartEntry(['/opt/Pigeonnier/pigeonnier', '--hidden'])).toContain('Exec=/opt/Pigeonnier/pigeonnier --hidden\n');
    expect(autostartEntry(['/tmp/a "b" $c\\d', '100%'])).toContain('Exec="/tmp/a \\\\"b\\\\" \\\\$c\\\\\\\\d" 100%%\n');
  });

  it('tells a start at login from an ordinary one', () => {
    expect(startedAtLogin('linux', ['pigeonnier', '--hidden'])).toBe(true);
    expect(startedAtLogin('win32', ['Pigeonnier.exe'])).toBe(false);
    app.loginItem.wasOpenedAtLogin = true;
    expect(startedAtLogin('darwin', ['Pigeonnier'])).toBe(true);
  });
});
