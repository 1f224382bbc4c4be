/**
 * Issue 5's crash test. A child process — the built command line, `sync --data DIR --json`, one
 * round per spawn — reads a partner on 127.0.0.1 whose calendar changes at every poll (a few
 * hundred stays: some moved, some removed and added back, some with new guest details, some
 * with rotated UIDs), and is killed with SIGKILL at random moments, many times: a third of the
 * kills at a random time of a whole round, the others at a random time after the partner has
 * sent the calendar, while the child parses, reconciles and applies it. After every spawn the data
 * folder is opened afresh and must hold:
 * - a database passing `PRAGMA integrity_check` and `foreign_key_check`;
 * - the feed's stock-holding files, its reference read (feed_read_stays) and the hash of its
 *   last good body all matching one whole version of the partner's calendar: the one it held
 *   before the spawn, or the one served to that spawn — never a mix;
 * - every file's history replaying, from "created" on, to exactly what the file holds;
 * - nothing removed: no file, and no history row changed or deleted;
 * - one "updated" run recorded per version applied (the run is written with the changes).
 * A spawn the kill did not reach must have converged to the version served, and so must a round
 * left alone after every fifth kill. After all kills a clean round must bring the files to the
 * partner's current calendar exactly, and the one after it find nothing to do (304).
 *
 * Where each kill landed is measured, not guessed: whether the partner had answered, whether
 * the version was committed, and whether the child held SQLite's write lock at that instant
 * (the WAL write lock, byte 120 of the -shm file, read from /proc/locks just before the kill).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { insertConnection, insertFeed } from '../../../main/db/channels';
import { databasePath } from '../../../main/db/connection';
import { createService } from '../../../main/service';
import { CLI } from '../../helpers/cli';
import { calendar, type TestEvent } from '../../helpers/feedImport';
import { startPartner } from '../../helpers/partnerServer';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

/** Kills that must reach a live child (issue 5: at least 50). */
const KILLS = 50;
/** The kill loop stops here even if short of kills (and the test then fails): the whole test stays under a minute. */
const LOOP_BUDGET_MS = 50_000;
const SLOTS = 400;
const SLOT_DAYS = 4;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// The partner's calendar, version by version.

/** A number in [0, 1) fixed by its arguments: version v of the calendar is always the same. */
function chance(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part + 0x9e3779b9), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}

/** A seeded generator for the kill delays, so a failing run can be replayed (CRASH_SEED). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Stay {
  uid: string;
  kind: 'booking' | 'block';
  arrival: string;
  departure: string;
  reference: string | null;
}

interface Version {
  number: number;
  stays: Stay[];
  body: Buffer;
  hash: string;
  etag: string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const night = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Slot i holds at most one stay within its own SLOT_DAYS days, so stays never overlap. By slot:
 * 20 % never change, 30 % move (arrival and length), 30 % come and go (present 60 % of the
 * time: removed → cancelled, back → the same file holds again), 10 % get new guest details (the
 * Airbnb reservation code), 10 % keep their nights under a rotating UID. One in seven is an
 * Airbnb "Not available" block. Between any two versions about a tenth of the future stays
 * vanish: far from the half that would make a read suspicious.
 */
function buildVersion(number: number, firstDay: number): Version {
  const stays: Stay[] = [];
  for (let slot = 0; slot < SLOTS; slot++) {
    const role = slot % 10;
    const kind = slot % 7 === 3 ? 'block' : 'booking';
    let offset = 0;
    let nights = 2;
    let uid = `stay-${slot}@airbnb.com`;
    let variant = 0;
    if (role >= 2 && role <= 4) {
      offset = Math.floor(chance(slot, number, 1) * 2);
      nights = 1 + Math.floor(chance(slot, number, 2) * (SLOT_DAYS - offset));
    } else if (role >= 5 && role <= 7) {
      if (chance(slot, number, 3) >= 0.6) continue;
    } else if (role === 8) {
      variant = Math.floor(chance(slot, number, 4) * 10);
    } else if (role === 9) {
      uid = `stay-${slot}-${Math.floor(chance(slot, number, 5) * 3)}@airbnb.com`;
    }
    const start = firstDay + slot * SLOT_DAYS + offset;
    stays.push({
      uid,
      kind,
      arrival: night(start),
      departure: night(start + nights),
      reference: kind === 'booking' ? `HM${String(slot).padStart(4, '0')}V${variant}` : null,
    });
  }
  const events: TestEvent[] = stays.map((s) =>
    s.kind === 'block'
      ? [s.uid, s.arrival, s.departure, 'Airbnb (Not available)']
      : [s.uid, s.arrival, s.departure, 'Reserved', `DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/${s.reference}\\nPhone Number (Last 4 Digits): ${String(7000 + (number % 1000)).slice(-4)}`],
  );
  const body = Buffer.from(calendar(events));
  return { number, stays, body, hash: createHash('sha256').update(body).digest('hex'), etag: `"v${number}"` };
}

