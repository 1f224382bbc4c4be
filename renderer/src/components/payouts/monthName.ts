import { firstNightOf, type Month } from '../../../../shared/months';

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * A month for people: "juillet 2026", "July 2026". Formatted in UTC from the month's first day at
 * midnight UTC, so the machine's zone can never show the month before.
 */
export function monthName(month: Month, locale: string): string {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    cache.set(locale, format);
  }
  const [year = 0, monthNumber = 1] = firstNightOf(month).split('-').map(Number);
  return format.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}
