/**
 * The sync calls. The loop itself lives beside the service (headless mode and the desktop app
 * start it); a process without it (a one-off command) still answers with the stored status
 * and settings, and refuses Sync now in words.
 */
import { ApiError } from '../../shared/errors';
import { hasOpenConflict, listFeedHealth } from '../db/syncHealth';
import { readSyncSettings, writeSyncSettings } from '../db/syncSchedule';
import { listApiConnectionHealth } from '../sync/alma/apiStatus';
import { buildSyncStatus, withApiConnections } from '../sync/syncStatus';
import type { Context } from './context';
import type { Handlers } from './types';

function storedStatus(ctx: Context) {
  const paused = readSyncSettings(ctx.db).paused;
  const feeds = buildSyncStatus(listFeedHealth(ctx.db), hasOpenConflict(ctx.db), { paused, running: new Set(), nextDue: new Map(), lastRoundAt: null });
  return withApiConnections(feeds, listApiConnectionHealth(ctx.db, ctx.secrets, null));
}

const statusOf = (ctx: Context) => ctx.sync?.status() ?? storedStatus(ctx);

export const syncHandlers: Handlers<'sync:status' | 'sync:now' | 'sync:pause' | 'sync:resume' | 'settings:getSync' | 'settings:saveSync'> = {
  'sync:status': (_input, ctx) => statusOf(ctx),
  'sync:now': (input, ctx) => {
    const loop = ctx.sync;
    if (!loop) throw ApiError.conflict('errors.syncUnavailable');
    // After this call's transaction has committed: the reads write in their own.
    queueMicrotask(() => void loop.syncNow(input?.connectionId));
    return statusOf(ctx);
  },
  'sync:pause': (_input, ctx) => {
    if (ctx.sync) ctx.sync.pause();
    else writeSyncSettings(ctx.db, { paused: true });
    return statusOf(ctx);
  },
  'sync:resume': (_input, ctx) => {
    if (ctx.sync) ctx.sync.resume();
    else writeSyncSettings(ctx.db, { paused: false });
    return statusOf(ctx);
  },
  'settings:getSync': (_input, ctx) => readSyncSettings(ctx.db),
  // The loop reads the interval each time it plans a read, so the change applies from the next one.
  'settings:saveSync': (input, ctx) => writeSyncSettings(ctx.db, input),
};
