/**
 * Numbered, append-only migrations tracked in PRAGMA user_version. A database written by a newer
 * Pigeonnier is refused (its tables may mean things this version does not know); a database
 * that needs migrating is first copied aside, so a failed or regretted upgrade loses nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`This data was written by a newer version of Pigeonnier (schema ${found}; this version knows up to ${supported}). Update Pigeonnier to open it.`);
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  /** The copy made before migrating; null when nothing needed migrating or the database was new. */
  backupFile: string | null;
}

interface MigrateOptions {
  migrations: readonly Migration[];
  backupDir: string;
  now: () => Date;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${index + 1}`);
  });
}

function isEmptyDatabase(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n === 0;
}

function backup(db: Database.Database, dir: string, version: number, now: Date): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `pigeonnier-schema${version}-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent, compact copy even with a WAL in use.
  db.prepare('VACUUM INTO ?').run(file);
  return file;
}

export function migrate(db: Database.Database, options: MigrateOptions): MigrationReport {
  const { migrations } = options;
  checkSequence(migrations);
  const target = latestVersion(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > target) throw new DatabaseTooNewError(current, target);
  if (current === target) return { from: current, to: current, backupFile: null };

  const backupFile = isEmptyDatabase(db) ? null : backup(db, options.backupDir, current, options.now());
  for (const migration of migrations.slice(current)) {
    // One transaction per step: a failing step leaves the database at the previous version.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) throw new Error(`Migration left ${problems.length} broken references`);
  return { from: current, to: target, backupFile };
}
