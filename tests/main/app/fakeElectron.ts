/**
 * A stand-in for the `electron` module (no Electron binary on these machines), for tests of
 * main/app only: `vi.mock('electron', () => import('./fakeElectron'))`. It behaves like the
 * parts of Electron we use and records what the code under test did: window options, web
 * contents handlers and messages, IPC registrations, tray and menu templates, notifications,
 * power and network events. `resetFakeElectron()` before each test.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Electron's cancellable event: handlers call preventDefault(). */
export class FakeEvent {
  defaultPrevented = false;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public processId: number,
    public routingId: number,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeFrame('about:blank', 100 + this.id, 1);
  readonly sent: [channel: string, message: unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  loading = true;

  send(channel: string, message: unknown): void {
    this.sent.push([channel, message]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isLoading(): boolean {
    return this.loading;
  }
  /** The page has loaded (Electron's 'did-finish-load'). */
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
  }
  /** Emits a cancellable event as Electron does and says whether a handler prevented it. */
  fire(name: string, fields: Record<string, unknown> = {}): boolean {
    const event = new FakeEvent(fields);
    this.emit(name, event);
    return event.defaultPrevented;
  }
  /** A frame of this page that is not its main frame (an iframe). */
  subframe(url = this.mainFrame.url): FakeFrame {
    return new FakeFrame(url, this.mainFrame.processId, this.mainFrame.routingId + 1);
  }
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  bounds: Bounds;
  visible = false;
  destroyed = false;
  minimized = false;
  maximized = false;
  focused = false;
  loaded: { file: string } | { url: string } | null = null;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    const o = options as { x?: number; y?: number; width: number; height: number };
    this.bounds = { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height };
    FakeBrowserWindow.instances.push(this);
    // As Electron does for every web contents it creates.
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadFile(file: string): Promise<void> {
    this.loaded = { file };
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loaded = { url };
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Bounds {
    return { ...this.bounds };
  }
  /** The owner drags or resizes the window. */
  setBounds(bounds: Partial<Bounds>): void {
    Object.assign(this.bounds, bounds);
    this.emit('move');
    this.emit('resize');
  }
  /** The owner clicks the close button (or the app closes it): cancellable by 'close' handlers. */
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = {};
  lockGranted = true;
  quitRequests = 0;
  /** Set once Electron would really have exited. */
  quitted = false;
  exitCode: number | null = null;
  loginItem = { openAtLogin: false, wasOpenedAtLogin: false };
  loginItemCalls: unknown[] = [];
  appUserModelId: string | null = null;

  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    const value = this.paths[name];
    if (!value) throw new Error(`fake app.getPath: no path "${name}" set by the test`);
    return value;
  }
  getAppPath(): string {
    return this.getPath('appPath');
  }
  getVersion(): string {
    return '0.1.0';
  }
  /** Electron's sequence: before-quit, close every window (one refusing cancels), will-quit, quit. */
  quit(): void {
    this.quitRequests++;
    const before = new FakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const window of FakeBrowserWindow.getAllWindows()) {
      window.close();
      if (!window.destroyed) return;
    }
    const willQuit = new FakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit');
  }
  exit(code: number): void {
    this.exitCode = code;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItemCalls.push(settings);
    this.loginItem.openAtLogin = settings.openAtLogin;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's handlers receive its IpcMainInvokeEvent, which this fake only imitates.
type Handler = (event: any, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would reach: the registered handler, with this event. */
  invoke(channel: string, event: { sender: unknown; senderFrame: unknown }, ...args: unknown[]): unknown {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export interface FakeMenu {
  template: Record<string, unknown>[];
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(public image: FakeImage) {
    super();
    FakeTray.instances.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The menu item with this id. */
  item(id: string): Record<string, unknown> & { click?: () => void } {
    const found = this.menu?.template.find((i) => i.id === id);
    if (!found) throw new Error(`no tray menu item "${id}"`);
    return found;
  }
}

export class FakeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(on: boolean): void {
    this.template = on;
  }
  isEmpty(): boolean {
    return !fs.existsSync(this.path);
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string; icon?: string }) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

type Headers = Record<string, string[]>;
type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type HeadersHandler = (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers }) => void) => void;

class FakeSession {
  permissionRequestHandler: PermissionHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  headersHandler: HeadersHandler | null = null;
  readonly webRequest = {
    onHeadersReceived: (handler: HeadersHandler) => {
      this.headersHandler = handler;
    },
  };
  setPermissionRequestHandler(handler: PermissionHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
}

const session = { defaultSession: new FakeSession() };

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invocations: [] as unknown[][],
  invoke(...args: unknown[]) {
    ipcRenderer.invocations.push(args);
    return Promise.resolve({ ok: true, value: null });
  },
});
export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed[key] = api;
  },
};
export const Menu = {
  applicationMenu: undefined as FakeMenu | null | undefined,
  buildFromTemplate: (template: Record<string, unknown>[]): FakeMenu => ({ template }),
  setApplicationMenu(menu: FakeMenu | null) {
    Menu.applicationMenu = menu;
  },
};
export const nativeImage = { createFromPath: (file: string) => new FakeImage(file) };
export const dialog = {
  errors: [] as [title: string, content: string][],
  showErrorBox(title: string, content: string) {
    dialog.errors.push([title, content]);
  },
};
export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
export const powerMonitor = new EventEmitter();
export const net = { online: true, isOnline: () => net.online };
export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    shell.opened.push(url);
    return Promise.resolve();
  },
};
export const screen = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1050 }] as Bounds[],
  getAllDisplays: () => screen.workAreas.map((workArea) => ({ workArea })),
};
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  plainTextAllowed: false,
  isEncryptionAvailable: () => safeStorage.available || safeStorage.plainTextAllowed,
  getSelectedStorageBackend: () => safeStorage.backend,
  setUsePlainTextEncryption(on: boolean) {
    safeStorage.plainTextAllowed = on;
  },
  // Reversible and visibly not the clear text, like the real thing.
  encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text, 'utf8').toString('hex')}`),
  decryptString(data: Buffer) {
    const text = data.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'hex').toString('utf8');
  },
};
export { FakeBrowserWindow as BrowserWindow, FakeNotification as Notification, FakeTray as Tray, session };

/** Everything back to a fresh Electron: no windows, handlers, listeners or records. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  for (const emitter of [app, ipcRenderer, nativeTheme, powerMonitor]) emitter.removeAllListeners();
  Object.assign(app, {
    isPackaged: false,
    paths: {},
    lockGranted: true,
    quitRequests: 0,
    quitted: false,
    exitCode: null,
    loginItem: { openAtLogin: false, wasOpenedAtLogin: false },
    loginItemCalls: [],
    appUserModelId: null,
  });
  ipcMain.handlers.clear();
  ipcRenderer.invocations = [];
  contextBridge.exposed = {};
  dialog.errors = [];
  Menu.applicationMenu = undefined;
  nativeTheme.shouldUseDarkColors = false;
  net.online = true;
  shell.opened = [];
  screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1050 }];
  Object.assign(safeStorage, { available: true, backend: 'gnome_libsecret', plainTextAllowed: false });
  Object.assign(session.defaultSession, { permissionRequestHandler: null, permissionCheckHandler: null, devicePermissionHandler: null, headersHandler: null });
}
