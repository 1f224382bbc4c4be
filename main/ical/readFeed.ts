/**
 * bytes → validate → decode → prepare → parse (node-ical) → normalise → classify: one read of a
 * partner's calendar, pure. Either the stays it holds, with warnings, or why it was refused.
 * Our own events, echoed back by a partner that imports our feed, are dropped here.
 */
import type { Night } from '../../shared/nights';
import { decodeFeed } from './decodeFeed';
import { warning, type FeedProblem, type FeedWarning } from './feedProblem';
import type { FeedStay } from './feedTypes';
import { normaliseEvents } from './normaliseEvents';
import { isOurUid } from './ourUid';
import { parseEvents } from './parseFeed';
import { prepareFeed } from './prepareFeed';
import { validateFeedBytes } from './validateFeed';

export interface ReadOptions {
  /** The property's IANA time zone: floating times are read in it, nights are dates in it. */
  timeZone: string;
  today: Night;
}

export type FeedRead =
  | {
      ok: true;
      stays: FeedStay[];
      eventCount: number;
      echoes: number;
      /** Signs of damage (see DAMAGE_WARNINGS): what the read says may be missing or misread. */
      damaged: boolean;
      warnings: FeedWarning[];
    }
  | { ok: false; problem: FeedProblem };

/**
 * What a damaged download or a broken export leaves: an event skipped because its dates could
 * not be read, lines that are not iCalendar at all, UTF-8 mixed with bytes that are not. A read
 * showing one may add nights but frees none (reconcile): a stay missing from it, or shorter in
 * it, may be the damaged part.
 */
const DAMAGE_WARNINGS: ReadonlySet<string> = new Set(['noStart', 'unreadableEnd', 'garbageLines', 'mixedEncoding'].map((name) => warning(name).key));

export function readFeed(body: Uint8Array, options: ReadOptions): FeedRead {
  const refused = validateFeedBytes(body);
  if (refused) return { ok: false, problem: refused };
  const decoded = decodeFeed(body);
  const prepared = prepareFeed(decoded.text, decoded.lines, options.timeZone);
  if ('problem' in prepared) return { ok: false, problem: prepared.problem };
  const warnings = [...decoded.warnings, ...prepared.warnings];
  const events = parseEvents(prepared.text);
  if ('problem' in events) return { ok: false, problem: events.problem };
  let echoes = 0;
  const theirs = events.filter((e) => {
    const ours = isOurUid(String(e.uid ?? ''));
    if (ours) echoes++;
    return !ours;
  });
  if (echoes > 0) warnings.push(warning('echoesIgnored', { count: echoes }));
  const stays = normaliseEvents(theirs, options, warnings);
  const damaged = warnings.some((w) => DAMAGE_WARNINGS.has(w.key));
  return { ok: true, stays, eventCount: prepared.eventCount, echoes, damaged, warnings };
}
