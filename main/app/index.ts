/**
 * The desktop app's entry: logging first, then desktopApp.ts. Electron stays in main/app and
 * the preload; everything else is the same service the headless mode runs.
 */
import { app } from 'electron';
import log from 'electron-log/main';
import path from 'node:path';
import { startDesktopApp } from './desktopApp';
import { captureProcessOutput, configureLogFile } from './logging';

/** better-sqlite3 built for Electron: unpacked beside the archive when packaged, out/native/ in development (scripts/electron-native.mjs). */
function nativeBinding(): string {
  if (app.isPackaged) {
    return path.join(process.resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  }
  return path.join(__dirname, `../native/electron-${process.versions.electron}-${process.platform}-${process.arch}/better_sqlite3.node`);
}

configureLogFile(log, app.getPath('userData'));
captureProcessOutput(log);

startDesktopApp({
  log,
  paths: {
    preload: path.join(__dirname, '../preload/index.js'),
    html: path.join(__dirname, '../renderer/index.html'),
    assets: path.join(app.getAppPath(), 'assets'),
    nativeBinding: nativeBinding(),
  },
});
