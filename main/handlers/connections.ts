/**
 * Connecting channels (issue 8, DESIGN §5): the wizards' presets, and creating, editing,
 * pausing and removing a connection under each channel's rules (main/channels/). Refusals are
 * thrown before or inside the transaction, so a refused call writes nothing.
 *
 * Checking a pasted link needs the network, and handlers are synchronous (one transaction
 * each). So 'connections:checkLink' refuses a non-http(s) link at once, otherwise answers a
 * check id straight away and fetches after the call has returned; the result arrives as the
 * 'connections:linkChecked' event carrying that id — the same shape as 'sync:now', and it
 * travels unchanged over IPC and the headless event stream.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionWithFeeds } from '../../shared/channelPresets';
import type { ChannelConnection } from '../../shared/domain';
import { ApiError, type ApiIssue } from '../../shared/errors';
import { channelsFr } from '../../shared/i18n/channels';
import { almaPasswordSecret } from '../channels/alma/credentials';
import { listRoomMappings } from '../db/apiConnections';
import { dropCloseOuts, dropNightRows, enqueueCloseOuts, enqueueFullResend } from '../db/outbox';
import { newFeedToken } from '../channels/feedToken';
import { checkLink, isHttpUrl } from '../channels/linkCheck';
import { PRESETS, presetOf, type ChannelPreset } from '../channels/presets';
import { getConnection, insertConnection, insertFeed, listConnections } from '../db/channels';
import type { Db } from '../db/connection';
import { feedsOfConnection, replaceImportUrl, revokeConnectionFeeds, setConnectionFields, setFeedSwitches } from '../db/connections';
import { getProperty } from '../db/property';
import { listUnits } from '../db/units';
import { propertyTimeZone, today, type Context } from './context';
import type { Handlers } from './types';

function withFeeds(db: Db, connection: ChannelConnection): ConnectionWithFeeds {
  return { ...connection, feeds: feedsOfConnection(db, connection.id) };
}

const issue = (path: (string | number)[], key: string, params?: Record<string, string | number>): ApiIssue => ({ path, key, ...(params ? { params } : {}) });

interface RoomInput {
  unitId: number;
  importUrl?: string | null;
  importEnabled?: boolean;
}

/** The rules every set of rooms must keep, whether created at once or added later. */
function checkRooms(ctx: Context, preset: ChannelPreset, rooms: RoomInput[], totalRooms: number, firstIndex = 0): void {
  const issues: ApiIssue[] = [];
  const units = new Set(listUnits(ctx.db).map((u) => u.id));
  const seen = new Set<number>();
  rooms.forEach((room, i) => {
    const at = firstIndex + i;
    if (!units.has(room.unitId)) issues.push(issue(['rooms', at, 'unitId'], 'channels.rules.unknownRoom'));
    if (seen.has(room.unitId)) issues.push(issue(['rooms', at, 'unitId'], 'channels.rules.duplicateRoom'));
    seen.add(room.unitId);
    if (room.importUrl && !isHttpUrl(room.importUrl)) issues.push(issue(['rooms', at, 'importUrl'], 'channels.rules.notHttp'));
  });
  if (totalRooms === 0) issues.push(issue(['rooms'], 'channels.rules.noRooms'));
  if (preset.giteSingleLink && totalRooms > 1 && getProperty(ctx.db)?.type === 'gite') issues.push(issue(['rooms'], 'channels.rules.giteSingleLink'));
  else if (preset.maxRooms !== null && totalRooms > preset.maxRooms) {
    issues.push(issue(['rooms'], 'channels.rules.tooManyRooms', { max: preset.maxRooms, count: totalRooms }));
  }
  if (issues.length) throw ApiError.invalid(issues);
}

function icalPresetOf(channel: ChannelConnection['channel']): ChannelPreset {
  const preset = presetOf(channel);
  if (!preset || preset.kind !== 'ical') throw ApiError.invalid([issue(['channel'], 'channels.rules.notIcal')]);
  return preset;
}

function liveConnection(ctx: Context, id: number): ChannelConnection {
  const connection = getConnection(ctx.db, id);
  if (!connection) throw ApiError.notFound('channels.rules.unknownConnection', { id });
  if (connection.status === 'removed') throw ApiError.conflict('channels.rules.removed', { id });
  return connection;
}

function announce(ctx: Context): void {
  ctx.emit('connections:changed', {});
  ctx.emit('feeds:changed', {});
}

/**
 * An API connection (Alma Heritage) has no links or rooms here — its own calls set it up
 * (main/handlers/alma.ts) — so only its name and pause/resume. A pending one is activated by
 * 'alma:activate', which checks that the set-up is complete, never by this call.
 *
 * Pausing Alma Heritage means "stop selling there": every mapped room's stock is queued again
 * and the pusher sends it as BookingLimit 0 over the horizon (rates and restrictions are not
 * sent while paused); bookings already made keep being read and acknowledged. Resuming is a
 * full resend of the schedule (main/sync/alma/apiRound.ts).
 */
function updateApiConnection(ctx: Context, connection: ChannelConnection, input: { name?: string; status?: 'active' | 'paused'; rooms?: unknown[] }): ConnectionWithFeeds {
  if (input.rooms !== undefined) throw ApiError.invalid([issue(['rooms'], 'alma.rules.roomsInWizard')]);
  if (input.status !== undefined && connection.status === 'pending') throw ApiError.conflict('alma.rules.activateFirst');
  setConnectionFields(ctx.db, connection.id, { name: input.name, status: input.status }, ctx.now());
  if (input.status !== undefined && input.status !== connection.status) {
    enqueueFullResend(ctx.db, connection.id, input.status === 'paused' ? ['availability'] : undefined);
  }
  announce(ctx);
  return withFeeds(ctx.db, getConnection(ctx.db, connection.id)!);
}

