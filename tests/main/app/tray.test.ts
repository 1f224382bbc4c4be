import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTray } from '../../../main/app/tray';
import { TRAY_STATES, trayIconFile, trayMenuTemplate, type TrayActions } from '../../../main/app/trayMenu';
import { createTranslator } from '../../../main/i18n';
import type { ConnectionSyncStatus, OverallSyncState, SyncStatus } from '../../../shared/sync';
import { FakeTray, nativeTheme, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const TRAY_DIR = path.resolve(__dirname, '../../../assets/tray');
const en = createTranslator('en');
const fr = createTranslator('fr');

function connection(fields: Partial<ConnectionSyncStatus>): ConnectionSyncStatus {
  return {
    connectionId: 1,
    channel: 'airbnb',
    name: 'Airbnb',
    state: 'ok',
    lastSuccessAt: '2026-07-01T09:10:00.000Z',
    lastFailureAt: null,
    lastError: null,
    failingSince: null,
    nextDueAt: null,
    ...fields,
  };
}

/** A realistic status per overall state: a failing partner in 'failing', a paused loop in 'paused'. */
function statusIn(overall: OverallSyncState): SyncStatus {
  const failing = connection({ connectionId: 2, name: 'Gîtes de France', channel: 'gdf', state: 'failing', lastFailureAt: '2026-07-01T07:55:00.000Z', failingSince: '2026-07-01T06:30:00.000Z' });
  return {
    overall,
    paused: overall === 'paused',
    lastRoundAt: overall === 'syncing' ? null : '2026-07-01T09:12:00.000Z',
    connections: overall === 'failing' ? [connection({}), failing] : [connection({ state: overall === 'syncing' ? 'syncing' : overall === 'paused' ? 'paused' : 'ok' })],
  };
}

function recordingActions(): TrayActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    open: () => calls.push('open'),
    syncNow: () => calls.push('syncNow'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    setStartAtLogin: (on) => calls.push(`startAtLogin:${on}`),
    openChannel: (id) => calls.push(`channel:${id}`),
    openAlerts: () => calls.push('alerts'),
    quit: () => calls.push('quit'),
  };
}

const settings = { startAtLogin: false, formatMoment: (iso: string) => `<${iso.slice(11, 16)}>` };
const ids = (template: ReturnType<typeof trayMenuTemplate>) => template.map((i) => i.id ?? i.type);
const byId = (template: ReturnType<typeof trayMenuTemplate>, id: string) => template.find((i) => i.id === id)!;

describe('the tray menu for each state', () => {
  it('in step: open, sync now, the state and last sync, pause, start at login, quit', () => {
    const menu = trayMenuTemplate(statusIn('inStep'), settings, en, recordingActions());
    expect(ids(menu)).toEqual(['open', 'syncNow', 'separator', 'state', 'lastSync', 'separator', 'pause', 'startAtLogin', 'separator', 'quit']);
    expect(byId(menu, 'state')).toMatchObject({ label: 'every calendar in step', enabled: false });
    expect(byId(menu, 'lastSync').label).toBe('Last sync: <09:12>');
    expect(byId(menu, 'startAtLogin')).toMatchObject({ type: 'checkbox', checked: false, label: 'Start at login' });
  });

  it('syncing: says so, and the last sync falls back to the latest success on record', () => {
    const menu = trayMenuTemplate(statusIn('syncing'), settings, en, recordingActions());
    expect(byId(menu, 'state').label).toBe('syncing…');
    expect(byId(menu, 'lastSync').label).toBe('Last sync: <09:10>');
    expect(ids(menu)).toContain('pause');
  });

  it('failing: names each failing partner and since when; clicking one opens its channel', () => {
    const actions = recordingActions();
    const menu = trayMenuTemplate(statusIn('failing'), settings, en, actions);
    expect(ids(menu)).toEqual(['open', 'syncNow', 'separator', 'state', 'lastSync', 'failing:2', 'separator', 'pause', 'startAtLogin', 'separator', 'quit']);
    expect(byId(menu, 'failing:2').label).toBe('Gîtes de France: failing since <06:30>');
    (byId(menu, 'failing:2').click as () => void)();
    expect(actions.calls).toEqual(['channel:2']);
  });

  it('conflict: a line to the alerts', () => {
    const actions = recordingActions();
    const menu = trayMenuTemplate(statusIn('conflict'), settings, en, actions);
    expect(byId(menu, 'state').label).toBe('an overbooking to settle');
    (byId(menu, 'conflict').click as () => void)();
    expect(actions.calls).toEqual(['alerts']);
  });

  it('paused: resume instead of pause', () => {
    const actions = recordingActions();
    const menu = trayMenuTemplate(statusIn('paused'), settings, en, actions);
    expect(ids(menu)).toContain('resume');
    expect(ids(menu)).not.toContain('pause');
    expect(byId(menu, 'state').label).toBe('syncing paused');
    (byId(menu, 'resume').click as () => void)();
    expect(actions.calls).toEqual(['resume']);
  });

  it('every item does what it says, in French too', () => {
    const actions = recordingActions();
    const menu = trayMenuTemplate(statusIn('inStep'), { ...settings, startAtLogin: true }, fr, actions);
    for (const id of ['open', 'syncNow', 'pause', 'startAtLogin', 'quit']) (byId(menu, id).click as () => void)();
    expect(actions.calls).toEqual(['open', 'syncNow', 'pause', 'startAtLogin:false', 'quit']);
    expect(menu.map((i) => i.label).filter(Boolean)).toEqual([
      'Ouvrir Pigeonnier',
      'Synchroniser maintenant',
      'tous les calendriers sont à jour',
      'Dernière synchronisation : <09:12>',
      'Mettre la synchronisation en pause',
      'Lancer à l’ouverture de session',
      'Quitter Pigeonnier',
    ]);
    const never = trayMenuTemplate({ overall: 'inStep', paused: false, lastRoundAt: null, connections: [] }, settings, fr, actions);
    expect(byId(never, 'lastSync').label).toBe('Pas encore synchronisé');
  });
});

