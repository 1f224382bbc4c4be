/**
 * Rewrites an event's date properties so that node-ical reads each one exactly as we mean it:
 * - a floating time (no Z, no TZID) is the property's local time (DESIGN §4) — node-ical would
 *   use the machine's zone, or the first VTIMEZONE of the file;
 * - a Windows zone name becomes its IANA zone; a zone defined only by a VTIMEZONE block is
 *   converted to UTC with that block's rules (vtimezone.ts); an unknown TZID is read in the
 *   property's zone, with a warning;
 * - an all-day event with no DTEND gets one: DTSTART + its DURATION in days, or one day. node-ical
 *   would add 24-hour steps in the machine's zone, which lands on the wrong date across a
 *   daylight-saving change.
 */
import { civilFromDays, daysFromCivil } from './civilDays';
import { warning, type FeedWarning } from './feedProblem';
import type { ZoneResolver } from './timeZones';
import { toUtcValue } from './vtimezone';

export interface EventDateLines {
  /** Indexes in the output lines; −1 when absent. */
  dtstart: number;
  dtend: number;
  duration: string | null;
  /** RECURRENCE-ID, EXDATE and RDATE lines. */
  others: number[];
}

interface DateLine {
  name: string;
  params: string[];
  value: string;
}

function splitLine(line: string): DateLine {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === ':')) {
      parts.push(line.slice(from, i));
      from = i + 1;
      if (c === ':') return { name: parts[0]!, params: parts.slice(1), value: line.slice(from).trim() };
    }
  }
  return { name: line, params: [], value: '' };
}

const isDateOnly = (line: DateLine) =>
  line.params.some((p) => p.toUpperCase() === 'VALUE=DATE') || /^\d{8}$/.test(line.value.split(',')[0]!.trim());

function tzidParam(params: string[]): string | null {
  const found = params.find((p) => p.toUpperCase().startsWith('TZID='));
  return found ? found.slice(5) : null;
}

function withZone(line: DateLine, zone: string): string {
  const params = line.params.filter((p) => !p.toUpperCase().startsWith('TZID='));
  return [line.name, ...params, `TZID=${zone}`].join(';') + `:${line.value}`;
}

function warnOnce(warnings: FeedWarning[], tzid: string): void {
  if (!warnings.some((w) => w.key === 'feeds.warning.unknownTimeZone' && w.params?.tzid === tzid)) {
    warnings.push(warning('unknownTimeZone', { tzid }));
  }
}

/** The line rewritten so its date-times are UTC or carry an IANA TZID; unchanged for dates. */
function rewriteLine(raw: string, zones: ZoneResolver, timeZone: string, warnings: FeedWarning[]): { text: string; date: string | null } {
  const line = splitLine(raw);
  if (isDateOnly(line)) return { text: raw, date: line.value.split(',')[0]!.trim() };
  const values = line.value.split(',').map((v) => v.trim());
  if (values.every((v) => v.toUpperCase().endsWith('Z'))) return { text: raw, date: null };
  const tzid = tzidParam(line.params);
  if (tzid === null) return { text: withZone(line, timeZone), date: null };
  const zone = zones.resolve(tzid);
  if (zone.kind === 'iana') return { text: withZone(line, zone.zone), date: null };
  if (zone.kind === 'custom') {
    const utc = values.map((v) => toUtcValue(zone.rules, v));
    if (utc.every((v): v is string => v !== null)) {
      const params = line.params.filter((p) => !p.toUpperCase().startsWith('TZID='));
      return { text: [line.name, ...params].join(';') + `:${utc.join(',')}`, date: null };
    }
  }
  warnOnce(warnings, tzid.replace(/^"(.*)"$/, '$1'));
  return { text: withZone(line, timeZone), date: null };
}

/** Whole days in an iCalendar DURATION (P2D, P1W, PT48H …); null when unreadable. */
export function durationDays(duration: string): number | null {
  const m = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(duration.trim());
  if (!m || duration.trim().length <= 2) return null;
  const days = Number(m[2] ?? 0) * 7 + Number(m[3] ?? 0) + Math.floor(Number(m[4] ?? 0) / 24);
  return m[1] === '-' ? -days : days;
}

function addDaysToBasicDate(value: string, days: number): string {
  const { year, month, day } = civilFromDays(daysFromCivil(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8))) + days);
  return `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** False for the common case node-ical reads right as it is: DATE values and UTC date-times. */
function lineNeedsRewrite(line: string): boolean {
  const value = line.slice(line.lastIndexOf(':') + 1).trim();
  if (/^\d{8}(,\d{8})*$/.test(value)) return false;
  return !/^(\d{8}T\d{6}Z)(,\d{8}T\d{6}Z)*$/i.test(value) || /;TZID=/i.test(line);
}

export function needsRewrite(lines: readonly string[], event: EventDateLines): boolean {
  return (
    event.dtend < 0 ||
    lineNeedsRewrite(lines[event.dtstart]!) ||
    lineNeedsRewrite(lines[event.dtend]!) ||
    event.others.some((index) => lineNeedsRewrite(lines[index]!))
  );
}

export function rewriteEventDates(out: string[], event: EventDateLines, zones: ZoneResolver, timeZone: string, warnings: FeedWarning[]): void {
  const start = rewriteLine(out[event.dtstart]!, zones, timeZone, warnings);
  out[event.dtstart] = start.text;
  if (event.dtend >= 0) out[event.dtend] = rewriteLine(out[event.dtend]!, zones, timeZone, warnings).text;
  else if (start.date !== null && /^\d{8}$/.test(start.date)) {
    const days = event.duration === null ? 1 : (durationDays(event.duration) ?? 1);
    out[event.dtstart] += `\r\nDTEND;VALUE=DATE:${addDaysToBasicDate(start.date, days)}`;
  }
  for (const index of event.others) out[index] = rewriteLine(out[index]!, zones, timeZone, warnings).text;
}
