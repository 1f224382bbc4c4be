/**
 * The one set of invariants every fault case ends on, read from the database file through a
 * connection of its own (what is on disk, not what the service holds in memory):
 * - PRAGMA integrity_check is ok and foreign_key_check empty;
 * - no file lost: every file of the baseline is still there, and no history row changed;
 * - no file half-changed: each feed's files, its reference read and its last good hash are
 *   wholly one version of the partner's calendar — the one the case says is the last good one —
 *   and a file differs from the baseline only as that version says (partner's side) or as the
 *   owner's calls during the case said (owner's side); direct files only by the owner;
 * - each feed's last read is recorded, with a reason the owner can read in French and English;
 * - exactly the alerts the owner needs are open, and the baseline's alerts are untouched.
 * It returns what is wrong, in words, rather than stopping at the first problem.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import type { AlertKind, Reservation } from '../../shared/domain';
import { resources } from '../../shared/i18n';
import { databasePath } from '../../main/db/connection';
import { createTranslator } from '../../main/i18n';
import type { SyncOutcome } from '../../main/db/syncRuns';
import type { PartnerCalendar, Property, RoomName } from './property';
import { ROOMS } from './property';

type Row = Record<string, unknown>;

/** The tables besides the files that no read may change (the owner may, when the case says so). */
const OWNER_TABLES = ['property', 'units', 'night_overrides', 'channel_connections'] as const;
/** The owner's side of a partner's file: no read ever writes these. */
const OWNER_COLUMNS = ['notes', 'amount_cents', 'commission_cents', 'payout_date', 'address', 'unit_id', 'source_connection_id'];
const HOLDING = new Set(['confirmed', 'pending']);

export interface Baseline {
  reservations: Map<number, Row>;
  history: Map<number, Row>;
  alerts: Map<number, Row>;
  tables: Record<string, Row[]>;
  lastRunId: number;
}

export interface FeedExpectation {
  /** The partner's last good calendar: the version the feed's files must wholly hold. */
  calendar: PartnerCalendar;
  health: 'ok' | 'failing' | 'suspicious';
  /** The feed's last recorded read since the baseline, and its reason (null when none). */
  run: { outcome: SyncOutcome; key: string | null; httpStatus?: number | null };
}

export interface Expectation {
  feeds: Record<RoomName, FeedExpectation>;
  /** The alerts opened since the baseline, as "kind@connection name" ("direct" for none). */
  alerts: `${AlertKind}@${string}`[];
  /** Files the owner created or changed during the case: id → the fields they must hold. */
  owner?: Map<number, Partial<Reservation>>;
  /** Tables of OWNER_TABLES the owner changed on purpose during the case. */
  ownerTables?: (typeof OWNER_TABLES)[number][];
}

function readOnly<T>(property: Property, read: (db: Database.Database) => T): T {
  const db = new Database(databasePath(property.dataDir), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id as number, r]));

export function takeBaseline(property: Property): Baseline {
  return readOnly(property, (db) => ({
    reservations: byId(db.prepare('SELECT * FROM reservations').all() as Row[]),
    history: byId(db.prepare('SELECT * FROM reservation_history').all() as Row[]),
    alerts: byId(db.prepare('SELECT * FROM alerts').all() as Row[]),
    tables: Object.fromEntries(OWNER_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all() as Row[]])),
    lastRunId: db.prepare('SELECT coalesce(max(id), 0) FROM sync_runs').pluck().get() as number,
  }));
}

const fr = createTranslator('fr');
const en = createTranslator('en');

/** The key has a text in both languages (not the English fallback), with every value filled in. */
function unreadable(message: { key: string; params?: Record<string, unknown> }): string | null {
  for (const [language, t] of [['fr', fr] as const, ['en', en] as const]) {
    const own = message.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language].translation);
    if (typeof own !== 'string') return `${message.key} has no ${language} text`;
    const text = t(message.key, message.params ?? {});
    if (/\{\{|\}\}/.test(text)) return `${message.key} in ${language} leaves a value out: ${text}`;
  }
  return null;
}

