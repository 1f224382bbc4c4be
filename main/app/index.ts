/**
 * The desktop app's entry. Electron stays in main/app and the preload; everything else is the
 * same service the headless mode runs.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { backupIfDue } from '../db/backups';
import { runFeedServer, type FeedServerRunner } from '../server/feedServerRunner';
import { createService, type Service } from '../service';
import { wireIpc } from './ipc';
import { createMainWindow } from './window';

let window: BrowserWindow | null = null;
let service: Service | null = null;
let feedServer: FeedServerRunner | null = null;

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
    showWindow();
    app.on('activate', showWindow);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    // Stop answering partners before the database closes under the feed server.
    void feedServer?.close();
    service?.close();
  });
}
