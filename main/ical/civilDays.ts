/**
 * Night arithmetic for the import's hot path. shared/nights.ts (Temporal) is the reference, but a
 * Temporal.PlainDate step costs about as much as node-ical's parse of a whole event, and a feed
 * may carry tens of thousands of events. These integer versions (days since 1970-01-01 in the
 * proleptic Gregorian calendar, H. Hinnant's algorithms) never touch a JS Date or a time zone;
 * tests/main/ical/civilDays.test.ts checks them against shared/nights on random dates.
 */
import type { Night } from '../../shared/nights';

/** Days from 1970-01-01 to year-month-day (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatNight(year: number, month: number, day: number): Night {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function nightFromDays(days: number): Night {
  const { year, month, day } = civilFromDays(days);
  return formatNight(year, month, day);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` night (no validation: callers hold real nights). */
export function daysOfNight(night: Night): number {
  return daysFromCivil(Number(night.slice(0, 4)), Number(night.slice(5, 7)), Number(night.slice(8, 10)));
}

export function addDaysFast(night: Night, days: number): Night {
  return nightFromDays(daysOfNight(night) + days);
}

/** ISO weekday of a day count: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}
