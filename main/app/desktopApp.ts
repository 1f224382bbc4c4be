/**
 * The desktop app's life: one instance (a second launch shows the first's window), the data
 * folder in the user data path, the service, the daily backup, the feed server and the sync
 * loop started, the window, tray and notifications wired to the service's events. Closing the
 * window hides it; quitting (tray, app menu, OS shutdown) stops the loop and the feed server,
 * lets reads under way commit, then closes the database.
 */
import { app, dialog, ipcMain, Menu, powerMonitor, screen, session } from 'electron';
import path from 'node:path';
import { backupIfDue } from '../db/backups';
import { createTranslator, systemLanguage } from '../i18n';
import { runFeedServer, type FeedServerRunner } from '../server/feedServerRunner';
import { createService, type Service } from '../service';
import { createSyncLoop, type SyncLoop, type SyncLoopOptions } from '../sync/syncLoop';
import { appMenuTemplate } from './appMenu';
import { formatMoment } from './dates';
import { wireIpc } from './ipc';
import { createLoginItem, startedAtLogin } from './loginItem';
import { createMainWindowController, type MainWindowController } from './mainWindow';
import { createNotifier } from './notifications';
import { pageLocation } from './page';
import { safeStorageCipher } from './safeStorageCipher';
import { hardenSession, hardenWebContents, type Logger } from './security';
import { createTray, type AppTray } from './tray';
import type { TrayPlatform } from './trayMenu';
import { watchWakeAndNetwork } from './wakeTriggers';

export interface DesktopPaths {
  preload: string;
  html: string;
  /** assets/: the app icon and assets/tray/. */
  assets: string;
  /** better-sqlite3 built for Electron (see scripts/electron-native.mjs). */
  nativeBinding?: string;
}

export interface DesktopAppOptions {
  paths: DesktopPaths;
  log: Logger;
  platform?: NodeJS.Platform;
  argv?: string[];
  env?: NodeJS.ProcessEnv;
  /** Tests pass a fake clock and fetch. */
  syncLoop?: SyncLoopOptions;
}

interface Running {
  service: Service;
  feedServer: FeedServerRunner;
  loop: SyncLoop;
  tray: AppTray;
  stop: (() => void)[];
}

export interface DesktopApp {
  /** Resolves once started (or at once if another instance runs). */
  ready: Promise<void>;
  window: MainWindowController | null;
  /** What runs between start and quit (for diagnostics and tests); null before and after. */
  running(): Pick<Running, 'service' | 'loop' | 'feedServer'> | null;
}

