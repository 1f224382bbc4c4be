/**
 * HTTP for the outgoing feeds: GET and HEAD /feeds/<token>.ics, conditional requests, and one
 * bare 404 for everything that is not a served feed — an unknown token, a malformed path, a
 * traversal attempt, a feed switched off — so a guesser learns nothing from the answer.
 * Matching is on the raw request line: nothing is decoded or normalised before it is refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FEED_FILE_SUFFIX, FEED_TOKEN_PATTERN, FEEDS_PATH_PREFIX } from '../../shared/outgoingFeeds';
import type { FeedSource, ServedFeed } from './feedSource';

const ALLOWED_METHODS = 'GET, HEAD';

/** For the headless router: anything that is, or resolves to, a path under /feeds goes to the feed handler (and is refused there if malformed). */
export function isFeedRequest(rawUrl: string | undefined): boolean {
  const raw = rawUrl ?? '';
  const under = (path: string) => path === FEEDS_PATH_PREFIX.slice(0, -1) || path.startsWith(FEEDS_PATH_PREFIX);
  if (under(raw.split('?')[0]!)) return true;
  try {
    return under(new URL(raw, 'http://localhost').pathname);
  } catch {
    return false;
  }
}

/** The token of a well-formed feed path, else null. The query string is ignored (some partners add a cache-buster). */
export function feedTokenOf(rawUrl: string | undefined): string | null {
  const path = (rawUrl ?? '').split('?')[0]!;
  if (!path.startsWith(FEEDS_PATH_PREFIX) || !path.endsWith(FEED_FILE_SUFFIX)) return null;
  const token = path.slice(FEEDS_PATH_PREFIX.length, -FEED_FILE_SUFFIX.length);
  return FEED_TOKEN_PATTERN.test(token) ? token : null;
}

export function sendBareNotFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-length': '0', 'cache-control': 'no-store' }).end();
}

export function sendMethodNotAllowed(res: ServerResponse): void {
  res.writeHead(405, { allow: ALLOWED_METHODS, 'content-length': '0' }).end();
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  // If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix does not matter.
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise. */
function notModified(req: IncomingMessage, feed: ServedFeed): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, feed.etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // Safe because Last-Modified rises by at least a second with every change (nextLastModified).
  return !Number.isNaN(since) && feed.lastModified.getTime() <= since;
}

export type FeedRequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createFeedRequestHandler(source: FeedSource): FeedRequestHandler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res);
    const token = feedTokenOf(req.url);
    let feed: ServedFeed | null;
    try {
      feed = token === null ? null : source.get(token);
    } catch (error) {
      // The database is locked or broken: say so, and keep serving the other requests.
      console.error('Pigeonnier: building an outgoing feed failed', error);
      res.writeHead(503, { 'retry-after': '60', 'content-length': '0', 'cache-control': 'no-store' }).end();
      return;
    }
    if (!feed) return sendBareNotFound(res);
    const headers = {
      etag: feed.etag,
      'last-modified': feed.lastModifiedHttp,
      // Stored copies must be checked every time: a stale calendar is a double booking.
      'cache-control': 'no-cache',
    };
    if (notModified(req, feed)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/calendar; charset=utf-8',
      'content-length': String(feed.body.length),
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : feed.body);
  };
}
