/**
 * Opens the owner's database in a data folder: WAL so the feed server can read while a sync
 * writes, foreign keys on, and every pending migration applied (after a backup copy).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, type MigrationReport } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export const DATABASE_FILE = 'pigeonnier.sqlite';

export interface OpenOptions {
  /** For tests of the migration machinery; the app always uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** Clock for backup names. */
  now?: () => Date;
  /** better-sqlite3's compiled addon, when it is not the one in node_modules (Electron's ABI in development). */
  nativeBinding?: string;
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrationReport;
}

/** Lower case without accents, so that a search for "helene" finds "Hélène" (SQLite's LIKE folds ASCII only). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

function registerFunctions(db: Db): void {
  db.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldForSearch(value) : value));
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): OpenedDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = databasePath(dataDir);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Another process (the CLI beside a running app) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    // Foreign keys stay off while migrating: SQLite's way to alter a table (copy, drop, rename)
    // needs them off, and the pragma cannot change inside a migration's transaction. migrate()
    // runs foreign_key_check afterwards instead.
    db.pragma('foreign_keys = OFF');
    const migration = migrate(db, {
      migrations: options.migrations ?? MIGRATIONS,
      backupDir: path.join(dataDir, 'backups'),
      now: options.now ?? (() => new Date()),
    });
    db.pragma('foreign_keys = ON');
    // Only after migrate: switching to WAL rewrites the file header, and a database refused as
    // too new must be left exactly as it was.
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL is durable across application crashes; only an OS crash may lose the last commit.
    db.pragma('synchronous = NORMAL');
    registerFunctions(db);
    return { db, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}