function checkFeed(db: Database.Database, property: Property, room: RoomName, want: FeedExpectation, expectation: Expectation, baseline: Baseline, problems: string[]): void {
  const { feedId, connectionId, unitId } = property.rooms[room];
  // A file the owner's own call decided during the case (cancelled it, say) is checked against that call instead.
  const byOwner = (file: Row) => expectation.owner?.has(file.id as number) ?? false;
  const where = (text: string): void => void problems.push(`${room}: ${text}`);
  const files = db.prepare('SELECT * FROM reservations WHERE source_connection_id = ? AND unit_id = ?').all(connectionId, unitId) as Row[];
  const holding = files.filter((f) => HOLDING.has(f.status as string));
  const uids = new Set(want.calendar.stays.map((s) => s.uid));
  const sendsCancellations = db.prepare('SELECT sends_cancellations FROM channel_connections WHERE id = ?').pluck().get(connectionId) === 1;

  // Wholly one version: each stay of the calendar held by exactly one file, with its nights and kind …
  for (const stay of want.calendar.stays) {
    if (files.some((f) => f.external_id === stay.uid && byOwner(f))) continue;
    const held = holding.filter((f) => f.external_id === stay.uid);
    if (held.length !== 1) where(`${stay.uid} is held by ${held.length} files`);
    const file = held[0];
    const kind = stay.block ? 'block' : 'booking';
    if (file && (file.arrival !== stay.arrival || file.departure !== stay.departure || file.kind !== kind)) {
      where(`${stay.uid} is ${file.kind} ${file.arrival}→${file.departure}, the calendar says ${kind} ${stay.arrival}→${stay.departure}`);
    }
  }
  // … and a file the calendar no longer holds either freed (partners that send cancellations) or flagged and still holding.
  for (const file of files) {
    if (uids.has(file.external_id as string) || byOwner(file)) continue;
    const was = baseline.reservations.get(file.id as number);
    if (HOLDING.has(file.status as string)) {
      if (!file.flag_gone_from_feed && !file.flag_suspicious_feed) where(`${file.external_id} holds nights the partner no longer lists, unflagged`);
    } else if (was && HOLDING.has(was.status as string) && !sendsCancellations) {
      where(`${file.external_id} was cancelled, but this partner sends no cancellations`);
    }
  }
  const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(feedId) as Row;
  const hash = createHash('sha256').update(want.calendar.body).digest('hex');
  if (feed.last_good_hash !== hash) where('the last good calendar is not the expected version');
  const readRows = db.prepare('SELECT stay_key, arrival, departure, reservation_id FROM feed_read_stays WHERE feed_id = ? ORDER BY stay_key').all(feedId) as Row[];
  const read = readRows.map((r) => `${r.stay_key} ${r.arrival}→${r.departure}`);
  for (const stay of readRows) {
    const file = files.find((f) => f.id === stay.reservation_id);
    if (!file || file.external_id !== stay.stay_key) where(`the reference read's ${stay.stay_key} points at file ${stay.reservation_id} (${file?.external_id ?? 'none of this feed'})`);
  }
  const calendarRead = want.calendar.stays.map((s) => `${s.uid} ${s.arrival}→${s.departure}`).sort();
  if (!isDeepStrictEqual(read, calendarRead)) where(`the reference read is [${read.join(', ')}], not the calendar's [${calendarRead.join(', ')}]`);

  if (feed.health !== want.health) where(`health is ${feed.health}, expected ${want.health}`);
  const run = db.prepare('SELECT * FROM sync_runs WHERE feed_id = ? ORDER BY id DESC LIMIT 1').get(feedId) as Row | undefined;
  if (!run || (run.id as number) <= baseline.lastRunId) return where('no read recorded since the baseline');
  const message = run.message ? (JSON.parse(run.message as string) as { key: string; params?: Record<string, unknown> }) : null;
  if (run.outcome !== want.run.outcome || (message?.key ?? null) !== want.run.key) {
    where(`last run ${run.outcome} ${message?.key ?? '(no message)'}, expected ${want.run.outcome} ${want.run.key ?? '(no message)'}`);
  }
  if (want.run.httpStatus !== undefined && run.http_status !== want.run.httpStatus) where(`last run HTTP ${run.http_status}, expected ${want.run.httpStatus}`);
  const wordless = message && unreadable(message);
  if (wordless) where(wordless);
  if (want.health === 'failing' && feed.last_error !== run.message) where(`the feed's last error ${feed.last_error} is not its last run's ${run.message}`);
}