describe('the tray icons', () => {
  it('one per state and platform: a template image on macOS, the taskbar’s variant on Windows, the dark one on Linux', () => {
    expect(trayIconFile('failing', 'darwin', false)).toBe('failingTemplate.png');
    expect(trayIconFile('failing', 'win32', false)).toBe('failing-light.png');
    expect(trayIconFile('failing', 'win32', true)).toBe('failing-dark.png');
    expect(trayIconFile('failing', 'linux', false)).toBe('failing-dark.png');
  });

  it('exist in assets/tray at 1x and 2x for every state and variant, each a PNG of 16 or 32 pixels', () => {
    for (const state of TRAY_STATES) {
      expect(fs.existsSync(path.join(TRAY_DIR, `${state}.svg`)), `${state}.svg`).toBe(true);
      for (const file of [trayIconFile(state, 'darwin', false), trayIconFile(state, 'win32', false), trayIconFile(state, 'win32', true)]) {
        for (const [name, size] of [[file, 16], [file.replace('.png', '@2x.png'), 32]] as const) {
          const png = fs.readFileSync(path.join(TRAY_DIR, name));
          expect(png.subarray(1, 4).toString(), name).toBe('PNG');
          expect([png.readUInt32BE(16), png.readUInt32BE(20)], name).toEqual([size, size]);
        }
      }
    }
  });
});

describe('the tray', () => {
  beforeEach(resetFakeElectron);

  function tray(platform: 'darwin' | 'win32' | 'linux', initial: OverallSyncState = 'inStep') {
    const actions = recordingActions();
    let startAtLogin = false;
    const made = createTray(statusIn(initial), {
      iconDir: TRAY_DIR,
      platform,
      t: en,
      actions,
      startAtLogin: () => startAtLogin,
      formatMoment: settings.formatMoment,
    });
    return { made, actions, icon: FakeTray.instances[0]!, setStartAtLogin: (on: boolean) => (startAtLogin = on) };
  }

  it('follows the sync status: icon, tooltip and menu for each of the five states', () => {
    const { made, icon } = tray('win32');
    for (const state of TRAY_STATES) {
      made.update(statusIn(state));
      expect(icon.image.path).toBe(path.join(TRAY_DIR, `${state}-light.png`));
      expect(icon.image.isEmpty()).toBe(false);
      expect(icon.tooltip).toBe(`Pigeonnier: ${en(`desktop.tray.state.${state}`)}`);
      expect(icon.item('state').label).toBe(en(`desktop.tray.state.${state}`));
    }
    expect(icon.item('resume')).toBeDefined();
  });

  it('uses template images on macOS and follows the Windows taskbar’s colour', () => {
    const mac = tray('darwin', 'conflict');
    expect(mac.icon.image).toMatchObject({ path: path.join(TRAY_DIR, 'conflictTemplate.png'), template: true });
    resetFakeElectron();
    const win = tray('win32');
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(win.icon.image.path).toBe(path.join(TRAY_DIR, 'inStep-dark.png'));
  });

  it('opens the window on a click on Windows only; the menu shows the start-at-login setting as it is', () => {
    const win = tray('win32');
    win.icon.emit('click');
    expect(win.actions.calls).toEqual(['open']);
    win.setStartAtLogin(true);
    win.made.refresh();
    expect(win.icon.item('startAtLogin').checked).toBe(true);
    resetFakeElectron();
    const linux = tray('linux');
    linux.icon.emit('click');
    expect(linux.actions.calls).toEqual([]);
    linux.made.destroy();
    expect(linux.icon.destroyed).toBe(true);
  });
});
