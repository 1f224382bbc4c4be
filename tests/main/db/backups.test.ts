import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIfDue } from '../../../main/db/backups';
import { openDatabase } from '../../../main/db/connection';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('daily backups', () => {
  it('makes one copy a day that opens with the same data, and keeps only the newest few', () => {
    const dataDir = tempDir();
    const dir = path.join(dataDir, 'backups');
    const { db } = openDatabase(dataDir);
    db.prepare("INSERT INTO units (name, capacity, base_rate_cents, created_at, updated_at) VALUES ('Lavande', 2, 8500, 'x', 'x')").run();

    const first = backupIfDue(db, { dir, now: new Date('2026-11-01T08:00:00Z'), keep: 3 });
    expect(first).not.toBeNull();
    const copy = new Database(first!, { readonly: true });
    expect(copy.prepare('SELECT name FROM units').all()).toEqual([{ name: 'Lavande' }]);
    copy.close();

    // Not due again the same day.
    expect(backupIfDue(db, { dir, now: new Date('2026-11-01T20:00:00Z'), keep: 3 })).toBeNull();
    for (let day = 2; day <= 6; day++) {
      expect(backupIfDue(db, { dir, now: new Date(`2026-11-0${day}T09:00:00Z`), keep: 3 })).not.toBeNull();
    }
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toHaveLength(3);
    expect(kept[2]).toContain('2026-11-06');
    expect(kept[0]).toContain('2026-11-04');
    db.close();
  });
});

describe('a daily backup cut short', () => {
  it('leaves no file that passes for a good copy, and the next start makes a real one', () => {
    const dataDir = tempDir();
    const dir = path.join(dataDir, 'backups');
    const { db } = openDatabase(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    // What a crash in the middle of VACUUM INTO leaves behind.
    fs.writeFileSync(path.join(dir, 'pigeonnier-daily-2026-11-01T08-00-00-000Z.sqlite.partial'), 'SQLite format 3\0truncated');
    const made = backupIfDue(db, { dir, now: new Date('2026-11-01T09:00:00Z') });
    expect(made).not.toBeNull();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const copy = new Database(made!, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    db.close();
  });
});
