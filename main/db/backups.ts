/**
 * Daily copies of the database (DESIGN §8), beside the copies made before migrations. Run when
 * the app or headless mode starts, and by the sync loop later: at most one copy a day, the
 * newest few kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

const DAY_MS = 24 * 60 * 60 * 1000;
const PREFIX = 'pigeonnier-daily-';

export interface DailyBackupOptions {
  dir: string;
  now: Date;
  /** How many daily copies to keep. */
  keep?: number;
}

/** Makes today's copy when the last one is a day old or more; returns its path, or null when not due. */
export function backupIfDue(db: Db, { dir, now, keep = 7 }: DailyBackupOptions): string | null {
  fs.mkdirSync(dir, { recursive: true });
  // Leftovers of a copy a crash cut short (see below) are never backups.
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.partial')) fs.rmSync(path.join(dir, name), { force: true });
  const existing = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.sqlite'))
    .sort();
  const newest = existing[existing.length - 1];
  if (newest && now.getTime() - fs.statSync(path.join(dir, newest)).mtimeMs < DAY_MS) return null;

  // ISO stamps sort as text in time order.
  const file = path.join(dir, `${PREFIX}${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
  // Written under another name, then renamed: a copy cut short by a crash never passes for
  // today's good one (and never pushes an older good one out of the rotation).
  const partial = `${file}.partial`;
  db.prepare('VACUUM INTO ?').run(partial);
  fs.utimesSync(partial, now, now);
  fs.renameSync(partial, file);
  for (const old of [...existing, path.basename(file)].slice(0, -keep)) fs.rmSync(path.join(dir, old), { force: true });
  return file;
}
