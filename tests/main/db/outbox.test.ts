/**
 * The outbox repository (main/db/outbox.ts) on a real database file: a full resend, the
 * owner's answers to on-request bookings, which rows are due (backoff), how failures are
 * recorded, and the summary the channel's page shows (main/db/apiSyncState.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { MIGRATIONS } from '../../../main/db/migrations';
import { OUTBOX_OPEN_FIRST, OUTBOX_OPEN_LAST } from '../../../main/db/migrations/004_api_channels';
import {
  deleteSentRows,
  enqueueDecision,
  enqueueFullResend,
  enqueueNights,
  listDueAriRows,
  listDueDecisions,
  makeOutboxDue,
  mergeAriRows,
  nextOutboxDueAt,
  recordRowFailure,
} from '../../../main/db/outbox';
import { apiSyncSummary, recordApiFailure, recordApiSuccess } from '../../../main/db/apiSyncState';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const AT = '2026-05-01T10:00:00.000Z';
const NOW = new Date(AT);
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let db: Db;
beforeEach(() => {
  db = openDatabase(tempDir(), { migrations: MIGRATIONS, now: () => NOW }).db;
  db.exec(`
    INSERT INTO units (name, capacity, base_rate_cents, created_at, updated_at) VALUES
      ('La Rose', 2, 9500, '${AT}', '${AT}'), ('Le Lilas', 4, 12000, '${AT}', '${AT}'), ('La Tour', 2, 9000, '${AT}', '${AT}');
    INSERT INTO channel_connections (channel, name, kind, status, created_at, updated_at) VALUES
      ('alma_heritage', 'Alma Heritage', 'api', 'active', '${AT}', '${AT}');
    INSERT INTO api_room_mappings (connection_id, unit_id, room_code, rate_code) VALUES (1, 1, 'CH-ROSE', 'STD'), (1, 2, 'CH-LILAS', 'STD');
    INSERT INTO reservations (unit_id, source_connection_id, external_id, kind, status, arrival, departure, created_at, updated_at)
      VALUES (2, 1, 'AH-R-10042', 'booking', 'pending', '2026-07-01', '2026-07-03', '${AT}', '${AT}');
  `);
  db.exec('DELETE FROM outbox');
  return () => db.close();
});

const rows = () =>
  db.prepare('SELECT unit_id AS unit, message_kind AS kind, first_night AS first, last_night AS last, revision FROM outbox ORDER BY unit_id, message_kind, id').all();

describe('outbox', () => {
  it('a full resend queues every night of every mapped room, all three kinds, absorbing what waits', () => {
    db.prepare("INSERT INTO night_overrides (unit_id, night, rate_cents) VALUES (1, '2026-07-10', 1)").run();
    db.prepare("INSERT INTO night_overrides (unit_id, night, rate_cents) VALUES (1, '2026-08-10', 1)").run();
    db.prepare("INSERT INTO night_overrides (unit_id, night, rate_cents) VALUES (3, '2026-08-10', 1)").run();
    enqueueFullResend(db, 1);
    const open = (unit: number, kind: string, revision: number) => ({ unit, kind, first: OUTBOX_OPEN_FIRST, last: OUTBOX_OPEN_LAST, revision });
    expect(rows()).toEqual([open(1, 'availability', 0), open(1, 'rates', 1), open(1, 'restrictions', 0), open(2, 'availability', 0), open(2, 'rates', 0), open(2, 'restrictions', 0)]);
    // Twice is the same as once (a double click).
    enqueueFullResend(db, 1);
    expect(rows()).toHaveLength(6);
  });

  it('a full resend makes rows in backoff due at once', () => {
    enqueueNights(db, 1, 1, 'rates', '2026-07-01', '2026-07-02');
    recordRowFailure(db, [(listDueAriRows(db, 1, NOW)[0]!).id], '{"key":"x"}', () => later(30));
    expect(listDueAriRows(db, 1, NOW)).toEqual([]);
    enqueueFullResend(db, 1);
    expect(listDueAriRows(db, 1, NOW)).toHaveLength(6);
  });

  it('due rows respect their backoff; a failure counts attempts and says why; Sync now makes them due', () => {
    enqueueNights(db, 1, 1, 'availability', '2026-07-01', '2026-07-03');
    const [row] = listDueAriRows(db, 1, NOW);
    recordRowFailure(db, [row!.id], '{"key":"alma.errors.timeout"}', (attempts) => later(attempts));
    recordRowFailure(db, [row!.id], '{"key":"alma.errors.timeout"}', (attempts) => later(attempts));
    expect(db.prepare('SELECT attempts, next_attempt_at AS next, last_error AS error FROM outbox').get()).toEqual({
      attempts: 2,
      next: later(2).toISOString(),
      error: '{"key":"alma.errors.timeout"}',
    });
    expect(listDueAriRows(db, 1, later(1))).toEqual([]);
    expect(listDueAriRows(db, 1, later(2))).toHaveLength(1);
    expect(nextOutboxDueAt(db, 1)).toEqual({ any: true, dueAt: later(2).toISOString() });
    makeOutboxDue(db, 1);
    expect(nextOutboxDueAt(db, 1)).toEqual({ any: true, dueAt: null });
    deleteSentRows(db, listDueAriRows(db, 1, NOW));
    expect(nextOutboxDueAt(db, 1)).toEqual({ any: false, dueAt: null });
  });

  it('merging keeps the earliest due time: a new change next to a row in backoff is not held back by it', () => {
    enqueueNights(db, 1, 1, 'rates', '2026-07-01', '2026-07-02');
    recordRowFailure(db, [listDueAriRows(db, 1, NOW)[0]!.id], '{}', () => later(60));
    db.prepare('INSERT INTO outbox (connection_id, unit_id, message_kind, first_night, last_night, created_at) VALUES (1, 1, ?, ?, ?, ?)').run('rates', '2026-07-03', '2026-07-04', AT);
    mergeAriRows(db, 1);
    expect(listDueAriRows(db, 1, NOW).map((r) => [r.firstNight, r.lastNight, r.attempts])).toEqual([['2026-07-01', '2026-07-04', 0]]);
  });

  it('an answer to an on-request booking is queued with its payload and goes out once', () => {
    enqueueDecision(db, 1, { reservationId: 1, reservationNumber: 'AH-R-10042', decision: 'refuse' }, NOW);
    const [decision] = listDueDecisions(db, 1, NOW);
    expect(decision).toMatchObject({ connectionId: 1, attempts: 0, decision: { reservationId: 1, reservationNumber: 'AH-R-10042', decision: 'refuse' } });
    // Decisions are not ARI rows: never merged, never pushed as nights.
    mergeAriRows(db, 1);
    expect(listDueAriRows(db, 1, NOW)).toEqual([]);
    deleteSentRows(db, [decision!]);
    expect(listDueDecisions(db, 1, NOW)).toEqual([]);
  });
});

describe('api sync state', () => {
  it('summarises what waits, what failed and when the next attempt is', () => {
    expect(apiSyncSummary(db, 1)).toEqual({
      waiting: 0,
      oldestWaitingAt: null,
      lastPushAt: null,
      lastPullAt: null,
      failingSince: null,
      lastError: null,
      nextAttemptAt: null,
      unacknowledged: 0,
    });
    enqueueNights(db, 1, 1, 'rates', '2026-07-01', '2026-07-02');
    enqueueDecision(db, 1, { reservationId: 1, reservationNumber: 'AH-R-10042', decision: 'accept' }, NOW);
    db.prepare(
      "INSERT INTO partner_events (connection_id, reservation_number, res_status, partner_created_at, reservation_id, outcome, received_at) VALUES (1, 'AH-R-10042', 'Request', '2026-05-01T09:00:00Z', 1, 'held', ?)",
    ).run(AT);
    recordApiFailure(db, 1, { key: 'alma.errors.partner', params: { code: '448' } }, (failures) => later(failures), NOW);
    recordApiFailure(db, 1, { key: 'alma.errors.partner', params: { code: '448' } }, (failures) => later(failures), later(1));
    expect(apiSyncSummary(db, 1)).toMatchObject({
      waiting: 2,
      failingSince: AT,
      lastError: { key: 'alma.errors.partner', params: { code: '448' } },
      nextAttemptAt: later(2).toISOString(),
      unacknowledged: 1,
    });
    recordApiSuccess(db, 1, 'push', later(3));
    expect(apiSyncSummary(db, 1)).toMatchObject({ lastPushAt: later(3).toISOString(), failingSince: null, lastError: null, nextAttemptAt: null });
  });
});
