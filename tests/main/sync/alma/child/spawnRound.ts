/**
 * Runs almaRound.ts in a child process (tsx), and kills it with SIGKILL when the test says so:
 * the crash tests' way to make the app die at an exact point of an exchange with the partner
 * simulator (which holds the request the test chose, so the child waits on it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { databasePath } from '../../../../../main/db/connection';

const SCRIPT = path.join(import.meta.dirname, 'almaRound.ts');
const TSX = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'loader.mjs');

const children = new Set<ChildProcess>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

export interface ChildRound {
  /** Kills the child now (SIGKILL). */
  kill(): void;
  /** How it ended: its printed result, or the signal that killed it. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; result: unknown; stderr: string }>;
}

export function spawnRound(dataDir: string, connectionId: number, what: 'push' | 'pull' | 'both'): ChildRound {
  const child = spawn(process.execPath, ['--import', TSX, SCRIPT, dataDir, String(connectionId), what], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A child stuck this long is a failure, not a wait.
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; result: unknown; stderr: string }>((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(watchdog);
      children.delete(child);
      const line = stdout.trim().split('\n').at(-1);
      resolve({ code, signal, result: line ? (JSON.parse(line) as unknown) : null, stderr });
    });
  });
  return { kill: () => child.kill('SIGKILL'), done };
}

/** SQLite's own verdict on the data folder's database, and foreign key violations. */
export function databaseHealth(dataDir: string): { integrity: string; foreignKeyViolations: number } {
  const db = new Database(databasePath(dataDir), { fileMustExist: true });
  try {
    return { integrity: db.pragma('integrity_check', { simple: true }) as string, foreignKeyViolations: (db.pragma('foreign_key_check') as unknown[]).length };
  } finally {
    db.close();
  }
}
