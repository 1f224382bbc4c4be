/**
 * Time zones a calendar defines itself (TZID=Custom/Maison with a VTIMEZONE block): node-ical
 * reads their times in the machine's zone, which would move nights depending on the laptop. We
 * compute the offset from the block's STANDARD/DAYLIGHT observances instead — their DTSTART,
 * TZOFFSETFROM/TZOFFSETTO, RDATEs and the yearly RRULEs real generators write (BYMONTH with
 * BYDAY like -1SU or 2SU, or BYDAY=SU with a BYMONTHDAY week). Times are counted in minutes of
 * local wall time since 1970 with integer arithmetic: no JS Date, no machine zone.
 */
import { civilFromDays, daysFromCivil, weekdayOfDays } from './civilDays';

interface YearlyRule {
  month: number;
  /** Ordinal weekday in the month (1 = first, −1 = last) or a weekday within given month days. */
  weekday: number | null;
  ordinal: number | null;
  monthDays: number[];
  /** Wall minutes after which the rule stops; null when it runs on. */
  until: number | null;
}

interface Observance {
  start: number;
  offsetFrom: number;
  offsetTo: number;
  rule: YearlyRule | null;
  rdates: number[];
}

export interface VTimezoneRules {
  tzid: string;
  observances: Observance[];
}

const WEEKDAYS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

/** "20260329T020000" (optionally with Z) → wall minutes since 1970; null if malformed. */
export function wallMinutes(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?Z?)?$/.exec(value.trim());
  if (!m) return null;
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * 1440 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
}

/** "+0100", "-0430", "+01:00" → minutes east of UTC. */
function offsetMinutes(value: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})(?::?\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function parseRule(value: string): YearlyRule | null {
  const parts = new Map(value.split(';').map((p) => p.split('=') as [string, string]));
  if (parts.get('FREQ')?.toUpperCase() !== 'YEARLY') return null;
  const month = Number(parts.get('BYMONTH'));
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const byDay = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(parts.get('BYDAY') ?? '');
  const monthDays = (parts.get('BYMONTHDAY') ?? '').split(',').filter(Boolean).map(Number);
  const until = parts.get('UNTIL');
  return {
    month,
    weekday: byDay ? WEEKDAYS[byDay[2]!.toUpperCase()]! : null,
    ordinal: byDay?.[1] ? Number(byDay[1]) : null,
    monthDays,
    until: until ? wallMinutes(until) : null,
  };
}

/** The day (days since 1970) on which a yearly rule falls in `year`, or null. */
function ruleDay(rule: YearlyRule, year: number): number | null {
  const first = daysFromCivil(year, rule.month, 1);
  const next = rule.month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, rule.month + 1, 1);
  if (rule.weekday === null) return rule.monthDays.length ? first + rule.monthDays[0]! - 1 : null;
  const candidates: number[] = [];
  for (let day = first; day < next; day++) if (weekdayOfDays(day) === rule.weekday) candidates.push(day);
  if (rule.monthDays.length) return candidates.find((d) => rule.monthDays.includes(d - first + 1)) ?? null;
  const ordinal = rule.ordinal ?? 1;
  return (ordinal > 0 ? candidates[ordinal - 1] : candidates[candidates.length + ordinal]) ?? null;
}

/** Every onset of an observance in the given years, in wall minutes. */
function onsets(observance: Observance, years: number[]): number[] {
  const found = [observance.start, ...observance.rdates];
  const { rule } = observance;
  if (rule) {
    const timeOfDay = ((observance.start % 1440) + 1440) % 1440;
    for (const year of years) {
      const day = ruleDay(rule, year);
      if (day === null) continue;
      const onset = day * 1440 + timeOfDay;
      if (onset >= observance.start && (rule.until === null || onset <= rule.until)) found.push(onset);
    }
  }
  return found;
}

/** Minutes east of UTC in force at a local wall time. */
export function offsetAt(rules: VTimezoneRules, wall: number): number | null {
  if (rules.observances.length === 0) return null;
  const year = civilFromDays(Math.floor(wall / 1440)).year;
  let best: { onset: number; offset: number } | null = null;
  for (const observance of rules.observances) {
    for (const onset of onsets(observance, [year - 1, year])) {
      if (onset <= wall && (best === null || onset > best.onset)) best = { onset, offset: observance.offsetTo };
    }
  }
  if (best) return best.offset;
  // Before every onset: the offset the earliest observance changed from.
  const earliest = rules.observances.reduce((a, b) => (b.start < a.start ? b : a));
  return earliest.offsetFrom;
}

/** A UTC date-time value ("20260711T030000Z") for a wall time in a custom zone, or null. */
export function toUtcValue(rules: VTimezoneRules, value: string): string | null {
  const m = /^(\d{8})T(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  const wall = wallMinutes(value);
  if (!m || wall === null) return null;
  const offset = offsetAt(rules, wall);
  if (offset === null) return null;
  const utc = wall - offset;
  const { year, month, day } = civilFromDays(Math.floor(utc / 1440));
  const minutes = ((utc % 1440) + 1440) % 1440;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}${pad(month)}${pad(day)}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}${m[4]}Z`;
}

/** Builds the rules from the content lines of one VTIMEZONE block (BEGIN/END lines included). */
export function readVTimezone(lines: readonly string[]): VTimezoneRules | null {
  let tzid: string | null = null;
  const observances: Observance[] = [];
  let current: { start: number | null; from: number | null; to: number | null; rule: YearlyRule | null; rdates: number[] } | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'BEGIN' && (value.toUpperCase() === 'STANDARD' || value.toUpperCase() === 'DAYLIGHT')) {
      current = { start: null, from: null, to: null, rule: null, rdates: [] };
    } else if (name === 'END' && current) {
      if (current.start !== null && current.to !== null) {
        observances.push({ start: current.start, offsetFrom: current.from ?? current.to, offsetTo: current.to, rule: current.rule, rdates: current.rdates });
      }
      current = null;
    } else if (current) {
      if (name === 'DTSTART') current.start = wallMinutes(value);
      else if (name === 'TZOFFSETFROM') current.from = offsetMinutes(value);
      else if (name === 'TZOFFSETTO') current.to = offsetMinutes(value);
      else if (name === 'RRULE') current.rule = parseRule(value);
      else if (name === 'RDATE') current.rdates.push(...value.split(',').map(wallMinutes).filter((v): v is number => v !== null));
    } else if (name === 'TZID') {
      tzid = value.replace(/^"(.*)"$/, '$1');
    }
  }
  return tzid === null ? null : { tzid, observances };
}