function checkFiles(db: Database.Database, property: Property, want: Expectation, baseline: Baseline, problems: string[]): void {
  const now = byId(db.prepare('SELECT * FROM reservations').all() as Row[]);
  const lastActor = db.prepare('SELECT actor_kind FROM reservation_history WHERE reservation_id = ? ORDER BY id DESC LIMIT 1').pluck();
  const owner = want.owner ?? new Map();
  for (const [id, was] of baseline.reservations) {
    const file = now.get(id);
    if (!file) {
      problems.push(`file ${id} (${was.external_id ?? was.guest_name}) is gone`);
      continue;
    }
    if (isDeepStrictEqual(file, was) || owner.has(id)) continue;
    if (was.source_connection_id === null) {
      problems.push(`direct file ${id} (${was.guest_name}) changed without the owner`);
      continue;
    }
    const touched = OWNER_COLUMNS.filter((c) => !isDeepStrictEqual(file[c], was[c]));
    if (touched.length > 0) problems.push(`file ${id} (${was.external_id}): a read changed the owner's ${touched.join(', ')}`);
    if (lastActor.get(id) !== 'sync') problems.push(`file ${id} (${was.external_id}) changed with no history row by the sync`);
  }
  for (const [id, file] of now) {
    if (!baseline.reservations.has(id) && file.source_connection_id === null && !owner.has(id)) problems.push(`direct file ${id} appeared from nowhere`);
  }
  for (const [id, fields] of owner) {
    const file = property.service.call('reservations:get', { id });
    for (const [key, value] of Object.entries(fields)) {
      if (!isDeepStrictEqual(file[key as keyof Reservation], value)) problems.push(`file ${id}: the owner's ${key} is ${JSON.stringify(file[key as keyof Reservation])}, not ${JSON.stringify(value)}`);
    }
  }
  const history = byId(db.prepare('SELECT * FROM reservation_history').all() as Row[]);
  const rewritten = [...baseline.history].filter(([id, row]) => !isDeepStrictEqual(history.get(id), row)).map(([id]) => id);
  if (rewritten.length > 0) problems.push(`history rows changed or deleted: ${rewritten.join(', ')}`);
}

function checkAlerts(db: Database.Database, want: Expectation, baseline: Baseline, problems: string[]): void {
  const rows = db.prepare('SELECT a.*, c.name AS connection FROM alerts a LEFT JOIN channel_connections c ON c.id = a.connection_id ORDER BY a.id').all() as Row[];
  for (const [id, was] of baseline.alerts) {
    const { connection: _, ...row } = rows.find((r) => r.id === id) ?? {};
    if (!isDeepStrictEqual(row, was)) problems.push(`alert ${id} (${was.kind}) changed or vanished`);
  }
  const opened = rows.filter((r) => !baseline.alerts.has(r.id as number) && r.dismissed_at === null).map((r) => `${r.kind}@${r.connection ?? 'direct'}`);
  if (!isDeepStrictEqual(opened.sort(), [...want.alerts].sort())) problems.push(`alerts opened: [${opened.join(', ')}], expected [${[...want.alerts].sort().join(', ')}]`);
}

/** Everything that is wrong after a case, in words; empty when every invariant holds. */
export function checkInvariants(property: Property, baseline: Baseline, want: Expectation): string[] {
  return readOnly(property, (db) => {
    const problems: string[] = [];
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (!isDeepStrictEqual(integrity, ['ok'])) problems.push(`integrity_check: ${integrity.join('; ')}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys)}`);
    for (const room of ROOMS) checkFeed(db, property, room, want.feeds[room], want, baseline, problems);
    checkFiles(db, property, want, baseline, problems);
    checkAlerts(db, want, baseline, problems);
    for (const table of OWNER_TABLES) {
      if (want.ownerTables?.includes(table)) continue;
      if (!isDeepStrictEqual(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(), baseline.tables[table])) problems.push(`${table} changed`);
    }
    return problems;
  });
}
