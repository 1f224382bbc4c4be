/**
 * node-ical's events → stays with nights in the property's time zone (DESIGN §4):
 * - all-day: DTSTART … DTEND−1; DTEND = DTSTART → one night (no DTEND was given one in
 *   rewriteDates); node-ical hands all-day values as local midnights of the machine, so they are
 *   read with the local getters, never as instants;
 * - timed: from the property-local date of the start up to, not including, that of the end;
 *   a zero-length event holds the night it starts on; an inverted range holds nothing (warned);
 * - RRULE with COUNT/UNTIL expanded in full, open-ended rules over a window around today;
 *   EXDATE removed; RECURRENCE-ID overrides replace their occurrence.
 */
import type { VEvent } from 'node-ical';
import { nightAt, type Night } from '../../shared/nights';
import { daysOfNight, formatNight, nightFromDays } from './civilDays';
import { classifyKind, classifyStatus } from './classifyEvent';
import { warning, type FeedWarning } from './feedProblem';
import type { EventKind, EventStatus, FeedStay } from './feedTypes';
import { extractGuest } from './guestDetails';
import { textOf } from './parseFeed';

type IcalDate = Date & { dateOnly?: boolean; tz?: string };
type Occurrence = Omit<VEvent, 'recurrences'>;

export interface NormaliseOptions {
  /** The property's IANA zone. */
  timeZone: string;
  /** Today in that zone: open-ended repeating events are read from a year before to two years after. */
  today: Night;
}

export const MAX_OCCURRENCES = 2000;
const WINDOW_BEFORE_DAYS = 366;
const WINDOW_AFTER_DAYS = 731;

