/**
 * The main window, hardened: the page gets no Node, runs sandboxed and isolated, with web
 * security on. Its webPreferences are written out where the window is made, so a reader (and
 * electronegativity, which reads the literal) sees them there; its geometry is a pure function
 * of the remembered state. The guards against navigation and new windows are set for every
 * web contents in security.ts.
 */
import { BrowserWindow, type Rectangle } from 'electron';
import { MIN_SIZE, type WindowState } from './windowState';

/** Position and size to open with: the remembered ones, already fitted to today's screens. */
export function windowGeometry(state: WindowState): Partial<Rectangle> & { width: number; height: number; minWidth: number; minHeight: number } {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
  };
}

export interface WindowEvents {
  /** The window asks to close: return true to hide it instead (the app lives on in the tray). */
  hideInsteadOfClose(): boolean;
  /** Its size or position settled (debounced), or it is closing: remember them. */
  saveBounds(window: BrowserWindow): void;
}

export interface WindowSetup {
  preload: string;
  icon?: string;
  page: { file: string } | { url: string };
  /** Shown once painted; false for an app started at login, which waits in the tray. */
  showWhenReady: boolean;
}

const SAVE_DELAY_MS = 500;

export function createMainWindow(state: WindowState, setup: WindowSetup, events: WindowEvents): BrowserWindow {
  const window = new BrowserWindow({
    ...windowGeometry(state),
    title: 'Pigeonnier',
    ...(setup.icon ? { icon: setup.icon } : {}),
    show: false,
    webPreferences: {
      // Reviewed for electronegativity's PRELOAD check: main/preload.ts exposes one function per
      // call of the contract and onEvent, never ipcRenderer (tests/main/app/preload.test.ts).
      preload: setup.preload, /* eng-disable PRELOAD_JS_CHECK */
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  if (setup.showWhenReady) window.once('ready-to-show', () => window.show());

  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!window.isDestroyed()) events.saveBounds(window);
    }, SAVE_DELAY_MS);
  };
  for (const name of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(name as 'resize', saveSoon);
  window.on('close', (event) => {
    if (timer) clearTimeout(timer);
    events.saveBounds(window);
    if (events.hideInsteadOfClose()) {
      event.preventDefault();
      window.hide();
    }
  });

  if ('url' in setup.page) void window.loadURL(setup.page.url);
  else void window.loadFile(setup.page.file);
  return window;
}
