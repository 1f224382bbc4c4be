/**
 * Statements prepared once per connection and kept. Preparing parses and plans the SQL: 15 to
 * 130 µs a statement, more than running most of them, and the sync loop runs the same dozen on
 * every read of every feed (tests/bench/round.bench.ts).
 *
 * Only for fixed SQL text (SQL built from a caller's keys would fill the cache). A kept
 * statement is shared: one that reads with .pluck() or .raw() must ask for it on every use, and
 * never .iterate() (a statement part-way through an iteration cannot be run again meanwhile).
 */
import type Database from 'better-sqlite3';
import type { Db } from './connection';

const kept = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let statements = kept.get(db);
  if (!statements) {
    statements = new Map();
    kept.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
