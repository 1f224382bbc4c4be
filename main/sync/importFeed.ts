/**
 * One import of one feed (DESIGN §4): fetch → validate → decode → parse → normalise → classify
 * → reconcile → record. The fetch and the clock are passed in. A failed or refused read writes
 * only the feed's health and the run: no reservation, no reference read changes. A good read is
 * applied in one transaction with its run.
 */
import { createHash } from 'node:crypto';
import type { ApiEventMessage } from '../../shared/api';
import { nightAt } from '../../shared/nights';
import { messageToJson, problem as feedProblem, warning, type FeedProblem, type FeedWarning } from '../ical/feedProblem';
import { readFeed } from '../ical/readFeed';
import { raiseAlert } from '../db/alerts';
import type { Db } from '../db/connection';
import { getFeedImportState, getLastGoodBody, markFeedFailing, markFeedRead, type FeedImportState } from '../db/feedImport';
import { listReadStays } from '../db/feedReads';
import { insertSyncRun, type SyncOutcome } from '../db/syncRuns';
import { listFeedFiles } from '../db/syncReservations';
import { propertyTimeZone } from '../db/property';
import { applyPlan } from './applyPlan';
import type { FetchOutcome, Validators } from './fetchFeed';
import { reconcile } from './reconcile';

/** A feed failing this long raises an alert (DESIGN §7: "a feed failing for long"; issue 5: six hours). */
export const FAILING_ALERT_AFTER_MS = 6 * 3600_000;

/** The fetcher's reasons for a partner refusing the link itself (401/403, 404/410): the owner must act, so they are alerted at once. */
const REFUSALS = new Set([feedProblem('forbidden').key, feedProblem('notFound').key]);

export interface ImportDeps {
  db: Db;
  now: () => Date;
  fetchFeed: (url: string, validators: Validators) => Promise<FetchOutcome>;
  /** Called after the commit with what changed, for the page and notifications. */
  emit?: (message: ApiEventMessage) => void;
}

export interface ImportResult {
  feedId: number;
  outcome: SyncOutcome;
  httpStatus: number | null;
  /** Why the read failed or was refused. */
  problem: FeedProblem | null;
  warnings: FeedWarning[];
  counts: Record<string, number>;
  suspicious: { lost: number; of: number } | null;
  /** The partner asked us to wait (Retry-After): the scheduler must not call before. */
  retryAt: string | null;
  runId: number;
}

