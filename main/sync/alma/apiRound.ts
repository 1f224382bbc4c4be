/**
 * One exchange round with one Alma Heritage connection: the owner's answers to on-request
 * bookings, then the close-outs and the changed nights (stock, restrictions, rates, one request
 * per room and kind), then the reservations (read, store, acknowledge). Each step commits on its
 * own. A failed push never stops the read: bookings keep coming in whatever the partner thinks
 * of our rates (only refused credentials, or a partner asking us to wait, skip it).
 *
 * What a connection's status means here:
 * - active: everything goes out, bookings are read;
 * - paused ("stop selling on Alma Heritage"): its stock goes out as 0, its rates and
 *   restrictions wait for the resume's full resend, the owner's answers still go out, and the
 *   bookings already made keep being read and acknowledged;
 * - removed: only the close-outs (stock 0 for every room code it sold) and a last read; once no
 *   close-out is left, its password is deleted and its outbox emptied.
 * Used by the loop, by Sync now, and by the command line's one-off round.
 */
import type { ApiEventMessage } from '../../../shared/api';
import type { AlmaMessage } from '../../../shared/alma';
import { nightAt, type Night } from '../../../shared/nights';
import { createAlmaClient, type AlmaClient } from '../../channels/alma/client';
import { almaPasswordSecret, credentialsRevisionOf, readAlmaCredentials, type AlmaCredentials } from '../../channels/alma/credentials';
import { listRoomMappings } from '../../db/apiConnections';
import { clearApiStop, getApiSyncConnection, readApiSyncState, recordApiSuccess, setQueuedThrough, type ApiSyncConnection } from '../../db/apiSyncState';
import type { Db } from '../../db/connection';
import { anyRowFailing, ARI_KINDS, countCloseOuts, dropConnectionOutbox, enqueueNights } from '../../db/outbox';
import { propertyTimeZone } from '../../db/property';
import type { SecretStore } from '../../secrets';
import { recordFailure, type FailureContext } from './failures';
import { horizonOf, newHorizonNights } from './horizon';
import { pullReservations } from './pullReservations';
import { pushAri } from './pushAri';
import { pushDecisions } from './pushDecisions';
import type { PushReport, RowFailure } from './pushReport';

export interface RoundDeps {
  db: Db;
  secrets: SecretStore;
  now: () => Date;
  /** In [0, 1): the backoff's jitter. */
  random: () => number;
  createClient?: (credentials: AlmaCredentials) => AlmaClient;
  /** Announces what changed, after each commit. */
  publish: (message: ApiEventMessage) => void;
}

export interface RoundRequest {
  push: boolean;
  pull: boolean;
}

export type RoundOutcome = 'ok' | 'failed' | 'stopped' | 'noCredentials' | 'inactive';

export interface RoundResult {
  connectionId: number;
  outcome: RoundOutcome;
  /** Requests that carried changes (decisions, close-outs, stock, restrictions, rates). */
  pushed: number;
  /** Events stored (new or delivered again) and acknowledged. */
  stored: number;
  acknowledged: number;
  message: AlmaMessage | null;
}

/** The horizon's nights not queued yet (the first time: all of it; then each new day's night). */
export function queueHorizon(db: Db, connectionId: number, today: Night): void {
  const horizon = horizonOf(today);
  const fresh = newHorizonNights(horizon, readApiSyncState(db, connectionId).queuedThrough);
  if (fresh === null) return;
  db.transaction(() => {
    for (const { unitId } of listRoomMappings(db, connectionId)) {
      for (const kind of ARI_KINDS) enqueueNights(db, connectionId, unitId, kind, fresh.first, fresh.last);
    }
    setQueuedThrough(db, connectionId, horizon.last);
  }).immediate();
}

/** A removed connection with nothing left to close: its password goes, and whatever it still had queued. */
function finishRemoval(deps: RoundDeps, connectionId: number): void {
  deps.secrets.delete(almaPasswordSecret(connectionId));
  dropConnectionOutbox(deps.db, connectionId);
}

