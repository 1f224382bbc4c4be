/**
 * The migration machinery, on real database files. Synthetic migration lists (passed through
 * openDatabase's `migrations` option) exercise it independently of the app's own schema.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase, type Db } from '../../../main/db/connection';
import { DatabaseTooNewError, latestVersion } from '../../../main/db/migrate';
import { MIGRATIONS, type Migration } from '../../../main/db/migrations';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

const NOW = new Date('2026-05-01T10:00:00.000Z');
const now = () => NOW;

const createNotes: Migration = {
  version: 1,
  name: '001_notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT'),
};
const addTags: Migration = {
  version: 2,
  name: '002_tags',
  up: (db) => db.exec("CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL) STRICT; INSERT INTO tags (label) VALUES ('first')"),
};
const failing: Migration = {
  version: 2,
  name: '002_broken',
  up: (db) => {
    db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
    db.exec('INSERT INTO notes (text) VALUES (NULL)'); // NOT NULL: throws after a first change
  },
};

function rawUserVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

function withRaw<T>(file: string, use: (db: Db) => T): T {
  const db = new Database(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

describe('a migration that rebuilds a referenced table (SQLite’s copy, drop, rename)', () => {
  it('runs with foreign keys off, keeps the rows that point at it, and leaves foreign keys on afterwards', () => {
    const parentChild: Migration = {
      version: 1,
      name: '001_parent_child',
      up: (db) =>
        db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
                 CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT;
                 INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1, 1);`),
    };
    const rebuildParent: Migration = {
      version: 2,
      name: '002_rebuild_parent',
      up: (db) =>
        db.exec(`CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL DEFAULT '') STRICT;
                 INSERT INTO parent_new (id, name) SELECT id, name FROM parent;
                 DROP TABLE parent;
                 ALTER TABLE parent_new RENAME TO parent;`),
    };
    const dataDir = tempDir();
    openDatabase(dataDir, { migrations: [parentChild], now }).db.close();
    const { db } = openDatabase(dataDir, { migrations: [parentChild, rebuildParent], now });
    try {
      expect(db.prepare('SELECT c.id, p.name FROM child c JOIN parent p ON p.id = c.parent_id').all()).toEqual([{ id: 1, name: 'a' }]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => db.prepare('INSERT INTO child VALUES (2, 99)').run()).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});

describe('openDatabase on a new folder', () => {
  it('creates the folder and a database at the latest schema version, in WAL mode with foreign keys on', () => {
    const dataDir = path.join(tempDir(), 'nested', 'Pigeonnier');
    const { db, migration } = openDatabase(dataDir, { now });
    try {
      expect(fs.existsSync(databasePath(dataDir))).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
      expect(latestVersion(MIGRATIONS)).toBe(MIGRATIONS.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(migration).toEqual({ from: 0, to: latestVersion(MIGRATIONS), backupFile: null });
    } finally {
      db.close();
    }
  });

  it('makes no backup of a brand-new, empty database', () => {
    const dataDir = tempDir();
    openDatabase(dataDir, { now }).db.close();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });
});

describe('reopening a database that is up to date', () => {
  it('does nothing and makes no backup', () => {
    const dataDir = tempDir();
    const first = openDatabase(dataDir, { migrations: [createNotes], now });
    first.db.prepare("INSERT INTO notes (text) VALUES ('kept')").run();
    first.db.close();

    const second = openDatabase(dataDir, { migrations: [createNotes], now });
    try {
      expect(second.migration).toEqual({ from: 1, to: 1, backupFile: null });
      expect(second.db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'kept' }]);
      expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    } finally {
      second.db.close();
    }
  });
});

describe('a database written by a newer Pigeonnier', () => {
  function newerDatabase(dataDir: string, journal: 'wal' | 'delete'): Buffer {
    fs.mkdirSync(dataDir, { recursive: true });
    withRaw(databasePath(dataDir), (db) => {
      db.pragma(`journal_mode = ${journal}`);
      db.exec("CREATE TABLE future (id INTEGER PRIMARY KEY, what TEXT); INSERT INTO future (what) VALUES ('from the future')");
      db.pragma('user_version = 7');
    });
    return fs.readFileSync(databasePath(dataDir));
  }

  it.each(['wal', 'delete'] as const)('is refused with DatabaseTooNewError and left byte for byte untouched (%s journal)', (journal) => {
    const dataDir = tempDir();
    const before = newerDatabase(dataDir, journal);

    let error: unknown;
    try {
      openDatabase(dataDir, { migrations: [createNotes, addTags], now }).db.close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error).toMatchObject({ found: 7, supported: 2 });

    expect(fs.readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    expect(rawUserVersion(databasePath(dataDir))).toBe(7);
  });

  it('is refused by the app’s own migration list too', () => {
    const dataDir = tempDir();
    newerDatabase(dataDir, 'wal');
    expect(() => openDatabase(dataDir, { now })).toThrow(DatabaseTooNewError);
  });
});

describe('a database at an older schema version', () => {
  function atVersionOne(dataDir: string): void {
    const { db } = openDatabase(dataDir, { migrations: [createNotes], now });
    db.prepare("INSERT INTO notes (text) VALUES ('written at version 1')").run();
    db.close();
  }

  it('is copied to backups/ before migrating, then migrated to the latest version', () => {
    const dataDir = tempDir();
    atVersionOne(dataDir);

    const { db, migration } = openDatabase(dataDir, { migrations: [createNotes, addTags], now });
    try {
      expect(migration.from).toBe(1);
      expect(migration.to).toBe(2);
      expect(migration.backupFile).toBe(path.join(dataDir, 'backups', 'pigeonnier-schema1-2026-05-01T10-00-00-000Z.sqlite'));
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(tableNames(db)).toEqual(['notes', 'tags']);
      expect(db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'written at version 1' }]);
    } finally {
      db.close();
    }
  });

  it('leaves a backup that opens at the old version with the old data and without the new tables', () => {
    const dataDir = tempDir();
    atVersionOne(dataDir);
    const { db, migration } = openDatabase(dataDir, { migrations: [createNotes, addTags], now });
    db.close();

    withRaw(migration.backupFile!, (backup) => {
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(tableNames(backup)).toEqual(['notes']);
      expect(backup.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'written at version 1' }]);
    });
  });

  it('applies every missing step in order, from version 0 with data in it', () => {
    const dataDir = tempDir();
    fs.mkdirSync(dataDir, { recursive: true });
    withRaw(databasePath(dataDir), (db) => db.exec('CREATE TABLE legacy (x INTEGER) STRICT'));

    const { db, migration } = openDatabase(dataDir, { migrations: [createNotes, addTags], now });
    try {
      expect(migration).toMatchObject({ from: 0, to: 2 });
      expect(migration.backupFile).not.toBeNull();
      expect(tableNames(db)).toEqual(['legacy', 'notes', 'tags']);
    } finally {
      db.close();
    }
  });
});

describe('a migration that throws', () => {
  it('leaves the database at the previous version, with nothing of the failed step', () => {
    const dataDir = tempDir();
    const { db } = openDatabase(dataDir, { migrations: [createNotes], now });
    db.prepare("INSERT INTO notes (text) VALUES ('safe')").run();
    db.close();

    expect(() => openDatabase(dataDir, { migrations: [createNotes, failing], now })).toThrow(/NOT NULL/);

    withRaw(databasePath(dataDir), (raw) => {
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(raw)).toEqual(['notes']);
      expect(raw.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'safe' }]);
    });
    // The copy made before trying is there for the owner.
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1);
  });

  it('keeps the steps before it on a new database', () => {
    const dataDir = tempDir();
    expect(() => openDatabase(dataDir, { migrations: [createNotes, failing], now })).toThrow();
    expect(rawUserVersion(databasePath(dataDir))).toBe(1);
    withRaw(databasePath(dataDir), (raw) => expect(tableNames(raw)).toEqual(['notes']));
  });

  it('closes the database it opened, so the file can be opened again at once', () => {
    const dataDir = tempDir();
    expect(() => openDatabase(dataDir, { migrations: [createNotes, failing], now })).toThrow();
    const { db, migration } = openDatabase(dataDir, { migrations: [createNotes], now });
    expect(migration).toEqual({ from: 1, to: 1, backupFile: null });
    db.close();
  });
});

describe('migrations numbered out of order', () => {
  it.each([
    ['a gap', [createNotes, { ...addTags, version: 3 }]],
    ['a swap', [addTags, createNotes]],
    ['a repeat', [createNotes, { ...addTags, version: 1 }]],
    ['no version 1', [{ ...createNotes, version: 2 }]],
  ])('are refused (%s) and nothing is migrated', (_case, migrations) => {
    const dataDir = tempDir();
    expect(() => openDatabase(dataDir, { migrations, now })).toThrow(/is numbered \d+, expected \d+/);
    withRaw(databasePath(dataDir), (raw) => {
      expect(raw.pragma('user_version', { simple: true })).toBe(0);
      expect(tableNames(raw)).toEqual([]);
    });
  });
});

describe('the app’s migration list', () => {
  it('is numbered 1, 2, 3 … with unique names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
