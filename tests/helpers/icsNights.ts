/**
 * Reads an .ics text back into the nights it blocks, with two parsers that share no code with
 * ical-generator or with each other: node-ical and ical.js. Day arithmetic here is plain UTC
 * day numbers, not shared/nights.ts, so a bug there cannot hide a bug in the feed.
 */
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';

export interface ParsedEvent {
  uid: string;
  summary: string;
  /** First night and the day after the last (DTEND), as YYYY-MM-DD. */
  start: string;
  end: string;
  allDay: boolean;
  description: string | undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dayNumber(night: string): number {
  const [y, m, d] = night.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function nightOf(day: number): string {
  const date = new Date(day * 86_400_000);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Every night start … end−1. */
export function nightsOf(events: readonly ParsedEvent[]): string[] {
  const nights: string[] = [];
  for (const e of events) for (let d = dayNumber(e.start); d < dayNumber(e.end); d++) nights.push(nightOf(d));
  return nights.sort();
}

/** node-ical gives all-day dates as local midnight of the machine's zone: read them in local time. */
function localNight(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function parseWithNodeIcal(text: string): ParsedEvent[] {
  const parsed = nodeIcal.sync.parseICS(text);
  return Object.values(parsed)
    .filter((c): c is nodeIcal.VEvent => c?.type === 'VEVENT')
    .map((e) => {
      if (!e.end) throw new Error(`event ${e.uid} has no DTEND`);
      return {
        uid: e.uid,
        summary: typeof e.summary === 'string' ? e.summary : String((e.summary as { val?: string } | undefined)?.val ?? ''),
        start: localNight(e.start),
        end: localNight(e.end),
        allDay: e.start.dateOnly === true && e.end.dateOnly === true,
        description: typeof e.description === 'string' ? e.description : undefined,
      };
    });
}

export function parseWithIcalJs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((e) => {
    const start = e.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = e.getFirstPropertyValue('dtend') as ICAL.Time;
    return {
      uid: String(e.getFirstPropertyValue('uid')),
      summary: String(e.getFirstPropertyValue('summary')),
      start: start.toString(),
      end: end.toString(),
      allDay: start.isDate && end.isDate,
      description: (e.getFirstPropertyValue('description') as string | null) ?? undefined,
    };
  });
}

/**
 * Every X-WR-CALNAME in the calendar, read by ical.js (which unfolds lines but leaves a property
 * it does not know still escaped) and TEXT-unescaped here by RFC 5545 §3.3.11. node-ical is not
 * used for this: it unescapes "\\n" (an escaped backslash, then n) as a line break.
 */
export function calendarNames(text: string): string[] {
  return new ICAL.Component(ICAL.parse(text))
    .getAllProperties('x-wr-calname')
    .map((p) => String(p.getFirstValue()).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)));
}