export async function runApiRound(deps: RoundDeps, connectionId: number, request: RoundRequest): Promise<RoundResult> {
  const result: RoundResult = { connectionId, outcome: 'ok', pushed: 0, stored: 0, acknowledged: 0, message: null };
  const connection: ApiSyncConnection | null = getApiSyncConnection(deps.db, connectionId);
  if (connection === null) return { ...result, outcome: 'inactive' };
  const removed = connection.status === 'removed';
  if (removed && countCloseOuts(deps.db, connectionId) === 0) return { ...result, outcome: 'inactive' };
  const credentials = readAlmaCredentials(deps.db, deps.secrets, connectionId);
  if (credentials === null) {
    // A removed connection without its details can never send its close-outs.
    if (removed) dropConnectionOutbox(deps.db, connectionId);
    return { ...result, outcome: removed ? 'inactive' : 'noCredentials', message: { key: 'alma.sync.noCredentials' } };
  }
  const credentialsRevision = credentialsRevisionOf(deps.db, connectionId);
  const state = readApiSyncState(deps.db, connectionId);
  if (state.lastError?.stopped) {
    // Refused credentials stop the channel until the owner saves other connection details.
    if (state.lastError.credentialsRevision === credentialsRevision) {
      // A removed connection cannot get new ones: its close-outs are given up (the owner was alerted).
      if (removed) finishRemoval(deps, connectionId);
      return { ...result, outcome: 'stopped', message: state.lastError };
    }
    clearApiStop(deps.db, connectionId);
  }
  const today = nightAt(deps.now(), propertyTimeZone(deps.db));
  if (!removed) queueHorizon(deps.db, connectionId, today);

  const client = (deps.createClient ?? ((c) => createAlmaClient(c, { now: deps.now })))(credentials);
  const events: ApiEventMessage[] = [];
  const failureContext = (): FailureContext => ({ db: deps.db, now: deps.now(), random: deps.random(), connection, credentialsRevision });
  /** The failure that ends the round's pushes (transport or credentials), if any. */
  let stop: RowFailure | null = null;
  let rowFailed = false;
  const record = (report: PushReport) => {
    result.pushed += report.sent;
    for (const failed of report.rowFailures) {
      rowFailed = true;
      events.push(...recordFailure(failureContext(), failed.failure, failed.rowIds));
      result.message = failed.failure.message;
    }
    if (report.stop !== null) {
      stop = report.stop;
      events.push(...recordFailure(failureContext(), report.stop.failure, report.stop.rowIds));
      result.message = report.stop.failure.message;
    }
  };
  try {
    if (request.push) {
      record(await pushDecisions({ db: deps.db, now: deps.now(), client, connection, events }));
      if (stop === null) record(await pushAri({ db: deps.db, now: deps.now(), today, client, connectionId, status: connection.status }));
      if (stop === null && result.pushed > 0) recordApiSuccess(deps.db, connectionId, 'push', deps.now(), rowFailed || anyRowFailing(deps.db, connectionId));
    }
    const ended = stop as RowFailure | null;
    const credentialsRefused = ended?.failure.kind === 'partner' && ended.failure.credentials;
    const partnerWait = ended?.failure.kind === 'http' && ended.failure.retryAfterMs !== null;
    // A failed push does not stop the read, except when the partner refused us or asked us to wait.
    if (request.pull && !credentialsRefused && !partnerWait) {
      const pulled = await pullReservations({ db: deps.db, now: deps.now, today, client, connection, events });
      if (pulled.ok) {
        result.stored = pulled.stored;
        result.acknowledged = pulled.acknowledged;
        recordApiSuccess(deps.db, connectionId, 'pull', deps.now(), ended !== null || rowFailed || anyRowFailing(deps.db, connectionId));
      } else if (ended === null) {
        // The push's failure, when there was one, already counts for this round.
        stop = { failure: pulled.failure, rowIds: [] };
        events.push(...recordFailure(failureContext(), pulled.failure, []));
        result.message = pulled.failure.message;
      }
    }
    // A removed connection cannot get new details: refused ones end its close-outs (the owner was alerted).
    if (removed && (credentialsRefused || countCloseOuts(deps.db, connectionId) === 0)) finishRemoval(deps, connectionId);
    const last = stop as RowFailure | null;
    if (last !== null) result.outcome = last.failure.kind === 'partner' && last.failure.credentials ? 'stopped' : 'failed';
    else if (rowFailed) result.outcome = 'failed';
    return result;
  } finally {
    await client.close();
    for (const event of events) deps.publish(event);
  }
}