/**
 * A removed API channel must stop selling at the partner, or Alma Heritage would go on selling
 * the last stock it was sent with nothing reading its bookings: each mapped room code gets a
 * close-out (stock 0 over the horizon) in the outbox, sent by the loop even though the
 * connection is removed, followed by a last read. The password is kept until then (the pusher
 * deletes it once the close-outs have gone out); a channel that never sold anything loses it now.
 */
function removeApiConnection(ctx: Context, connection: ChannelConnection): void {
  dropNightRows(ctx.db, connection.id);
  const mapped = listRoomMappings(ctx.db, connection.id);
  if ((connection.status === 'active' || connection.status === 'paused') && mapped.length > 0) {
    dropCloseOuts(ctx.db, connection.id, mapped.map((m) => m.roomCode));
    enqueueCloseOuts(ctx.db, connection.id, mapped, ctx.now());
    return;
  }
  // A removed channel keeps its files, not its password.
  ctx.secrets.delete(almaPasswordSecret(connection.id));
}

type ConnectionCalls = 'channels:presets' | 'connections:list' | 'connections:create' | 'connections:update' | 'connections:remove' | 'connections:checkLink';

export const connectionHandlers: Handlers<ConnectionCalls> = {
  'channels:presets': () => Object.values(PRESETS),
  'connections:list': (_input, ctx) => listConnections(ctx.db).map((c) => withFeeds(ctx.db, c)),
  'connections:create': (input, ctx) => {
    const preset = icalPresetOf(input.channel);
    checkRooms(ctx, preset, input.rooms, input.rooms.length);
    const importMissing = input.rooms.flatMap((room, i) => (room.importEnabled && !room.importUrl ? [issue(['rooms', i, 'importUrl'], 'channels.rules.needsLink')] : []));
    if (importMissing.length) throw ApiError.invalid(importMissing);
    const connection = insertConnection(
      ctx.db,
      {
        channel: input.channel,
        name: input.name ?? channelsFr.names[input.channel],
        kind: 'ical',
        status: 'active',
        sendsCancellations: preset.sendsCancellations,
        commissionBasisPoints: null,
      },
      ctx.now(),
    );
    for (const room of input.rooms) {
      insertFeed(ctx.db, {
        connectionId: connection.id,
        unitId: room.unitId,
        importUrl: room.importUrl ?? null,
        importEnabled: room.importEnabled,
        exportEnabled: room.exportEnabled,
        exportToken: newFeedToken(),
      });
    }
    announce(ctx);
    return withFeeds(ctx.db, connection);
  },
  'connections:update': (input, ctx) => {
    const connection = liveConnection(ctx, input.id);
    if (connection.kind === 'api') return updateApiConnection(ctx, connection, input);
    const preset = icalPresetOf(connection.channel);
    const existing = new Map(feedsOfConnection(ctx.db, connection.id).map((f) => [f.unitId, f]));
    const rooms = input.rooms ?? [];
    const added = rooms.filter((r) => !existing.has(r.unitId));
    checkRooms(ctx, preset, rooms, existing.size + added.length);
    const issues: ApiIssue[] = [];
    rooms.forEach((room, i) => {
      const url = room.importUrl === undefined ? existing.get(room.unitId)?.importUrl : room.importUrl;
      const enabled = room.importEnabled ?? existing.get(room.unitId)?.importEnabled ?? true;
      if (enabled && !url) issues.push(issue(['rooms', i, 'importUrl'], 'channels.rules.needsLink'));
    });
    if (issues.length) throw ApiError.invalid(issues);
    setConnectionFields(ctx.db, connection.id, { name: input.name, status: input.status }, ctx.now());
    for (const room of rooms) {
      const feed = existing.get(room.unitId);
      if (!feed) {
        insertFeed(ctx.db, {
          connectionId: connection.id,
          unitId: room.unitId,
          importUrl: room.importUrl ?? null,
          importEnabled: room.importEnabled ?? true,
          exportEnabled: room.exportEnabled ?? true,
          exportToken: newFeedToken(),
        });
        continue;
      }
      if (room.importUrl !== undefined) replaceImportUrl(ctx.db, feed.id, room.importUrl ?? null);
      setFeedSwitches(ctx.db, feed.id, { importEnabled: room.importEnabled, exportEnabled: room.exportEnabled });
    }
    announce(ctx);
    return withFeeds(ctx.db, getConnection(ctx.db, connection.id)!);
  },
  'connections:remove': (input, ctx) => {
    const connection = liveConnection(ctx, input.id);
    setConnectionFields(ctx.db, connection.id, { status: 'removed' }, ctx.now());
    revokeConnectionFeeds(ctx.db, connection.id);
    if (connection.kind === 'api') removeApiConnection(ctx, connection);
    announce(ctx);
    ctx.emit('reservations:changed', { reservationIds: [] });
    return withFeeds(ctx.db, getConnection(ctx.db, connection.id)!);
  },
  'connections:checkLink': (input, ctx) => {
    if (!isHttpUrl(input.url)) throw ApiError.invalid([issue(['url'], 'channels.rules.notHttp')]);
    const checkId = randomUUID();
    const options = { timeZone: propertyTimeZone(ctx.db), today: today(ctx) };
    const publish = ctx.publish;
    // After this call has returned: the fetch must not hold the transaction open.
    queueMicrotask(() => {
      void checkLink(checkId, input.url, options).then((result) => publish?.({ event: 'connections:linkChecked', payload: result }));
    });
    return { checkId };
  },
};
