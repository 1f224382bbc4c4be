/**
 * The desktop app's entry. Electron stays in main/app and the preload; everything else is the
 * same service the headless mode runs.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { backupIfDue } from '../db/backups';
import { runFeedServer, type FeedServerRunner } from '../server/feedServerRunner';
import { createService, type Service } from '../service';
import { createSyncLoop, type SyncLoop } from '../sync/syncLoop';
import { watchWakeAndNetwork } from './wakeTriggers';
import { wireIpc } from './ipc';
import { createMainWindow } from './window';

let window: BrowserWindow | null = null;
let service: Service | null = null;
let feedServer: FeedServerRunner | null = null;
let syncLoop: SyncLoop | null = null;
let stopWatching: (() => void) | null = null;

/** In development the addon built for Electron sits beside the bundle; a packaged app has it in node_modules. */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  return path.join(__dirname, `../native/electron-${process.versions.electron}/better_sqlite3.node`);
}

function showWindow(): void {
  if (!window || window.isDestroyed()) {
    window = createMainWindow();
    window.on('closed', () => (window = null));
  }
  if (window.isMinimized()) window.restore();
  window.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(() => {
    const dataDir = path.join(app.getPath('userData'), 'data');
    service = createService({ dataDir, nativeBinding: nativeBinding() });
    backupIfDue(service.db, { dir: path.join(dataDir, 'backups'), now: service.now() });
    wireIpc(service, () => window);
    feedServer = runFeedServer(service);
    syncLoop = createSyncLoop(service);
    syncLoop.start();
    const loop = syncLoop;
    stopWatching = watchWakeAndNetwork(() => loop.wake());
    showWindow();
    app.on('activate', showWindow);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting || !service) return;
    // Reads under way finish and commit before the database closes; then quit for real.
    event.preventDefault();
    quitting = true;
    stopWatching?.();
    void Promise.allSettled([syncLoop?.close(), feedServer?.close()]).then(() => {
      service?.close();
      service = null;
      app.quit();
    });
  });
}
