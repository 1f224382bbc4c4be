/**
 * Alma Heritage's set-up (issue 9, seed 000, DESIGN §5), call by call as the page's wizard goes:
 * who may open the channel, "Open the channel" (a pending connection and the date by which the
 * e-mail should arrive), the connection details from that e-mail (the password in the secret
 * store, never in the settings JSON nor in any answer), the contract, the rooms' codes, then
 * activation, which queues everything for the first push. Once active: resend everything, and
 * the commission. The stage is computed from what is saved (shared/almaStage.ts).
 *
 * Refusals are thrown before anything is written, or inside the call's transaction, so a
 * refused call writes nothing. Checking the credentials needs the network, so like
 * 'connections:checkLink' it answers a check id and pings after the call has returned; the
 * result arrives as the 'alma:credentialsChecked' event.
 */
import { randomUUID } from 'node:crypto';
import { ALMA_COMMISSION_BASIS_POINTS, type AlmaConnectionView, type AlmaMessage } from '../../shared/alma';
import { almaMissing, almaMissingMessage, almaStage, type AlmaSetupFacts } from '../../shared/almaStage';
import type { ChannelConnection } from '../../shared/domain';
import { ApiError, type ApiIssue } from '../../shared/errors';
import { channelsFr } from '../../shared/i18n/channels';
import { createAlmaClient } from '../channels/alma/client';
import { almaPasswordSecret, readAlmaCredentials, readAlmaSettings, writeAlmaSettings, type AlmaSettings } from '../channels/alma/credentials';
import { almaEligibility } from '../channels/alma/eligibility';
import { almaAnswerDueBy } from '../channels/alma/workingDays';
import { isHttpUrl } from '../channels/linkCheck';
import { listRoomMappings, replaceRoomMappings, setCommission } from '../db/apiConnections';
import { apiSyncSummary, clearApiRetry, clearApiStop, getApiSyncConnection } from '../db/apiSyncState';
import { getConnection, insertConnection, listConnections } from '../db/channels';
import { setConnectionFields } from '../db/connections';
import { dropCloseOuts, enqueueCloseOuts, enqueueFullResend, makeOutboxDue } from '../db/outbox';
import { getProperty } from '../db/property';
import { applyHeldEvents } from '../sync/alma/storeEvents';
import { listUnits } from '../db/units';
import { SecretStorageUnavailable } from '../secrets';
import { today, type Context } from './context';
import type { Handlers } from './types';

const CHANNEL = 'alma_heritage';

const issue = (path: (string | number)[], key: string, params?: Record<string, string | number>): ApiIssue => ({ path, key, ...(params ? { params } : {}) });

/** The live (not removed) Alma Heritage connection, if the channel was opened. */
function liveAlma(ctx: Context): ChannelConnection | null {
  return listConnections(ctx.db).find((c) => c.channel === CHANNEL && c.status !== 'removed') ?? null;
}

function requireAlma(ctx: Context, id: number): ChannelConnection {
  const connection = getConnection(ctx.db, id);
  if (!connection || connection.channel !== CHANNEL) throw ApiError.notFound('alma.rules.unknownConnection', { id });
  if (connection.status === 'removed') throw ApiError.conflict('channels.rules.removed', { id });
  return connection;
}

/**
 * The saved answers; a connection whose settings another version wrote in a shape this one
 * does not read is taken as just requested (its own creation date), so the owner can go on.
 */
function settingsOf(ctx: Context, connection: ChannelConnection): AlmaSettings {
  const saved = readAlmaSettings(ctx.db, connection.id);
  if (saved) return saved;
  const requestedAt = new Date(connection.createdAt);
  return { requestedAt: connection.createdAt, expectedBy: almaAnswerDueBy(requestedAt) };
}

function factsOf(ctx: Context, connection: ChannelConnection, settings: AlmaSettings, passwordSaved: boolean): AlmaSetupFacts {
  return {
    status: connection.status,
    hasCredentials: Boolean(settings.serviceUrl && settings.propertyCode && settings.userName),
    anyCredentials: Boolean(settings.serviceUrl || settings.propertyCode || settings.userName),
    passwordSaved,
    contractConfirmed: Boolean(settings.contractConfirmedAt),
    mappedRooms: listRoomMappings(ctx.db, connection.id).length,
  };
}

function viewOf(ctx: Context, id: number): AlmaConnectionView {
  const connection = getConnection(ctx.db, id)!;
  const settings = settingsOf(ctx, connection);
  const passwordSaved = ctx.secrets.get(almaPasswordSecret(id)) !== null;
  return {
    connection,
    stage: almaStage(factsOf(ctx, connection, settings, passwordSaved)),
    requestedAt: settings.requestedAt,
    expectedBy: settings.expectedBy,
    serviceUrl: settings.serviceUrl ?? null,
    propertyCode: settings.propertyCode ?? null,
    userName: settings.userName ?? null,
    passwordSaved,
    // How a password saved now is protected: the store keeps no per-secret record the calls can read.
    passwordProtection: passwordSaved ? ctx.secrets.protection() : null,
    contractConfirmedAt: settings.contractConfirmedAt ?? null,
    rooms: listRoomMappings(ctx.db, id),
    commissionBasisPoints: connection.commissionBasisPoints ?? ALMA_COMMISSION_BASIS_POINTS,
    sync: apiSyncSummary(ctx.db, id),
  };
}