export function startDesktopApp(options: DesktopAppOptions): DesktopApp {
  const { log, paths } = options;
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  let running: Running | null = null;
  const handle: DesktopApp = { ready: Promise.resolve(), window: null, running: () => running };
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return handle;
  }

  let phase: 'running' | 'quitting' | 'closed' = 'running';
  const page = pageLocation(paths.html, app.isPackaged ? undefined : env.ELECTRON_RENDERER_URL);
  // Made before the service so app events can name it; it opens windows only once started (showWindow).
  const window = createMainWindowController({
    get db() {
      return running!.service.db;
    },
    page,
    preload: paths.preload,
    icon: path.join(paths.assets, 'icon.png'),
    workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
    isQuitting: () => phase !== 'running',
    // Windows logging off or shutting down: quit rather than hide, or the window holds it up.
    onSessionEnd: () => app.quit(),
    log,
  });
  handle.window = window;
  const showWindow = () => {
    if (running) window.show();
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isOurPage: page.isOurs, log });
  });
  // The tray keeps the app alive: no window open is not a reason to quit.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    if (phase === 'running') phase = 'quitting';
  });
  app.on('will-quit', (event) => {
    if (phase === 'closed' || !running) return;
    // Reads under way finish and commit before the database closes; then quit for real.
    event.preventDefault();
    phase = 'quitting';
    const { service, loop, feedServer, tray, stop } = running;
    for (const undo of stop) undo();
    tray.destroy();
    void Promise.allSettled([loop.close(), feedServer.close()]).then((results) => {
      for (const result of results) if (result.status === 'rejected') log.error('Stopping failed', result.reason);
      service.close();
      running = null;
      phase = 'closed';
      log.info('Pigeonnier stopped cleanly');
      app.quit();
    });
  });

  handle.ready = app
    .whenReady()
    .then(() => {
      running = start();
      window.create(!startedAtLogin(platform, options.argv));
      app.on('activate', showWindow);
    })
    .catch((error: unknown) => {
      // A database from a newer Pigeonnier, a folder it cannot write, a missing addon: say it, then stop.
      log.error('Pigeonnier could not start', error);
      dialog.showErrorBox('Pigeonnier', `Pigeonnier could not start / n’a pas pu démarrer:\n\n${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
  return handle;

  function start(): Running {
    const dataDir = path.join(app.getPath('userData'), 'data');
    // Partner passwords go to the OS keychain (safeStorage is usable once the app is ready, as here).
    const service = createService({ dataDir, nativeBinding: paths.nativeBinding, secretCipher: safeStorageCipher(platform), warn: (m) => log.warn(m) });
    log.info(`Pigeonnier ${app.getVersion()} started with the data in ${dataDir}`);
    backupIfDue(service.db, { dir: path.join(dataDir, 'backups'), now: service.now() });
    hardenSession(session.defaultSession, log);
    if (platform === 'win32') app.setAppUserModelId('fr.pigeonnier.app');
    const menu = appMenuTemplate(platform);
    Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);

    const language = systemLanguage(env);
    const t = createTranslator(language);
    const stop: (() => void)[] = [];
    stop.push(wireIpc({ ipcMain, service, isTrusted: window.isTrusted, send: window.send, log }));
    const feedServer = runFeedServer(service);
    const loop = createSyncLoop(service, options.syncLoop);
    const loginItem = createLoginItem(platform, env);
    const invoke = (name: 'sync:now' | 'sync:pause' | 'sync:resume') => {
      const result = service.invoke(name, undefined);
      if (!result.ok) log.warn(`Tray: ${name} refused`, result.error);
    };
    const tray = createTray(loop.status(), {
      iconDir: path.join(paths.assets, 'tray'),
      platform: (['darwin', 'win32'].includes(platform) ? platform : 'linux') as TrayPlatform,
      t,
      startAtLogin: () => loginItem.isEnabled(),
      formatMoment: (iso) => formatMoment(iso, new Date(), { language }),
      actions: {
        open: showWindow,
        syncNow: () => invoke('sync:now'),
        pause: () => invoke('sync:pause'),
        resume: () => invoke('sync:resume'),
        setStartAtLogin(on) {
          try {
            loginItem.setEnabled(on);
          } catch (error) {
            log.warn('Could not change the start at login', error);
          }
          tray.refresh();
        },
        openChannel: (id) => window.navigate({ target: 'channel', id }),
        openAlerts: () => window.navigate({ target: 'alerts' }),
        quit: () => app.quit(),
      },
    });
    const notify = createNotifier({ t, language, icon: path.join(paths.assets, 'icon.png'), onClick: (to) => window.navigate(to), log });
    stop.push(
      service.subscribe((message) => {
        if (message.event === 'sync:status') tray.update(message.payload as Parameters<AppTray['update']>[0]);
        else if (message.event === 'alerts:new') notify(message.payload as Parameters<typeof notify>[0]);
      }),
    );
    loop.start();
    stop.push(watchWakeAndNetwork(() => loop.wake()));
    // Linux and macOS tell us before shutting down; a prevented close must not hold the OS up.
    const onShutdown = () => app.quit();
    powerMonitor.on('shutdown', onShutdown);
    stop.push(() => powerMonitor.off('shutdown', onShutdown));
    return { service, feedServer, loop, tray, stop };
  }
}
