/**
 * Tells whether anything was written to the database since a given moment, by this connection or
 * by any other (the command line beside a running app): what the feed server keys its cache on.
 * `data_version` moves on other connections' commits, `total_changes()` on this one's rows.
 */
import type Database from 'better-sqlite3';
import type { Db } from './connection';

export interface ChangeCounter {
  dataVersion: number;
  totalChanges: number;
}

const statements = new WeakMap<Db, { dataVersion: Database.Statement; totalChanges: Database.Statement }>();

export function readChangeCounter(db: Db): ChangeCounter {
  let s = statements.get(db);
  if (!s) {
    // Prepared once per connection: this runs on every feed request.
    s = { dataVersion: db.prepare('PRAGMA data_version').pluck(), totalChanges: db.prepare('SELECT total_changes()').pluck() };
    statements.set(db, s);
  }
  return { dataVersion: s.dataVersion.get() as number, totalChanges: s.totalChanges.get() as number };
}

export function sameCounter(a: ChangeCounter, b: ChangeCounter): boolean {
  return a.dataVersion === b.dataVersion && a.totalChanges === b.totalChanges;
}