function changed(ctx: Context): void {
  ctx.emit('connections:changed', {});
}

/** The mapping's rules: rooms that exist, each once, each of the partner's room codes once. */
function checkMapping(ctx: Context, connection: ChannelConnection, rooms: { unitId: number; roomCode: string; rateCode: string }[]): void {
  const units = new Set(listUnits(ctx.db).map((u) => u.id));
  const seenUnits = new Set<number>();
  const seenCodes = new Set<string>();
  const issues: ApiIssue[] = [];
  rooms.forEach((room, i) => {
    if (!units.has(room.unitId)) issues.push(issue(['rooms', i, 'unitId'], 'alma.rules.unknownRoom', { unitId: room.unitId }));
    if (seenUnits.has(room.unitId)) issues.push(issue(['rooms', i, 'unitId'], 'alma.rules.duplicateRoom'));
    // Alma Heritage's room types are told apart by code alone: two rooms with one code would share one stock.
    const code = room.roomCode.toUpperCase();
    if (seenCodes.has(code)) issues.push(issue(['rooms', i, 'roomCode'], 'alma.rules.duplicateRoomCode', { code: room.roomCode }));
    seenUnits.add(room.unitId);
    seenCodes.add(code);
  });
  // A channel that is live must keep selling at least one room; pause or remove it instead.
  if (rooms.length === 0 && connection.status !== 'pending') issues.push(issue(['rooms'], 'alma.rules.noRooms'));
  if (issues.length) throw ApiError.invalid(issues);
}

type AlmaCalls =
  | 'alma:eligibility'
  | 'alma:open'
  | 'alma:get'
  | 'alma:saveCredentials'
  | 'alma:checkCredentials'
  | 'alma:confirmContract'
  | 'alma:saveMapping'
  | 'alma:activate'
  | 'alma:resendAll'
  | 'alma:saveCommission';

