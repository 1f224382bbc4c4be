/**
 * `inspect-feed <file-or-url> [--tz Europe/Paris] [--json]`: the feed doctor an owner or support
 * person runs on a link that misbehaves. It reads the calendar exactly as an import would —
 * same fetch, validation, decoding, parsing, nights and classification — and shows the result,
 * or why it would be refused (exit code 2). Nothing is written anywhere.
 */
import fs from 'node:fs';
import type { TFunction } from 'i18next';
import { DEFAULT_TIME_ZONE } from '../../shared/domain';
import { isTimeZone, nightAt, type Night } from '../../shared/nights';
import { daysOfNight, nightFromDays } from '../ical/civilDays';
import { problem, type FeedMessage } from '../ical/feedProblem';
import type { EventKind, EventStatus, FeedStay, GuestDetails } from '../ical/feedTypes';
import { readFeed } from '../ical/readFeed';
import { createFeedFetcher } from '../sync/fetchFeed';

export interface InspectOptions {
  source: string;
  tz?: string;
  json?: boolean;
}

export interface InspectedEvent {
  uid: string;
  nights: Night[];
  kind: EventKind;
  status: EventStatus;
  summary: string;
  description: string;
  guest: GuestDetails | null;
}

export type Inspection = { ok: true; events: InspectedEvent[]; blockedNights: Night[]; warnings: string[] } | { ok: false; error: string };

const isUrl = (source: string) => /^[a-z][a-z0-9+.-]+:/i.test(source) && !/^[a-z]:[\\/]/i.test(source);

function nightsOf(stay: FeedStay): Night[] {
  if (stay.status === 'cancelled') return [];
  const nights: Night[] = [];
  for (let day = daysOfNight(stay.arrival); day < daysOfNight(stay.departure); day++) nights.push(nightFromDays(day));
  return nights;
}

/** One entry per event: a repeating event's occurrences are gathered under its UID. */
function byEvent(stays: readonly FeedStay[]): InspectedEvent[] {
  const events = new Map<string, { first: FeedStay; nights: Set<Night>; statuses: Set<EventStatus> }>();
  for (const stay of stays) {
    const entry = events.get(stay.uid) ?? { first: stay, nights: new Set<Night>(), statuses: new Set<EventStatus>() };
    events.set(stay.uid, entry);
    for (const night of nightsOf(stay)) entry.nights.add(night);
    entry.statuses.add(stay.status);
  }
  return [...events.values()].map(({ first, nights, statuses }) => ({
    uid: first.uid,
    nights: [...nights].sort(),
    kind: first.kind,
    status: statuses.has('confirmed') ? 'confirmed' : statuses.has('tentative') ? 'tentative' : 'cancelled',
    summary: first.summary,
    description: first.description,
    guest: first.guest,
  }));
}

async function loadBytes(source: string): Promise<Uint8Array | FeedMessage> {
  if (!isUrl(source)) {
    try {
      return fs.readFileSync(source);
    } catch {
      return problem('fileUnreadable', { path: source });
    }
  }
  const fetcher = createFeedFetcher();
  try {
    const fetched = await fetcher(source, { etag: null, lastModified: null });
    if (fetched.kind === 'failed') return fetched.problem;
    return fetched.kind === 'ok' ? fetched.body : problem('httpStatus', { status: fetched.status });
  } finally {
    await fetcher.close();
  }
}

export async function inspect(options: InspectOptions, t: TFunction, now: Date = new Date()): Promise<Inspection> {
  const timeZone = options.tz ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) return { ok: false, error: t('feeds.inspect.badTimeZone', { value: timeZone }) };
  const bytes = await loadBytes(options.source);
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: t(bytes.key, bytes.params ?? {}) };
  const read = readFeed(bytes, { timeZone, today: nightAt(now, timeZone) });
  if (!read.ok) return { ok: false, error: t(read.problem.key, read.problem.params ?? {}) };
  const events = byEvent(read.stays);
  const blocked = new Set<Night>();
  for (const event of events) for (const night of event.nights) blocked.add(night);
  return { ok: true, events, blockedNights: [...blocked].sort(), warnings: read.warnings.map((w) => t(w.key, w.params ?? {})) };
}

/** "2026-07-10 → 2026-07-12, 2026-08-01" for runs of consecutive nights. */
export function nightRanges(nights: readonly Night[]): string {
  const ranges: string[] = [];
  let start: Night | null = null;
  let previous: Night | null = null;
  for (const night of nights) {
    if (previous !== null && daysOfNight(night) === daysOfNight(previous) + 1) {
      previous = night;
      continue;
    }
    if (start !== null) ranges.push(start === previous ? start : `${start} → ${previous}`);
    start = night;
    previous = night;
  }
  if (start !== null) ranges.push(start === previous ? start : `${start} → ${previous}`);
  return ranges.join(', ');
}

function forPeople(result: Extract<Inspection, { ok: true }>, t: TFunction): string {
  const lines = [t('feeds.inspect.readable', { count: result.events.length })];
  for (const e of result.events) {
    const nights = e.nights.length ? nightRanges(e.nights) : t('feeds.inspect.noNight');
    lines.push(t('feeds.inspect.event', { nights, kind: t(`feeds.kind.${e.kind}`), status: t(`feeds.status.${e.status}`), summary: e.summary, uid: e.uid }));
    if (e.guest) {
      const details = Object.entries(e.guest).filter(([, v]) => v !== null).map(([k, v]) => `${t(`feeds.inspect.fields.${k}`)} ${String(v)}`);
      lines.push(t('feeds.inspect.guest', { details: details.join(', ') }));
    }
  }
  lines.push(result.blockedNights.length ? t('feeds.inspect.blockedNights', { count: result.blockedNights.length, ranges: nightRanges(result.blockedNights) }) : t('feeds.inspect.noBlockedNights'));
  if (result.warnings.length) lines.push(t('feeds.inspect.warnings'), ...result.warnings.map((w) => `  - ${w}`));
  return `${lines.join('\n')}\n`;
}

export async function inspectFeedCommand(options: InspectOptions, t: TFunction): Promise<void> {
  const result = await inspect(options, t);
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) process.stdout.write(forPeople(result, t));
  else process.stderr.write(`${t('feeds.inspect.rejected', { reason: result.error })}\n`);
  if (!result.ok) process.exitCode = 2;
}