/** What the database must hold for a version: stock-holding files and reference read, by UID. */
function expected(version: Version | null): { files: Map<string, string>; read: Map<string, string>; hash: string | null } {
  const stays = version?.stays ?? [];
  return {
    files: new Map(stays.map((s) => [s.uid, `${s.kind} ${s.arrival}→${s.departure} ${s.reference ?? '-'}`])),
    read: new Map(stays.map((s) => [s.uid, `${s.kind === 'booking' ? 'reservation' : 'block'} ${s.arrival}→${s.departure}`])),
    hash: version?.hash ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// What the data folder holds after a spawn.

interface Observed {
  integrity: string[];
  foreignKeyViolations: number;
  /** Stock-holding files of the feed: UID → kind, nights, reference. */
  files: Map<string, string>;
  duplicateFiles: string[];
  /** The feed's reference read: stay key → kind, nights. */
  read: Map<string, string>;
  readProblems: string[];
  lastGoodHash: string | null;
  health: string;
  reservationIds: Set<number>;
  /** History row id → the whole row. */
  history: Map<number, string>;
  historyProblems: string[];
  runs: Record<string, number>;
}

const COLUMNS: Record<string, string> = {
  externalId: 'external_id',
  partnerReference: 'partner_reference',
  kind: 'kind',
  status: 'status',
  arrival: 'arrival',
  departure: 'departure',
  guests: 'guests',
  guestName: 'guest_name',
  email: 'email',
  phone: 'phone',
  goneFromFeed: 'flag_gone_from_feed',
  changedByPartner: 'flag_changed_by_partner',
  suspiciousFeed: 'flag_suspicious_feed',
};
const FLAGS = new Set(['flag_gone_from_feed', 'flag_changed_by_partner', 'flag_suspicious_feed']);

type Row = Record<string, string | number | null>;

/** Replays a file's history from nothing; returns what does not add up. */
function replayHistory(file: Row, rows: Row[]): string[] {
  const problems: string[] = [];
  if (rows[0]?.action !== 'created') return [`file ${file.id}: history does not start with "created" (${rows.length} rows)`];
  const state: Record<string, unknown> = { flag_gone_from_feed: 0, flag_changed_by_partner: 0, flag_suspicious_feed: 0 };
  rows.forEach((row, index) => {
    if (index > 0 && row.action === 'created') problems.push(`file ${file.id}: created twice`);
    const changes = JSON.parse(row.changes as string) as Record<string, [unknown, unknown]>;
    if (Object.keys(changes).length === 0) problems.push(`file ${file.id}: empty history row ${row.action}`);
    for (const [key, [before, after]] of Object.entries(changes)) {
      const column = COLUMNS[key];
      if (!column) continue;
      const value = (v: unknown) => (FLAGS.has(column) ? (v ? 1 : 0) : (v ?? null));
      if (value(before) !== value(state[column] ?? null)) problems.push(`file ${file.id}: history row ${row.id} (${row.action}) says ${key} was ${JSON.stringify(before)}, replay says ${JSON.stringify(state[column] ?? null)}`);
      state[column] = value(after);
    }
  });
  for (const column of ['external_id', 'partner_reference', 'kind', 'status', 'arrival', 'departure', ...FLAGS]) {
    if ((state[column] ?? null) !== file[column]) problems.push(`file ${file.id}: ${column} is ${JSON.stringify(file[column])}, its history says ${JSON.stringify(state[column] ?? null)}`);
  }
  return problems;
}

function observe(dataDir: string, feedId: number): Observed {
  const db = new Database(databasePath(dataDir), { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    const reservations = db.prepare('SELECT * FROM reservations ORDER BY id').all() as Row[];
    const historyRows = db.prepare('SELECT * FROM reservation_history ORDER BY id').all() as Row[];
    const byFile = new Map<number, Row[]>();
    for (const row of historyRows) byFile.set(row.reservation_id as number, [...(byFile.get(row.reservation_id as number) ?? []), row]);

    const files = new Map<string, string>();
    const duplicateFiles: string[] = [];
    const historyProblems: string[] = [];
    const byId = new Map<number, Row>();
    for (const file of reservations) {
      byId.set(file.id as number, file);
      historyProblems.push(...replayHistory(file, byFile.get(file.id as number) ?? []));
      if (file.status !== 'confirmed' && file.status !== 'pending') continue;
      const uid = file.external_id as string;
      if (files.has(uid)) duplicateFiles.push(uid);
      files.set(uid, `${file.kind} ${file.arrival}→${file.departure} ${file.partner_reference ?? '-'}`);
    }

    const read = new Map<string, string>();
    const readProblems: string[] = [];
    for (const stay of db.prepare('SELECT * FROM feed_read_stays WHERE feed_id = ?').all(feedId) as Row[]) {
      read.set(stay.stay_key as string, `${stay.kind} ${stay.arrival}→${stay.departure}`);
      const file = byId.get(stay.reservation_id as number);
      if (!file || file.external_id !== stay.stay_key || file.arrival !== stay.arrival || file.departure !== stay.departure) {
        readProblems.push(`read stay ${stay.stay_key} points at file ${stay.reservation_id} (${file ? `${file.external_id} ${file.arrival}→${file.departure}` : 'missing'})`);
      }
    }
    const feed = db.prepare('SELECT last_good_hash, health FROM feeds WHERE id = ?').get(feedId) as { last_good_hash: string | null; health: string };
    const runs = Object.fromEntries((db.prepare('SELECT outcome, count(*) AS n FROM sync_runs GROUP BY outcome').all() as { outcome: string; n: number }[]).map((r) => [r.outcome, r.n]));
    return {
      integrity,
      foreignKeyViolations,
      files,
      duplicateFiles,
      read,
      readProblems,
      lastGoodHash: feed.last_good_hash,
      health: feed.health,
      reservationIds: new Set(reservations.map((r) => r.id as number)),
      history: new Map(historyRows.map((r) => [r.id as number, JSON.stringify(r)])),
      historyProblems,
      runs,
    };
  } finally {
    db.close();
  }
}

function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** How far a state is from a version, for the failure message. */
function distance(observed: Observed, version: Version | null): string {
  const want = expected(version);
  const off = (got: Map<string, string>, exp: Map<string, string>) =>
    [...new Set([...got.keys(), ...exp.keys()])].filter((k) => got.get(k) !== exp.get(k)).slice(0, 3).map((k) => `${k}: ${got.get(k) ?? 'none'} (want ${exp.get(k) ?? 'none'})`);
  return `v${version?.number ?? 'none'}: files ${off(observed.files, want.files).join('; ') || 'ok'} | read ${off(observed.read, want.read).join('; ') || 'ok'} | hash ${observed.lastGoodHash === want.hash ? 'ok' : 'differs'}`;
}

/** The one version the state is entirely, among the candidates; undefined when it is none (a mix). */
function wholeVersion(observed: Observed, candidates: (Version | null)[]): Version | null | undefined {
  return candidates.find((version) => {
    const want = expected(version);
    return sameMap(observed.files, want.files) && sameMap(observed.read, want.read) && observed.lastGoodHash === want.hash;
  });
}

// ---------------------------------------------------------------------------------------------
// The child and the kill.

/** Linux lists every file lock in /proc/locks; elsewhere where a kill landed is told less precisely. */
const LOCKS_VISIBLE = fs.existsSync('/proc/locks');

/** Whether process `pid` holds SQLite's WAL write lock (byte 120 of the -shm file) right now; null when that cannot be seen. */
function holdsWriteLock(pid: number, shmFile: string): boolean | null {
  if (!LOCKS_VISIBLE) return null;
  let inode: number;
  try {
    inode = fs.statSync(shmFile).ino;
  } catch {
    return false;
  }
  return fs
    .readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .some((line) => {
      const f = line.trim().split(/\s+/);
      // "1: POSIX  ADVISORY  WRITE 4153 fe:00:2146548 120 120"
      return f[1] === 'POSIX' && f[3] === 'WRITE' && Number(f[4]) === pid && f[5]?.endsWith(`:${inode}`) && Number(f[6]) <= 120 && (f[7] === 'EOF' || Number(f[7]) >= 120);
    });
}

type Phase = 'starting' | 'fetching' | 'before the transaction' | 'in the apply transaction' | 'before the commit (lock not visible)' | 'after the commit';

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Since the partner finished sending the calendar, or null if it did not. */
  afterResponseMs: number | null;
  kill: { requested: boolean; responded: boolean; writeLock: boolean | null; atMs: number } | null;
}

const children = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

describe('sync rounds killed with SIGKILL', () => {
  it(`leave a whole version every time, never a mix, and the next round converges (${KILLS} kills)`, async () => {
    const started = performance.now();
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
    const random = generator(seed);

    // Stays from a fortnight ahead: the child runs on the real clock.
    const firstDay = Math.floor(Date.now() / DAY_MS) + 14;
    const versions = new Map<number, Version>();
    const version = (n: number) => versions.get(n) ?? versions.set(n, buildVersion(n, firstDay)).get(n)!;

    // The partner: the version the test chose, a validator per version, 304 when it matches.
    const partner = await startPartner();
    let serving = version(0);
    let hits: { finishedAt: number | null }[] = [];
    let onResponse: (() => void) | null = null;
    partner.serve((req, res) => {
      const hit = { finishedAt: null as number | null };
      hits.push(hit);
      const current = serving;
      if (req.headers['if-none-match'] === current.etag) {
        res.writeHead(304, { etag: current.etag });
        res.end();
        return;
      }
      res.on('finish', () => {
        hit.finishedAt = performance.now();
        onResponse?.();
      });
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: current.etag });
      res.end(current.body);
    });

    // The data folder, set up by the service itself, then closed: only the children touch it.
    const dataDir = path.join(tempDir(), 'data');
    const service = createService({ dataDir });
    const unit = service.call('units:create', { name: 'La Grange', capacity: 4, baseRateCents: 8500 });
    const connection = insertConnection(
      service.db,
      { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
      new Date(),
    );
    const feed = insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: partner.url(), importEnabled: true, exportEnabled: false, exportToken: null });
    service.close();
    const shmFile = `${databasePath(dataDir)}-shm`;

    /** One round in a child; `killAt` picks the moment of the kill once the child is running. */
    function runRound(killAt: { fromStartMs: number } | { afterResponseMs: number } | null): Promise<Spawned> {
      hits = [];
      const begun = performance.now();
      const child = spawn(process.execPath, [CLI, 'sync', '--data', dataDir, '--json'], {
        env: { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8', PIGEONNIER_LANG: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      let kill: Spawned['kill'] = null;
      const killNow = () => {
        if (child.exitCode !== null || child.signalCode !== null || kill) return;
        // Read where the child is, then kill it at once: microseconds apart.
        const writeLock = holdsWriteLock(child.pid!, shmFile);
        const requested = hits.length > 0;
        const responded = hits.some((h) => h.finishedAt !== null);
        child.kill('SIGKILL');
        kill = { requested, responded, writeLock, atMs: performance.now() - begun };
      };
      let timer: NodeJS.Timeout | undefined;
      onResponse = null;
      if (killAt && 'fromStartMs' in killAt) timer = setTimeout(killNow, killAt.fromStartMs);
      if (killAt && 'afterResponseMs' in killAt) onResponse = () => (timer = setTimeout(killNow, killAt.afterResponseMs));
      // A child stuck for this long is a failure, not a wait.
      const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
      return new Promise((resolve) => {
        child.once('close', (code, signal) => {
          clearTimeout(timer);
          clearTimeout(watchdog);
          onResponse = null;
          children.delete(child);
          const finishedAt = hits.find((h) => h.finishedAt !== null)?.finishedAt ?? null;
          const ms = performance.now() - begun;
          resolve({ code, signal, stdout, stderr, ms, afterResponseMs: finishedAt === null ? null : performance.now() - finishedAt, kill });
        });
      });
    }

    // What the folder held after the previous spawn, to check nothing was taken away since.
    let inDb = null as Version | null;
    let last: Observed | null = null;
    let applied = 0;
    let spawns = 0;
    let checkMs = 0;

    /** Every check of the header; returns the version the folder holds. */
    function check(candidates: (Version | null)[], context: string): Version | null {
      const checkStarted = performance.now();
      const seen = observe(dataDir, feed.id);
      checkMs += performance.now() - checkStarted;
      const where = `${context} (seed ${seed})`;
      expect(seen.integrity, where).toEqual(['ok']);
      expect(seen.foreignKeyViolations, where).toBe(0);
      expect(seen.historyProblems.slice(0, 5), where).toEqual([]);
      expect(seen.duplicateFiles, where).toEqual([]);
      expect(seen.readProblems.slice(0, 5), where).toEqual([]);
      const whole = wholeVersion(seen, candidates);
      if (whole === undefined) expect.fail(`${where}: the files are no whole version of the calendar:\n  ${candidates.map((v) => distance(seen, v)).join('\n  ')}`);
      expect(seen.health, where).toBe('ok');
      if (last) {
        const lost = [...last.reservationIds].filter((id) => !seen.reservationIds.has(id));
        expect(lost, `${where}: files deleted`).toEqual([]);
        const newest = Math.max(0, ...last.reservationIds);
        const reused = [...seen.reservationIds].filter((id) => !last!.reservationIds.has(id) && id <= newest);
        expect(reused, `${where}: file ids reused`).toEqual([]);
        const rewritten = [...last.history].filter(([id, row]) => seen.history.get(id) !== row).map(([id]) => id);
        expect(rewritten, `${where}: history rows changed or deleted`).toEqual([]);
      }
      if (whole !== inDb) applied++;
      // The run is written in the same transaction as the changes: one "updated" run per version applied.
      expect(seen.runs.updated ?? 0, where).toBe(applied);
      expect((seen.runs.failed ?? 0) + (seen.runs.rejected ?? 0), where).toBe(0);
      last = seen;
      inDb = whole;
      return whole;
    }

    // Calibration: clean rounds, to know how long a round takes and how long after the partner's answer it ends.
    const rounds: number[] = [];
    const tails: number[] = [];
    for (let n = 0; n < 4; n++) {
      serving = version(n);
      const round = await runRound(null);
      spawns++;
      expect(round.code, round.stderr).toBe(0);
      expect(JSON.parse(round.stdout)).toEqual({ connections: [expect.objectContaining({ feedId: feed.id, outcome: 'updated', httpStatus: 200 })] });
      expect(check([serving], `clean round ${n}`)).toBe(serving);
      // The first read creates every file: the others are what the kill loop repeats.
      if (n > 0) {
        rounds.push(round.ms);
        tails.push(round.afterResponseMs!);
      }
    }
    const roundMs = median(rounds);
    const tailMs = median(tails);

    // The kill loop: every spawn is served a version the folder does not hold yet.
    const phases = new Map<Phase, number>();
    let kills = 0;
    let converged = 0;
    let cleanAfterKill = 0;
    let next = 4;
    const loopStarted = performance.now();
    while (kills < KILLS && performance.now() - loopStarted < LOOP_BUDGET_MS) {
      const before = inDb;
      serving = version(next++);
      // Two kills in three aimed after the partner's answer, where the changes are written.
      const afterResponse = spawns % 3 !== 0;
      const delay = random() * (afterResponse ? tailMs : roundMs);
      const round = await runRound(afterResponse ? { afterResponseMs: delay } : { fromStartMs: delay });
      spawns++;
      const context = `spawn ${spawns}, v${before?.number} → v${serving.number}, ${afterResponse ? `${delay.toFixed(0)} ms after the answer` : `${delay.toFixed(0)} ms after the start`}`;
      if (round.signal === null) {
        // The kill came too late: a whole round, which must have converged to what was served.
        expect(round.code, `${context}: ${round.stderr}`).toBe(0);
        expect(JSON.parse(round.stdout).connections[0], context).toMatchObject({ outcome: 'updated' });
        expect(check([serving], context), context).toBe(serving);
        converged++;
        continue;
      }
      expect(round.signal, `${context}: ${round.stderr}`).toBe('SIGKILL');
      expect(round.kill, context).not.toBeNull();
      const { requested, responded, writeLock } = round.kill!;
      // Before the calendar reached the child, only the old version is possible.
      const now = check(responded ? [before, serving] : [before], `${context}, killed at ${round.kill!.atMs.toFixed(0)} ms`);
      kills++;
      const phase: Phase = !requested
        ? 'starting'
        : !responded
          ? 'fetching'
          : now === serving
            ? 'after the commit'
            : writeLock === null
              ? 'before the commit (lock not visible)'
              : writeLock
                ? 'in the apply transaction'
                : 'before the transaction';
      phases.set(phase, (phases.get(phase) ?? 0) + 1);
      // Every fifth kill, a round left alone: from whatever the kill left, it must reach what is served.
      if (kills % 5 === 0) {
        const from = inDb;
        serving = version(next++);
        const clean = await runRound(null);
        spawns++;
        expect(clean.code, clean.stderr).toBe(0);
        expect(check([serving], `clean round after kill ${kills}, v${from?.number} → v${serving.number}`)).toBe(serving);
        cleanAfterKill++;
      }
    }
    const loopMs = performance.now() - loopStarted;

    // After all the kills, one clean round brings the folder to the partner's current calendar.
    const before = inDb;
    serving = version(next++);
    const final = await runRound(null);
    expect(final.code, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout).connections).toEqual([expect.objectContaining({ feedId: feed.id, outcome: 'updated', httpStatus: 200 })]);
    expect(check([serving], `final round from v${before?.number}`)).toBe(serving);
    // And the round after that finds nothing to do: the partner answers 304 to our validator.
    const again = await runRound(null);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).connections).toEqual([expect.objectContaining({ outcome: 'unchanged', httpStatus: 304 })]);
    expect(check([serving], 'round after the final one')).toBe(serving);

    const totalMs = performance.now() - started;
    const share = (phase: Phase) => phases.get(phase) ?? 0;
    console.log(
      [
        `crash test (seed ${seed}): ${kills} kills in ${spawns} spawns; converged: ${cleanAfterKill} clean rounds after a kill, ${converged} rounds the kill came too late for; ${(loopMs / 1000).toFixed(1)} s kill loop, ${(totalMs / 1000).toFixed(1)} s in all`,
        `  a round of ${SLOTS} slots (${serving.stays.length} stays, ${(serving.body.length / 1024).toFixed(0)} KB): ${roundMs.toFixed(0)} ms; the child ends ${tailMs.toFixed(0)} ms after the partner's answer (medians of 3 clean rounds)`,
        `  kills landed: ${(['starting', 'fetching', 'before the transaction', 'in the apply transaction', 'before the commit (lock not visible)', 'after the commit'] as Phase[]).filter((p) => LOCKS_VISIBLE !== p.endsWith('(lock not visible)')).map((p) => `${p} ${share(p)}`).join(', ')}`,
        `  versions applied: ${applied}; opening and checking the folder after each spawn: ${(checkMs / spawns).toFixed(0)} ms`,
      ].join('\n'),
    );
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    // The point of the test: kills that land while the changes are being written, and some after.
    expect(share(LOCKS_VISIBLE ? 'in the apply transaction' : 'before the commit (lock not visible)')).toBeGreaterThanOrEqual(5);
    expect(share('after the commit')).toBeGreaterThanOrEqual(1);
    expect(cleanAfterKill).toBe(Math.floor(kills / 5));
  }, 90_000);
});