function localNight(date: IcalDate): Night {
  return formatNight(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** The night a date falls on: its calendar date when all-day, its property-local date when timed. */
function nightOf(date: IcalDate, timeZone: string): Night {
  return date.dateOnly ? localNight(date) : nightAt(date, timeZone);
}

interface Span {
  arrival: Night;
  departure: Night;
}

function span(start: IcalDate, end: IcalDate | undefined, timeZone: string, uid: string, warnings: FeedWarning[]): Span {
  const arrival = nightOf(start, timeZone);
  if (!end || end.getTime() === start.getTime()) return { arrival, departure: nightFromDays(daysOfNight(arrival) + 1) };
  const departure = nightOf(end, timeZone);
  if (end.getTime() < start.getTime() || departure < arrival) {
    warnings.push(warning('invertedRange', { uid }));
    return { arrival, departure: arrival };
  }
  if (departure === arrival) {
    // All-day DTEND = DTSTART is one night; a timed event inside one day holds none.
    if (start.dateOnly) return { arrival, departure: nightFromDays(daysOfNight(arrival) + 1) };
    warnings.push(warning('noNights', { uid }));
  }
  return { arrival, departure };
}

/** Kind and status per (STATUS, summary, guest known): feeds repeat the same few summaries thousands of times. */
const classified = new Map<string, { kind: EventKind; status: EventStatus }>();

function classify(status: unknown, summary: string, hasGuest: boolean): { kind: EventKind; status: EventStatus } {
  const key = `${String(status ?? '')}\u0000${hasGuest ? 1 : 0}\u0000${summary}`;
  let found = classified.get(key);
  if (!found) {
    found = { kind: classifyKind(summary, hasGuest), status: classifyStatus(status, summary) };
    if (classified.size > 5000) classified.clear();
    classified.set(key, found);
  }
  return found;
}

function toStay(event: Occurrence, key: string, at: Span): FeedStay {
  const summary = textOf(event.summary).trim();
  const description = textOf(event.description);
  const guest = extractGuest(summary, description);
  const sequence = typeof event.sequence === 'number' ? event.sequence : Number.parseInt(String(event.sequence ?? 0), 10) || 0;
  const { kind, status } = classify(event.status, summary, guest !== null && (guest.name !== null || guest.email !== null || guest.phone !== null));
  return {
    key,
    uid: String(event.uid),
    arrival: at.arrival,
    departure: at.departure,
    kind,
    status,
    summary,
    description,
    guest,
    sequence,
    dtstamp: event.dtstamp instanceof Date && !Number.isNaN(event.dtstamp.getTime()) ? event.dtstamp.toISOString() : null,
  };
}

function windowDate(night: Night, days: number): Date {
  const [y, m, d] = nightFromDays(daysOfNight(night) + days).split('-').map(Number) as [number, number, number];
  // A bound for node-ical's rule expansion, which works on Dates; never a night itself.
  return new Date(y, m - 1, d);
}

function expand(event: VEvent, options: NormaliseOptions, warnings: FeedWarning[]): FeedStay[] {
  const rule = event.rrule!;
  const start = event.start as IcalDate;
  const end = event.end as IcalDate | undefined;
  const { count, until } = rule.options as { count?: number | null; until?: Date | null };
  let dates: IcalDate[];
  try {
    if (count || until) dates = rule.all((_date, index) => index < MAX_OCCURRENCES);
    else throw new Error('open-ended');
  } catch {
    const from = windowDate(options.today, -WINDOW_BEFORE_DAYS);
    const to = windowDate(options.today, WINDOW_AFTER_DAYS);
    dates = rule.between(from, to, true);
    if (!count && !until) warnings.push(warning('repeatsForever', { uid: event.uid, from: localNight(from), to: localNight(to) }));
  }
  if (dates.length >= MAX_OCCURRENCES) {
    warnings.push(warning('tooManyOccurrences', { uid: event.uid, max: MAX_OCCURRENCES }));
    dates = dates.slice(0, MAX_OCCURRENCES);
  }
  const lengthMs = end ? end.getTime() - start.getTime() : 0;
  const first = span(start, end, options.timeZone, event.uid, warnings);
  const lengthDays = daysOfNight(first.departure) - daysOfNight(first.arrival);
  const exdates = (event.exdate ?? {}) as Record<string, IcalDate>;
  const overrides = (event.recurrences ?? {}) as Record<string, Occurrence>;
  const used = new Set<Occurrence>();
  const stays: FeedStay[] = [];
  for (const raw of dates) {
    const date = raw as IcalDate;
    if (start.dateOnly) date.dateOnly = true;
    const night = nightOf(date, options.timeZone);
    const iso = date.toISOString();
    if (exdates[iso] || (date.dateOnly && exdates[night]) || exdates[night]?.dateOnly) continue;
    const override = overrides[iso] ?? (date.dateOnly ? overrides[night] : undefined);
    const key = `${event.uid}#${night}`;
    if (override) {
      used.add(override);
      if (!readable(override, key, warnings)) continue;
      stays.push(toStay(override, key, span(override.start as IcalDate, override.end as IcalDate | undefined, options.timeZone, event.uid, warnings)));
    } else if (date.dateOnly) {
      stays.push(toStay(event, key, { arrival: night, departure: nightFromDays(daysOfNight(night) + lengthDays) }));
    } else {
      const instanceEnd = new Date(date.getTime() + lengthMs) as IcalDate;
      stays.push(toStay(event, key, span(date, end ? instanceEnd : undefined, options.timeZone, event.uid, warnings)));
    }
  }
  // An override of an occurrence the rule no longer produces still describes a stay: keep it.
  for (const override of new Set(Object.values(overrides))) {
    if (used.has(override) || !isReadableDate(override.recurrenceid)) continue;
    const key = `${event.uid}#${nightOf(override.recurrenceid, options.timeZone)}`;
    if (!readable(override, key, warnings)) continue;
    stays.push(toStay(override, key, span(override.start as IcalDate, override.end as IcalDate | undefined, options.timeZone, event.uid, warnings)));
  }
  return stays;
}

/** node-ical hands a date it could not parse back as the raw string. */
function isReadableDate(value: unknown): value is IcalDate {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/**
 * Whether node-ical could read the occurrence's dates; if not, says so. A skipped event marks
 * the read as damaged (readFeed): it frees no night.
 */
function readable(event: Occurrence, uid: string, warnings: FeedWarning[]): boolean {
  if (!isReadableDate(event.start)) {
    warnings.push(warning('noStart', { uid }));
    return false;
  }
  if (event.end !== undefined && event.end !== null && !isReadableDate(event.end)) {
    warnings.push(warning('unreadableEnd', { uid }));
    return false;
  }
  return true;
}

export function normaliseEvents(events: readonly VEvent[], options: NormaliseOptions, warnings: FeedWarning[]): FeedStay[] {
  const stays: FeedStay[] = [];
  for (const event of events) {
    if (!readable(event, textOf(event.uid), warnings)) continue;
    if (typeof event.uid !== 'string' || event.uid.trim() === '') {
      // prepareFeed gives every event one UID, but node-ical drops a UID line it cannot parse
      // ("UID;:…"): the stay is then recognised by its dates, as prepareFeed would.
      const uid = `no-uid-${event.start.toISOString()}-${isReadableDate(event.end) ? event.end.toISOString() : ''}`;
      warnings.push(warning('noUid', { summary: textOf(event.summary), uid }));
      event.uid = uid;
    }
    if (event.rrule) {
      stays.push(...expand(event, options, warnings));
      continue;
    }
    const start = event.start as IcalDate;
    // An override whose repeating event is missing from the feed: a stay of its own.
    const key = event.recurrenceid ? `${event.uid}#${nightOf(event.recurrenceid as IcalDate, options.timeZone)}` : event.uid;
    stays.push(toStay(event, key, span(start, event.end as IcalDate | undefined, options.timeZone, event.uid, warnings)));
  }
  return stays;
}
