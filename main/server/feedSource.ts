/**
 * Where the feed server gets a feed's bytes. Building one is costly (a two-year window of
 * availability, then ical-generator: several milliseconds), so each built feed is kept until the
 * database changes — any write, by this process or another, read from SQLite's own counters —
 * or the property's day ends. A change is therefore visible on the very next request, and an
 * unchanged feed costs two counter reads.
 */
import { createHash } from 'node:crypto';
import { addDays, startOfNight } from '../../shared/nights';
import { readChangeCounter, sameCounter, type ChangeCounter } from '../db/changeCounter';
import type { Db } from '../db/connection';
import { publishFeed } from '../export/feedPublication';

export interface ServedFeed {
  body: Buffer;
  /** Strong: a hash of the exact bytes. */
  etag: string;
  lastModified: Date;
  lastModifiedHttp: string;
}

export interface FeedSource {
  /** The feed behind the token, or null when there is none to serve. */
  get(token: string): ServedFeed | null;
}

export interface FeedSourceOptions {
  /** false builds every feed afresh on each request (for measuring what the cache saves). */
  cache?: boolean;
}

interface Entry {
  feed: ServedFeed;
  /** The day the content was built for, as instants: [validFrom, validUntil). */
  validFrom: number;
  validUntil: number;
}

function serve(body: string, lastModified: Date): ServedFeed {
  const bytes = Buffer.from(body, 'utf8');
  return {
    body: bytes,
    etag: `"${createHash('sha256').update(bytes).digest('base64url')}"`,
    lastModified,
    lastModifiedHttp: lastModified.toUTCString(),
  };
}

export function createFeedSource(db: Db, now: () => Date, options: FeedSourceOptions = {}): FeedSource {
  const useCache = options.cache ?? true;
  const entries = new Map<string, Entry>();
  let seen: ChangeCounter | null = null;

  return {
    get(token) {
      const at = now();
      const before = readChangeCounter(db);
      if (seen === null || !sameCounter(seen, before)) entries.clear();
      const cached = entries.get(token);
      if (useCache && cached && at.getTime() >= cached.validFrom && at.getTime() < cached.validUntil) {
        seen = before;
        return cached.feed;
      }
      entries.delete(token);
      const published = publishFeed(db, token, at);
      const after = readChangeCounter(db);
      // Another process wrote meanwhile: what was just read may already be old, so keep nothing.
      const foreignWrite = after.dataVersion !== before.dataVersion;
      // Our own write of this feed's fingerprint (one row) changes no other feed's content.
      if (foreignWrite || after.totalChanges > before.totalChanges + 1) entries.clear();
      seen = after;
      if (!published) return null;
      const feed = serve(published.body, published.lastModified);
      if (useCache && !foreignWrite) {
        entries.set(token, {
          feed,
          validFrom: startOfNight(published.today, published.timeZone).getTime(),
          validUntil: startOfNight(addDays(published.today, 1), published.timeZone).getTime(),
        });
      }
      return feed;
    },
  };
}
