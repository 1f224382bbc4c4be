/**
 * The outgoing links (DESIGN §4 export, §6 reachability): the list the owner copies into each
 * partner's extranet, a new token when a link has leaked, and where the feed server listens.
 */
import { ApiError } from '../../shared/errors';
import {
  DEFAULT_FEED_SERVER,
  feedUrl,
  isLocalOnlyBase,
  localLinkBase,
  type FeedServerInfo,
  type FeedServerSettings,
  type OutgoingFeedLink,
} from '../../shared/outgoingFeeds';
import { feedServerSaveSchema } from '../../shared/schemas';
import { newFeedToken } from '../channels/feedToken';
import type { Db } from '../db/connection';
import { findServedFeed, listServedFeeds, setExportToken, type OutgoingFeedRow } from '../db/feedExports';
import { readSetting, writeSetting } from '../db/settings';
import type { Context } from './context';
import type { Handlers } from './types';

const FEED_SERVER_KEY = 'feedServer';

/** The stored settings over the defaults; a stored value this version cannot read counts as unset. */
export function feedServerSettings(db: Db): FeedServerSettings {
  const parsed = feedServerSaveSchema.safeParse(readSetting(db, FEED_SERVER_KEY));
  return { ...DEFAULT_FEED_SERVER, ...(parsed.success ? parsed.data : {}) };
}

/** The owner's public address if set; else where this process serves feeds; else the settings' address. */
function linkBaseOf(settings: FeedServerSettings, runtimeBase: (() => string) | undefined): string {
  return settings.publicBaseUrl ?? (runtimeBase?.() || localLinkBase(settings.host, settings.port));
}

function toLink(row: OutgoingFeedRow, base: string): OutgoingFeedLink {
  return {
    feedId: row.feedId,
    connectionId: row.connectionId,
    connectionName: row.connectionName,
    channel: row.channel,
    unitId: row.unitId,
    unit: row.unitName,
    url: feedUrl(base, row.token),
  };
}

function feedServerInfo(ctx: Context): FeedServerInfo {
  const settings = feedServerSettings(ctx.db);
  const linkBase = linkBaseOf(settings, ctx.feedLinkBase);
  return { ...settings, linkBase, linksLocalOnly: isLocalOnlyBase(linkBase) };
}

export const feedHandlers: Handlers<'feeds:list' | 'feeds:regenerateToken' | 'settings:getFeedServer' | 'settings:saveFeedServer'> = {
  'feeds:list': (_input, ctx) => {
    const base = linkBaseOf(feedServerSettings(ctx.db), ctx.feedLinkBase);
    return listServedFeeds(ctx.db).map((row) => toLink(row, base));
  },
  'feeds:regenerateToken': (input, ctx) => {
    const row = findServedFeed(ctx.db, input.connectionId, input.unitId);
    if (!row) throw ApiError.notFound('export.errors.unknownFeed', { connectionId: input.connectionId, unitId: input.unitId });
    const token = newFeedToken();
    setExportToken(ctx.db, row.feedId, token);
    ctx.emit('feeds:changed', {});
    return toLink({ ...row, token }, linkBaseOf(feedServerSettings(ctx.db), ctx.feedLinkBase));
  },
  'settings:getFeedServer': (_input, ctx) => feedServerInfo(ctx),
  'settings:saveFeedServer': (input, ctx) => {
    writeSetting(ctx.db, FEED_SERVER_KEY, { ...feedServerSettings(ctx.db), ...input });
    ctx.emit('feeds:changed', {});
    return feedServerInfo(ctx);
  },
};
