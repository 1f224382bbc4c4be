/**
 * The links we serve to partners (DESIGN §4 export, §6 reachability): one per (channel
 * connection, unit), `/feeds/<token>.ics` on the feed server. What the page shows and the
 * command line prints; no Node here, the page imports it too.
 */
import type { Channel } from './domain';

export const FEEDS_PATH_PREFIX = '/feeds/';
export const FEED_FILE_SUFFIX = '.ics';

/** What newFeedToken makes (base64url), with room for longer tokens later; nothing else is ever looked up. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,86}$/;

/** Where the feed server listens, and the address partners are given. */
export interface FeedServerSettings {
  /** An interface address: 127.0.0.1 (this computer only, the default), 0.0.0.0 / :: (every interface), or one address. */
  host: string;
  port: number;
  /** What partners must use to reach us (router port forward, tunnel, own domain); null: the local address. */
  publicBaseUrl: string | null;
}

/**
 * The same port as headless mode's default, so that `serve` and the desktop app's links agree
 * out of the box (the two never run on the same data at once).
 */
export const DEFAULT_FEED_SERVER: FeedServerSettings = { host: '127.0.0.1', port: 4780, publicBaseUrl: null };

export interface FeedServerInfo extends FeedServerSettings {
  /** What every link starts with. */
  linkBase: string;
  /** True when the links name this computer (127.0.0.1): a partner on the internet cannot reach them. */
  linksLocalOnly: boolean;
}

export interface OutgoingFeedLink {
  feedId: number;
  connectionId: number;
  connectionName: string;
  channel: Channel;
  unitId: number;
  unit: string;
  url: string;
}

/** An address a browser (or a partner) can open: a wildcard address is reached through loopback from here. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export function localLinkBase(host: string, port: number): string {
  return `http://${urlHost(host)}:${port}`;
}

export function feedPath(token: string): string {
  return `${FEEDS_PATH_PREFIX}${token}${FEED_FILE_SUFFIX}`;
}

/** `base` has no trailing slash (the settings schema strips it). */
export function feedUrl(base: string, token: string): string {
  return `${base}${feedPath(token)}`;
}

export function isLocalOnlyBase(base: string): boolean {
  const { hostname } = new URL(base);
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
