/**
 * Nights: a night is the ISO date `YYYY-MM-DD` on which the guest goes to sleep. A stay from
 * arrival A to departure D holds the nights A … D−1.
 *
 * Date-only values never become JS `Date`s or timestamps: a `Date` carries the machine's time
 * zone, and a night must mean the same day on a laptop in Paris and in Nouméa. All arithmetic
 * goes through Temporal.PlainDate, which has no time zone at all.
 */
import { Temporal } from 'temporal-polyfill';

/** An ISO calendar date `YYYY-MM-DD`, checked by {@link isNight}. */
export type Night = string;

const NIGHT_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2027-02-29 is not). */
export function isNight(value: unknown): value is Night {
  if (typeof value !== 'string' || !NIGHT_PATTERN.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

function plain(night: Night): Temporal.PlainDate {
  if (!isNight(night)) throw new RangeError(`Not a night: ${String(night)}`);
  return Temporal.PlainDate.from(night);
}

export function addDays(night: Night, days: number): Night {
  return plain(night).add({ days }).toString();
}

/** Adds calendar months; the 31st of a shorter month clamps to its last day (Jan 31 + 1 = Feb 28/29). */
export function addMonths(night: Night, months: number): Night {
  return plain(night).add({ months }, { overflow: 'constrain' }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Night, to: Night): number {
  return plain(from).until(plain(to), { largestUnit: 'days' }).days;
}

export function compareNights(a: Night, b: Night): number {
  return Temporal.PlainDate.compare(plain(a), plain(b));
}

/** The nights of a stay: arrival … departure−1. Empty when departure is not after arrival. */
export function stayNights(arrival: Night, departure: Night): Night[] {
  const count = daysBetween(arrival, departure);
  const nights: Night[] = [];
  let current = plain(arrival);
  for (let i = 0; i < count; i++) {
    nights.push(current.toString());
    current = current.add({ days: 1 });
  }
  return nights;
}

/** Every night from `first` to `last`, both included. */
export function nightsFromTo(first: Night, last: Night): Night[] {
  return stayNights(first, addDays(last, 1));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(night: Night): number {
  return plain(night).dayOfWeek;
}

export function isWeekend(night: Night): boolean {
  return weekday(night) >= 6;
}

export function daysInMonth(night: Night): number {
  return plain(night).daysInMonth;
}

export function isLeapYear(year: number): boolean {
  return Temporal.PlainDate.from({ year, month: 1, day: 1 }).inLeapYear;
}

export function firstOfMonth(night: Night): Night {
  return plain(night).with({ day: 1 }).toString();
}

export function lastOfMonth(night: Night): Night {
  const date = plain(night);
  return date.with({ day: date.daysInMonth }).toString();
}

/** True when `zone` is an IANA time zone this runtime knows (e.g. Europe/Paris, America/Guadeloupe). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  // Temporal also takes a fixed offset ("+01:00"); a property there would never change to summer time.
  if (/^[+-]/.test(zone)) return false;
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical IANA name ('europe/paris' → 'Europe/Paris'); call on a zone isTimeZone accepted. */
export function canonicalTimeZone(zone: string): string {
  return Temporal.Now.instant().toZonedDateTimeISO(zone).timeZoneId;
}

/**
 * The calendar date in `timeZone` at `instant`: "today" for the property, whatever zone the
 * machine is set to.
 */
export function nightAt(instant: Date, timeZone: string): Night {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** The instant at which `night` begins (local midnight, or the first instant after a DST gap). */
export function startOfNight(night: Night, timeZone: string): Date {
  const start = plain(night).toZonedDateTime({ timeZone });
  return new Date(start.epochMilliseconds);
}

/** Hours in the local day of `night`: 23 or 25 on DST change days, 24 otherwise. */
export function hoursInDay(night: Night, timeZone: string): number {
  return plain(night).toZonedDateTime({ timeZone }).hoursInDay;
}
