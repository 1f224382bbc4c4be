/**
 * Logs: electron-log writes to <user data>/logs/main.log. At 1 MB the file is rotated:
 * main.log → main.1.log → main.2.log → main.3.log, the oldest dropped, so the folder never
 * holds more than 4 MB and support can still read a few days back. Uncaught errors and the
 * console (the service reports internal errors there) go to the same file.
 */
import type { NodeLogger } from 'electron-log';
import fs from 'node:fs';
import path from 'node:path';

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_GENERATIONS = 3;

/** Shifts main.N.log up by one (dropping the last) and moves the full file to main.1.log. */
export function rotateLogFile(file: string, generations = LOG_GENERATIONS): void {
  const { dir, name, ext } = path.parse(file);
  const archived = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  fs.rmSync(archived(generations), { force: true });
  for (let n = generations - 1; n >= 1; n--) {
    if (fs.existsSync(archived(n))) fs.renameSync(archived(n), archived(n + 1));
  }
  fs.renameSync(file, archived(1));
}

/** Works with electron-log's main logger and, in tests, its Node one: the file transport is the same. */
export function configureLogFile(log: NodeLogger, userDataDir: string): void {
  const file = path.join(userDataDir, 'logs', 'main.log');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (old) => {
    try {
      rotateLogFile(old.path);
    } catch {
      // A file another process holds open (Windows): start afresh rather than grow forever.
      old.clear();
    }
  };
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.NODE_ENV === 'development' ? 'debug' : 'warn';
}

/** The whole process's errors and console output into the log (electron-log's documented set-up). */
export function captureProcessOutput(log: NodeLogger): void {
  log.errorHandler.startCatching({ showDialog: false });
  Object.assign(console, log.functions);
}
