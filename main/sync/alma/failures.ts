/**
 * What a failed exchange with Alma Heritage does (docs/alma-protocol.md "Answers"). Two scopes:
 * - the connection: a transport failure (network, timeout, 5xx/429, not an OTA answer) keeps
 *   every change queued and backs the whole connection off (1, 2, 4 … minutes up to an hour,
 *   never before the partner's Retry-After); a refusal of the credentials (error type 4 or 6)
 *   stops the channel until the owner saves other connection details;
 * - rows: a partner error about some messages (a rate code it refuses, error 249; a room type it
 *   does not know, 402) backs off only those outbox rows, so the other rooms' changes and the
 *   reservations keep flowing.
 * Either way the partner's own words reach the owner: in the sync status, and as an alert.
 */
import { ALMA_TECHNICAL_PHONE } from '../../../shared/alma';
import type { ApiEventMessage } from '../../../shared/api';
import type { PartnerError } from '../../channels/alma/messages';
import type { AlmaFailure } from '../../channels/alma/result';
import { raiseAlert } from '../../db/alerts';
import { recordApiFailure, type ApiSyncError } from '../../db/apiSyncState';
import type { Db } from '../../db/connection';
import { recordRowFailure } from '../../db/outbox';
import { FAILING_ALERT_AFTER_MS } from '../importFeed';
import { nextAfterFailure } from '../pollTiming';

export interface FailureContext {
  db: Db;
  now: Date;
  random: number;
  /** A removed connection's refusal is about the close-outs it still owed, not details to correct. */
  connection: { id: number; name: string; status: string };
  /** The connection details in use (credentials.ts credentialsRevisionOf): a stop is about these. */
  credentialsRevision: number;
}

/** The partner's words for one error: its short text and its text, joined. */
export function partnerErrorText(error: PartnerError | undefined): string {
  return [error?.shortText, error?.text].filter((part) => part !== null && part !== undefined && part !== '').join(' — ');
}

function partnerWords(failure: AlmaFailure): { code: string; text: string } | null {
  if (failure.kind !== 'partner') return null;
  const first = failure.errors[0];
  return { code: first?.code ?? '', text: partnerErrorText(first) };
}

/** A partner error about the messages sent (not the credentials): only the rows concerned wait. */
export function isRowFailure(failure: AlmaFailure): boolean {
  return failure.kind === 'partner' && !failure.credentials;
}

/**
 * Records the failure in one transaction: the connection's streak (and, for a connection-wide
 * failure, its next attempt), the rows that were not sent (their attempts and backoff), and the
 * alerts. Returns the alerts to announce.
 */
export function recordFailure(ctx: FailureContext, failure: AlmaFailure, rowIds: readonly number[]): ApiEventMessage[] {
  const { db, now, connection } = ctx;
  const stop = failure.kind === 'partner' && failure.credentials;
  const rowsOnly = isRowFailure(failure);
  const retryAfterMs = failure.kind === 'http' ? failure.retryAfterMs : null;
  const partnerRetryAt = retryAfterMs === null ? null : now.getTime() + retryAfterMs;
  const words = partnerWords(failure);
  const error: ApiSyncError = {
    ...failure.message,
    ...(stop ? { stopped: true, credentialsRevision: ctx.credentialsRevision } : {}),
    ...(partnerRetryAt !== null ? { partnerWait: true } : {}),
  };
  const events: ApiEventMessage[] = [];
  const alert = (kind: Parameters<typeof raiseAlert>[1]['kind'], params: Record<string, string | number>, dedupeKey: string) => {
    const raised = raiseAlert(db, { kind, connectionId: connection.id, reservationIds: [], params: { channel: connection.name, ...params }, dedupeKey }, now);
    if (raised) events.push({ event: 'alerts:new', payload: raised });
  };
  db.transaction(() => {
    // Rows only: the connection shows the error but is not held back (its rows carry the backoff).
    const retryAt = (failures: number) => (stop || rowsOnly ? null : new Date(nextAfterFailure(now.getTime(), failures, partnerRetryAt, ctx.random)));
    const after = recordApiFailure(db, connection.id, error, retryAt, now);
    recordRowFailure(db, rowIds, JSON.stringify(error), (attempts) => new Date(nextAfterFailure(now.getTime(), attempts, partnerRetryAt, ctx.random)));
    // A removed channel cannot be given other details: the owner must close its rooms at the partner.
    const refused = connection.status === 'removed' ? 'partnerCredentialsRemoved' : 'partnerCredentials';
    if (stop) alert(refused, { code: words?.code ?? '', text: words?.text ?? '', phone: ALMA_TECHNICAL_PHONE }, `${refused}:${connection.id}`);
    else if (words) alert('partnerError', words, `partnerError:${connection.id}:${words.code}`);
    const since = Date.parse(after.failingSince ?? now.toISOString());
    if (!stop && !rowsOnly && now.getTime() - since >= FAILING_ALERT_AFTER_MS) {
      alert('partnerUnreachable', { since: (after.failingSince ?? now.toISOString()).slice(0, 10) }, `partnerUnreachable:${connection.id}`);
    }
  })();
  return events;
}