export const almaHandlers: Handlers<AlmaCalls> = {
  'alma:eligibility': (_input, ctx) => almaEligibility(getProperty(ctx.db)),

  'alma:open': (_input, ctx) => {
    const eligibility = almaEligibility(getProperty(ctx.db));
    if (!eligibility.eligible) {
      throw ApiError.conflict(
        'alma.rules.notEligible',
        undefined,
        eligibility.reasons.map((reason) => issue(['property'], reason.key, reason.params)),
      );
    }
    if (liveAlma(ctx)) throw ApiError.conflict('alma.rules.alreadyOpen');
    const now = ctx.now();
    const connection = insertConnection(
      ctx.db,
      {
        channel: CHANNEL,
        name: channelsFr.names.alma_heritage,
        kind: 'api',
        status: 'pending',
        // Alma Heritage sends cancellations (its own ResStatus="Cancel" events).
        sendsCancellations: true,
        commissionBasisPoints: ALMA_COMMISSION_BASIS_POINTS,
      },
      now,
    );
    writeAlmaSettings(ctx.db, connection.id, { requestedAt: now.toISOString(), expectedBy: almaAnswerDueBy(now) }, now);
    changed(ctx);
    return viewOf(ctx, connection.id);
  },

  'alma:get': (_input, ctx) => {
    const connection = liveAlma(ctx);
    return connection ? viewOf(ctx, connection.id) : null;
  },

  'alma:saveCredentials': (input, ctx) => {
    const connection = requireAlma(ctx, input.id);
    if (!isHttpUrl(input.serviceUrl)) throw ApiError.invalid([issue(['serviceUrl'], 'alma.rules.notHttp')]);
    if (input.password !== undefined) {
      try {
        ctx.secrets.set(almaPasswordSecret(connection.id), input.password);
      } catch (error) {
        // Nothing is kept in clear: the owner is told why and nothing of the form is saved.
        if (error instanceof SecretStorageUnavailable) throw ApiError.conflict('alma.rules.noSecretStorage');
        throw error;
      }
    }
    const now = ctx.now();
    const settings = settingsOf(ctx, connection);
    // A new revision: a stop recorded for the old details (even by a round still in flight) no longer holds.
    const credentialsRevision = (settings.credentialsRevision ?? 0) + 1;
    writeAlmaSettings(
      ctx.db,
      connection.id,
      { ...settings, serviceUrl: input.serviceUrl, propertyCode: input.propertyCode, userName: input.userName, credentialsRevision },
      now,
    );
    if (connection.status !== 'pending') {
      // New details (a corrected address, say): neither a refusal of the old ones nor the backoff
      // their failures built up may hold the channel back; 'connections:changed' wakes the loop.
      clearApiStop(ctx.db, connection.id);
      clearApiRetry(ctx.db, connection.id);
      makeOutboxDue(ctx.db, connection.id);
    }
    changed(ctx);
    return viewOf(ctx, connection.id);
  },

  'alma:checkCredentials': (input, ctx) => {
    const connection = requireAlma(ctx, input.id);
    const credentials = readAlmaCredentials(ctx.db, ctx.secrets, connection.id);
    if (!credentials) {
      const settings = settingsOf(ctx, connection);
      const missing = almaMissing(factsOf(ctx, connection, settings, ctx.secrets.get(almaPasswordSecret(connection.id)) !== null)).filter(
        (m) => m === 'credentials' || m === 'password',
      );
      throw ApiError.conflict('alma.rules.credentialsMissing', undefined, missing.map((m) => issue([m], almaMissingMessage(m).key)));
    }
    const checkId = randomUUID();
    const publish = ctx.publish;
    // After this call has returned: the ping must not hold the transaction open.
    queueMicrotask(() => {
      void (async () => {
        const client = createAlmaClient(credentials);
        let problem: AlmaMessage | null;
        try {
          const result = await client.ping();
          problem = result.ok ? null : result.failure.message;
        } catch {
          problem = { key: 'alma.check.unexpected' };
        } finally {
          await client.close().catch(() => undefined);
        }
        publish?.({ event: 'alma:credentialsChecked', payload: { checkId, ok: problem === null, problem } });
      })();
    });
    return { checkId };
  },

  'alma:confirmContract': (input, ctx) => {
    const connection = requireAlma(ctx, input.id);
    const settings = settingsOf(ctx, connection);
    // The first confirmation's date stays: it is when the owner said they had signed.
    if (!settings.contractConfirmedAt) writeAlmaSettings(ctx.db, connection.id, { ...settings, contractConfirmedAt: ctx.now().toISOString() }, ctx.now());
    changed(ctx);
    return viewOf(ctx, connection.id);
  },

  'alma:saveMapping': (input, ctx) => {
    const connection = requireAlma(ctx, input.id);
    checkMapping(ctx, connection, input.rooms);
    const before = listRoomMappings(ctx.db, connection.id);
    replaceRoomMappings(ctx.db, connection.id, input.rooms);
    if (connection.status === 'active' || connection.status === 'paused') {
      const now = ctx.now();
      const codes = new Set(input.rooms.map((r) => r.roomCode));
      // A code no longer mapped (the room removed, or given another code) would go on selling its
      // last stock at Alma Heritage: it is closed over the horizon. A code mapped again is not.
      enqueueCloseOuts(ctx.db, connection.id, before.filter((m) => !codes.has(m.roomCode)), now);
      dropCloseOuts(ctx.db, connection.id, [...codes]);
      // A live channel must hear of a newly mapped room (or a new code) in full, not only of the nights that change later.
      enqueueFullResend(ctx.db, connection.id);
      // The bookings held for want of this mapping come in now, with it.
      const sync = getApiSyncConnection(ctx.db, connection.id)!;
      const announce = applyHeldEvents(
        { db: ctx.db, now, today: today(ctx), connection: sync, mappings: new Map(input.rooms.map((r) => [r.roomCode, r])) },
        [...codes],
      );
      for (const message of announce) ctx.emit(message.event, message.payload as never);
    }
    changed(ctx);
    return viewOf(ctx, connection.id);
  },

  'alma:activate': (input, ctx) => {
    const connection = requireAlma(ctx, input.id);
    if (connection.status !== 'pending') throw ApiError.conflict('alma.rules.alreadyActivated', { status: connection.status });
    const settings = settingsOf(ctx, connection);
    const passwordSaved = ctx.secrets.get(almaPasswordSecret(connection.id)) !== null;
    const missing = almaMissing(factsOf(ctx, connection, settings, passwordSaved));
    if (missing.length) throw ApiError.conflict('alma.rules.notReady', undefined, missing.map((m) => issue([m], almaMissingMessage(m).key)));
    const now = ctx.now();
    setConnectionFields(ctx.db, connection.id, { status: 'active' }, now);
    writeAlmaSettings(ctx.db, connection.id, { ...settings, activatedAt: now.toISOString() }, now);
    // Alma Heritage knows nothing of the schedule yet: the first push sends all of it.
    enqueueFullResend(ctx.db, connection.id);
    changed(ctx);
    return viewOf(ctx, connection.id);
  },

  'alma:resendAll': (input, ctx) => {
    const connection = requireAlma(ctx, input.id);
    if (connection.status !== 'active' && connection.status !== 'paused') throw ApiError.conflict('alma.rules.notActive', { status: connection.status });
    enqueueFullResend(ctx.db, connection.id);
    // The owner asked for it now: no backoff left from earlier failures delays it.
    clearApiRetry(ctx.db, connection.id);
    changed(ctx);
    return viewOf(ctx, connection.id);
  },

  'alma:saveCommission': (input, ctx) => {
    const connection = requireAlma(ctx, input.id);
    setCommission(ctx.db, connection.id, input.basisPoints, ctx.now());
    changed(ctx);
    return viewOf(ctx, connection.id);
  },
};
