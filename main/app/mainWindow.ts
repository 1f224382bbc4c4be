/**
 * The one main window: made at start-up, hidden if the app was started at login (so its page
 * is loaded and listening when a notification asks it to open a reservation), hidden rather
 * than closed unless the app is quitting, its bounds remembered, and the only web contents IPC
 * trusts.
 */
import type { BrowserWindow } from 'electron';
import type { AppNavigation, ApiEventMessage } from '../../shared/api';
import type { Db } from '../db/connection';
import { isOurMainFrame, type SenderCheck } from './ipc';
import { EVENT_CHANNEL } from './ipcChannels';
import type { PageLocation } from './page';
import type { Logger } from './security';
import { createMainWindow } from './window';
import { fitToScreens, readWindowState, writeWindowState, type Rectangle } from './windowState';

export interface MainWindowDeps {
  db: Db;
  page: PageLocation;
  preload: string;
  icon?: string;
  workAreas(): Rectangle[];
  isQuitting(): boolean;
  onSessionEnd(): void;
  log: Logger;
}

export interface MainWindowController {
  /** Makes the window (if there is none), shown once painted or kept hidden. */
  create(visible: boolean): void;
  show(): void;
  /** Shows the window and tells the page where to go ('app:navigate'). */
  navigate(to: AppNavigation): void;
  send(channel: string, message: ApiEventMessage): void;
  isTrusted: SenderCheck;
  current(): BrowserWindow | null;
}

export function createMainWindowController(deps: MainWindowDeps): MainWindowController {
  let window: BrowserWindow | null = null;
  const live = () => (window && !window.isDestroyed() ? window : null);

  function open(visible: boolean): BrowserWindow {
    const state = fitToScreens(readWindowState(deps.db), deps.workAreas());
    const created = createMainWindow(state, { preload: deps.preload, icon: deps.icon, page: deps.page.source, showWhenReady: visible }, {
      hideInsteadOfClose: () => !deps.isQuitting(),
      saveBounds(w) {
        try {
          writeWindowState(deps.db, w.getNormalBounds(), w.isMaximized());
        } catch (error) {
          // The database may already be closed when a window closes late in quitting.
          deps.log.warn('Could not remember the window position', error);
        }
      },
    });
    created.on('session-end', () => deps.onSessionEnd());
    created.on('closed', () => {
      if (window === created) window = null;
    });
    return created;
  }

  function send(channel: string, message: ApiEventMessage): void {
    live()?.webContents.send(channel, message);
  }

  return {
    create(visible) {
      if (!live()) window = open(visible);
    },
    show() {
      const existing = live();
      if (!existing) {
        // Shown by its own 'ready-to-show', once the page has painted.
        window = open(true);
        return;
      }
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
    },
    navigate(to) {
      this.show();
      const contents = live()!.webContents;
      const message: ApiEventMessage<'app:navigate'> = { event: 'app:navigate', payload: to };
      // A window just created has no page listening yet: wait until it has loaded.
      if (contents.isLoading()) contents.once('did-finish-load', () => send(EVENT_CHANNEL, message));
      else send(EVENT_CHANNEL, message);
    },
    send,
    isTrusted: (event) => isOurMainFrame(event, live()?.webContents ?? null, deps.page.isOurs),
    current: live,
  };
}
