/**
 * Calendar months as `YYYY-MM` strings: the payouts view works by month (a payout month, a
 * commission invoice's month). Like nights, they never become JS Dates; arithmetic goes through
 * the night helpers (Temporal), so no machine time zone can shift a month.
 */
import { addMonths, firstOfMonth, isNight, lastOfMonth, type Night } from './nights';

/** A calendar month `YYYY-MM`, checked by {@link isMonth}. */
export type Month = string;

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_PATTERN.test(value) && isNight(`${value}-01`);
}

/** The month a night falls in: 2028-02-29 → 2028-02. */
export function monthOf(night: Night): Month {
  return firstOfMonth(night).slice(0, 7);
}

export function firstNightOf(month: Month): Night {
  return `${month}-01`;
}

/** The month's last day: 2028-02 → 2028-02-29, 2027-02 → 2027-02-28. */
export function lastNightOf(month: Month): Night {
  return lastOfMonth(firstNightOf(month));
}

export function addMonthsTo(month: Month, months: number): Month {
  return monthOf(addMonths(firstNightOf(month), months));
}

/** How many months from `from` to `to`, both counted: 2026-01 … 2026-03 is 3; 0 or less when `to` is earlier. */
export function monthCount(from: Month, to: Month): number {
  const [fromYear = 0, fromMonth = 0] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 0] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/** Every month from `from` to `to`, both included; empty when `to` is earlier. */
export function monthsFromTo(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let i = 0; i < monthCount(from, to); i++) months.push(addMonthsTo(from, i));
  return months;
}
