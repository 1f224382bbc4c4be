/**
 * The main window, hardened: the page gets no Node, runs sandboxed and isolated, cannot
 * navigate away or open windows; links to the web open in the browser.
 */
import { BrowserWindow, shell } from 'electron';
import path from 'node:path';

const PRELOAD = path.join(__dirname, '../preload/index.js');
const PAGE = path.join(__dirname, '../renderer/index.html');

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Pigeonnier',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // electron-vite's dev server in development; the built page otherwise.
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) void window.loadURL(devUrl);
  else void window.loadFile(PAGE);
  return window;
}