interface RunFrame {
  deps: ImportDeps;
  state: FeedImportState;
  startedAt: string;
  started: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function failed(frame: RunFrame, outcome: 'failed' | 'rejected', problem: FeedProblem, httpStatus: number | null, bytes: number | null, retryAt: Date | null): ImportResult {
  const { deps, state } = frame;
  const at = deps.now();
  const message = messageToJson(problem);
  const events: ApiEventMessage[] = [];
  const runId = deps.db.transaction(() => {
    markFeedFailing(deps.db, state.feedId, { message, at: at.toISOString(), nextDueAt: retryAt?.toISOString() ?? null });
    if (REFUSALS.has(problem.key)) {
      const alert = raiseAlert(
        deps.db,
        { kind: 'partnerRefused', connectionId: state.connectionId, reservationIds: [], params: { unit: state.unitName, channel: state.connectionName, status: httpStatus ?? '' }, dedupeKey: `partnerRefused:${state.feedId}` },
        at,
      );
      if (alert) events.push({ event: 'alerts:new', payload: alert });
    }
    const since = state.failingSince ? Date.parse(state.failingSince) : at.getTime();
    if (at.getTime() - since >= FAILING_ALERT_AFTER_MS) {
      const alert = raiseAlert(
        deps.db,
        { kind: 'feedFailing', connectionId: state.connectionId, reservationIds: [], params: { unit: state.unitName, channel: state.connectionName, since: state.failingSince!, reason: problem.key }, dedupeKey: `feedFailing:${state.feedId}` },
        at,
      );
      if (alert) events.push({ event: 'alerts:new', payload: alert });
    }
    return insertSyncRun(deps.db, {
      connectionId: state.connectionId,
      feedId: state.feedId,
      startedAt: frame.startedAt,
      durationMs: performance.now() - frame.started,
      httpStatus,
      bytes,
      outcome,
      counts: {},
      message,
    });
  }).immediate();
  for (const event of events) deps.emit?.(event);
  return { feedId: state.feedId, outcome, httpStatus, problem, warnings: [], counts: {}, suspicious: null, retryAt: retryAt?.toISOString() ?? null, runId };
}

export async function importFeed(deps: ImportDeps, feedId: number): Promise<ImportResult> {
  const state = getFeedImportState(deps.db, feedId);
  if (!state) throw new Error(`No feed ${feedId}`);
  const frame: RunFrame = { deps, state, startedAt: deps.now().toISOString(), started: performance.now() };
  if (!state.importUrl) return failed(frame, 'failed', feedProblem('noLink'), null, null, null);

  const fetched = await deps.fetchFeed(state.importUrl, { etag: state.etag, lastModified: state.lastModified });
  if (fetched.kind === 'failed') return failed(frame, 'failed', fetched.problem, fetched.status, fetched.bytes, fetched.retryAt);

  let body: Uint8Array;
  let validators: Validators = { etag: state.etag, lastModified: state.lastModified };
  if (fetched.kind === 'notModified') {
    // The partner's calendar is the last one applied. If a suspicious read came in between, that
    // body is read again, so the files flagged by it are cleared.
    const lastGood = state.health === 'suspicious' ? getLastGoodBody(deps.db, feedId) : null;
    if (!lastGood) return unchanged(frame, fetched.status, null, validators);
    body = lastGood;
  } else {
    body = fetched.body;
    validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  }
  const hash = sha256(body);
  if (hash === state.lastGoodHash && state.health !== 'suspicious') return unchanged(frame, fetched.status, body.byteLength, validators);

  const at = deps.now();
  const timeZone = propertyTimeZone(deps.db);
  const today = nightAt(at, timeZone);
  const read = readFeed(body, { timeZone, today });
  if (!read.ok) return failed(frame, 'rejected', read.problem, fetched.status, body.byteLength, null);

  let result!: ImportResult;
  let events: ApiEventMessage[] = [];
  deps.db.transaction(() => {
    const previous = listReadStays(deps.db, feedId);
    const plan = reconcile({
      feedId,
      previous,
      firstRead: previous.length === 0 && state.lastGoodHash === null,
      current: read.stays,
      damaged: read.damaged,
      files: listFeedFiles(deps.db, state.connectionId, state.unitId),
      sendsCancellations: state.sendsCancellations,
      today,
      labels: { unit: state.unitName, channel: state.connectionName },
    });
    const applied = applyPlan(deps.db, at, { feedId, unitId: state.unitId, connectionId: state.connectionId, today }, previous, plan);
    events = applied.events;
    const suspicious = plan.suspicious ? warning('suspicious', plan.suspicious) : null;
    markFeedRead(deps.db, feedId, {
      health: suspicious ? 'suspicious' : 'ok',
      at: at.toISOString(),
      message: suspicious ? messageToJson(suspicious) : null,
      // A suspicious read does not become the reference: the next one is judged against the last good one.
      body: suspicious ? undefined : { bytes: body, hash, ...validators },
    });
    const counts = { events: read.eventCount, echoes: read.echoes, warnings: read.warnings.length, ...plan.counts };
    const outcome: SyncOutcome = applied.reservationIds.length > 0 ? 'updated' : 'unchanged';
    const runId = insertSyncRun(deps.db, {
      connectionId: state.connectionId,
      feedId,
      startedAt: frame.startedAt,
      durationMs: performance.now() - frame.started,
      httpStatus: fetched.status,
      bytes: body.byteLength,
      outcome,
      counts,
      message: suspicious ? messageToJson(suspicious) : null,
    });
    result = { feedId, outcome, httpStatus: fetched.status, problem: null, warnings: read.warnings, counts, suspicious: plan.suspicious, retryAt: null, runId };
  }).immediate();
  for (const event of events) deps.emit?.(event);
  return result;
}

function unchanged(frame: RunFrame, httpStatus: number, bytes: number | null, validators: Validators): ImportResult {
  const { deps, state } = frame;
  const at = deps.now().toISOString();
  const runId = deps.db.transaction(() => {
    const suspicious = state.health === 'suspicious';
    markFeedRead(deps.db, state.feedId, { health: suspicious ? 'suspicious' : 'ok', at, ...(suspicious ? {} : { message: null }), validators });
    return insertSyncRun(deps.db, {
      connectionId: state.connectionId,
      feedId: state.feedId,
      startedAt: frame.startedAt,
      durationMs: performance.now() - frame.started,
      httpStatus,
      bytes,
      outcome: 'unchanged',
      counts: {},
      message: null,
    });
  }).immediate();
  return { feedId: state.feedId, outcome: 'unchanged', httpStatus, problem: null, warnings: [], counts: {}, suspicious: null, retryAt: null, runId };
}
