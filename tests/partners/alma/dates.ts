/**
 * The simulator's own night and money arithmetic. It deliberately does not reuse the app's
 * shared/nights.ts or the connector's conversions: a partner that shares our code would agree
 * with our bugs. Nights are `YYYY-MM-DD` (Temporal.PlainDate, no time zone); money is integer
 * cents, written on the wire as decimal euros with exactly two decimals.
 */
import { Temporal } from 'temporal-polyfill';

export type Night = string;

const NIGHT = /^\d{4}-\d{2}-\d{2}$/;
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const EUROS = /^(\d{1,7})\.(\d{2})$/;

export function isNight(value: unknown): value is Night {
  if (typeof value !== 'string' || !NIGHT.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

export function addDays(night: Night, days: number): Night {
  return Temporal.PlainDate.from(night).add({ days }).toString();
}

export function compareNights(a: Night, b: Night): number {
  return Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b));
}

/** Every night from `first` to `last`, both included (the inventory messages' convention). */
export function nightsFromTo(first: Night, last: Night): Night[] {
  const nights: Night[] = [];
  for (let night = first; compareNights(night, last) <= 0; night = addDays(night, 1)) nights.push(night);
  return nights;
}

/** The nights a stay holds: arrival … departure − 1 (the reservations' convention). */
export function stayNights(arrival: Night, departure: Night): Night[] {
  return compareNights(arrival, departure) < 0 ? nightsFromTo(arrival, addDays(departure, -1)) : [];
}

/** Alma Heritage is in France: its "today" is the date in Paris, whatever the machine's zone. */
export function todayInParis(): Night {
  return Temporal.Now.plainDateISO('Europe/Paris').toString();
}

/** An ISO instant in UTC (`…Z`), as the protocol's TimeStamp and CreateDateTime are. */
export function isUtcInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !UTC_INSTANT.test(value)) return false;
  try {
    Temporal.Instant.from(value);
    return true;
  } catch {
    return false;
  }
}

/** `2026-11-21T08:59:00Z`: whole seconds, like the protocol's examples. */
export function instantToSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Cents → `95.00`, by integer arithmetic only. */
export function centsToEuros(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Not an amount in cents: ${cents}`);
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** `95.00` → 9500; null for anything but digits, a point and exactly two decimals. */
export function eurosToCents(text: string): number | null {
  const match = EUROS.exec(text);
  return match ? Number(match[1]) * 100 + Number(match[2]) : null;
}
