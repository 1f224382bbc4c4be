/**
 * Checking a link the owner pasted in a wizard: fetched right away with the import's own
 * fetcher, read exactly as an import would (readFeed), and summed up for the wizard — how many
 * bookings from when to when, how many blocked periods — or why it cannot be used (a web page
 * rather than a calendar is told apart, it is the usual mistake). Nothing is written.
 */
import type { LinkCheckResult } from '../../shared/channelPresets';
import type { Night } from '../../shared/nights';
import { problem } from '../ical/feedProblem';
import { readFeed } from '../ical/readFeed';
import { createFeedFetcher, type FeedFetcher } from '../sync/fetchFeed';

/** http(s) only: partners' links are web addresses; file:, javascript: and the like are refused. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface CheckOptions {
  timeZone: string;
  today: Night;
  /** Tests pass one trusting their own certificate authority. */
  fetcher?: FeedFetcher;
}

export async function checkLink(checkId: string, url: string, options: CheckOptions): Promise<LinkCheckResult> {
  const failed = (p: { key: string; params?: Record<string, string | number> }): LinkCheckResult => ({
    checkId,
    ok: false,
    html: p.key === 'feeds.problem.html',
    problem: p,
  });
  if (!isHttpUrl(url)) return failed(problem('notHttp', { scheme: url.split(':')[0] ?? '' }));
  const fetcher = options.fetcher ?? createFeedFetcher();
  try {
    const fetched = await fetcher(url, { etag: null, lastModified: null });
    if (fetched.kind === 'failed') return failed(fetched.problem);
    if (fetched.kind !== 'ok') return failed(problem('httpStatus', { status: fetched.status }));
    const read = readFeed(fetched.body, { timeZone: options.timeZone, today: options.today });
    if (!read.ok) return failed(read.problem);
    const bookings = new Map<string, { arrival: Night; departure: Night }>();
    const blocks = new Set<string>();
    for (const stay of read.stays) {
      if (stay.status === 'cancelled' || stay.departure <= stay.arrival) continue;
      if (stay.kind === 'block') {
        blocks.add(stay.key);
        continue;
      }
      const seen = bookings.get(stay.uid);
      bookings.set(stay.uid, {
        arrival: seen && seen.arrival < stay.arrival ? seen.arrival : stay.arrival,
        departure: seen && seen.departure > stay.departure ? seen.departure : stay.departure,
      });
    }
    const stays = [...bookings.values()];
    const first = stays.length ? stays.map((s) => s.arrival).sort()[0]! : null;
    const last = stays.length ? stays.map((s) => s.departure).sort().at(-1)! : null;
    return { checkId, ok: true, bookings: stays.length, blocks: blocks.size, first, last, warnings: read.warnings };
  } finally {
    if (!options.fetcher) await fetcher.close();
  }
}
