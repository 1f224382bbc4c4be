import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL } from '../../../main/app/ipcChannels';
import { createMainWindowController } from '../../../main/app/mainWindow';
import { pageLocation } from '../../../main/app/page';
import { DEFAULT_SIZE, fitToScreens, readWindowState, WINDOW_STATE_KEY } from '../../../main/app/windowState';
import { writeSetting } from '../../../main/db/settings';
import { openService } from '../../helpers/service';
import { BrowserWindow, resetFakeElectron, screen } from './fakeElectron';
import { recordingLog } from './recordingLog';

vi.mock('electron', () => import('./fakeElectron'));

const PAGE_FILE = '/opt/Pigeonnier/out/renderer/index.html';
const PRELOAD = '/opt/Pigeonnier/out/preload/index.js';

function controller(options: { quitting?: () => boolean } = {}) {
  const { service } = openService();
  const sessionEnded = vi.fn();
  const window = createMainWindowController({
    db: service.db,
    page: pageLocation(PAGE_FILE),
    preload: PRELOAD,
    icon: '/opt/Pigeonnier/assets/icon.png',
    workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
    isQuitting: options.quitting ?? (() => false),
    onSessionEnd: sessionEnded,
    log: recordingLog(),
  });
  return { service, window, sessionEnded, only: () => BrowserWindow.instances[0]! };
}

describe('the main window', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('is hardened: isolated, sandboxed, no Node, web security, our preload, then loads our page', () => {
    const { window, only } = controller();
    window.show();
    const { webPreferences, ...rest } = only().options;
    expect(webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(rest).toMatchObject({ show: false, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height, minWidth: 900, minHeight: 600 });
    expect(only().loaded).toEqual({ file: PAGE_FILE });
    // Shown once the page has painted, not blank before.
    expect(only().visible).toBe(false);
    only().emit('ready-to-show');
    expect(only().visible).toBe(true);
  });

  it('can be made hidden (a start at login): painted, loaded, but not shown until asked', () => {
    const { window, only } = controller();
    window.create(false);
    only().emit('ready-to-show');
    expect(only()).toMatchObject({ visible: false, loaded: { file: PAGE_FILE } });
    window.create(true);
    expect(BrowserWindow.instances).toHaveLength(1);
    window.show();
    expect(only().visible).toBe(true);
  });

  it('hides to the tray when closed, and shows the same window again', () => {
    const { window, only } = controller();
    window.show();
    only().emit('ready-to-show');
    only().close();
    expect(only().destroyed).toBe(false);
    expect(only().visible).toBe(false);
    only().minimized = true;
    window.show();
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(only()).toMatchObject({ visible: true, minimized: false, focused: true });
  });

  it('really closes when the app is quitting, and is made anew when shown after that', () => {
    let quitting = true;
    const { window, only } = controller({ quitting: () => quitting });
    window.show();
    only().close();
    expect(only().destroyed).toBe(true);
    expect(window.current()).toBeNull();
    quitting = false;
    window.show();
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('asks to quit when Windows ends the session, rather than hiding', () => {
    const { window, only, sessionEnded } = controller();
    window.show();
    only().emit('session-end');
    expect(sessionEnded).toHaveBeenCalled();
  });

  it('remembers its size and position (debounced, and on close) and opens there next time', () => {
    const { window, only, service } = controller();
    window.show();
    only().setBounds({ x: 200, y: 120, width: 1400, height: 900 });
    only().setBounds({ x: 210, y: 130, width: 1400, height: 900 });
    vi.advanceTimersByTime(499);
    expect(readWindowState(service.db)).toEqual({ ...DEFAULT_SIZE, maximized: false });
    vi.advanceTimersByTime(1);
    expect(readWindowState(service.db)).toEqual({ x: 210, y: 130, width: 1400, height: 900, maximized: false });

    only().maximize();
    only().close();
    expect(readWindowState(service.db)).toEqual({ x: 210, y: 130, width: 1400, height: 900, maximized: true });

    // A new window (the app restarted) opens where the last one was, maximized again.
    only().destroy();
    window.show();
    expect(BrowserWindow.instances[1]!.options).toMatchObject({ x: 210, y: 130, width: 1400, height: 900 });
    expect(BrowserWindow.instances[1]!.maximized).toBe(true);
  });

  it('ignores a remembered position that no screen shows any more, and a value of the wrong shape', () => {
    const { window, service } = controller();
    writeSetting(service.db, WINDOW_STATE_KEY, { x: 2500, y: 100, width: 1400, height: 900, maximized: false });
    window.show();
    const options = BrowserWindow.instances[0]!.options;
    expect(options).toMatchObject({ width: 1400, height: 900 });
    expect(options).not.toHaveProperty('x');

    writeSetting(service.db, WINDOW_STATE_KEY, { width: 'wide' });
    expect(readWindowState(service.db)).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('fits the remembered state to the screens: size capped, position kept only when the title bar is reachable', () => {
    const laptop = [{ x: 0, y: 0, width: 1366, height: 740 }];
    expect(fitToScreens({ x: 10, y: 10, width: 3000, height: 2000, maximized: false }, laptop)).toEqual({ x: 10, y: 10, width: 1366, height: 740, maximized: false });
    expect(fitToScreens({ x: 1300, y: 10, width: 1000, height: 700, maximized: false }, laptop)).toEqual({ width: 1000, height: 700, maximized: false });
    expect(fitToScreens({ x: 100, y: -300, width: 1000, height: 700, maximized: false }, laptop)).toEqual({ width: 1000, height: 700, maximized: false });
    const twoScreens = [...laptop, { x: 1366, y: 0, width: 1920, height: 1050 }];
    expect(fitToScreens({ x: 1500, y: 50, width: 1200, height: 800, maximized: false }, twoScreens)).toEqual({ x: 1500, y: 50, width: 1200, height: 800, maximized: false });
    expect(fitToScreens({ width: 400, height: 300, maximized: true }, laptop)).toEqual({ width: 900, height: 600, maximized: true });
  });

  it('sends a navigation once the page has loaded, at once when it already has', () => {
    const { window, only } = controller();
    window.navigate({ target: 'reservation', id: 12 });
    const contents = only().webContents;
    expect(contents.sent).toEqual([]);
    contents.finishLoad();
    expect(contents.sent).toEqual([[EVENT_CHANNEL, { event: 'app:navigate', payload: { target: 'reservation', id: 12 } }]]);
    window.navigate({ target: 'alerts' });
    expect(contents.sent.at(-1)).toEqual([EVENT_CHANNEL, { event: 'app:navigate', payload: { target: 'alerts' } }]);
  });
});
