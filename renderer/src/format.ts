import { useTranslation } from 'react-i18next';
import type { Cents } from '../../shared/money';
import type { Night } from '../../shared/nights';
import { localeFor } from './i18n';
import { DEFAULT_TIME_ZONE } from '../../shared/domain';
import { moneyFormatter } from '../../shared/money';
import { useSlice } from './store/StoreContext';

export interface Formatters {
  locale: string;
  money(cents: Cents): string;
  /** A nightly rate on the planning: "85 €", cents only when there are some. */
  rate(cents: Cents): string;
  night(night: Night): string;
  /** A night without the year, where the year is obvious: "ven. 10 juil.". */
  shortNight(night: Night): string;
  /** An instant (ISO timestamp) as a date and time in the property's zone. */
  instant(iso: string): string;
}

/**
 * Formats a night for people ("dim. 12 juil. 2026"). Intl needs a Date, so the night becomes
 * midnight UTC and is formatted in UTC: the machine's own zone never enters, and the day shown
 * is the night's date wherever the laptop is.
 */
export function nightFormatter(locale: string, withYear = true): (night: Night) => string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
  return (night) => {
    const [year = 0, month = 1, day = 1] = night.split('-').map(Number);
    return format.format(new Date(Date.UTC(year, month - 1, day)));
  };
}

export function rateFormatter(locale: string): (cents: Cents) => string {
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const exact = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  return (cents) => (cents % 100 === 0 ? whole : exact).format(cents / 100);
}

export function instantFormatter(locale: string, timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** Intl formatters are costly to make: one set per locale and zone, shared by every component. */
const cache = new Map<string, Formatters>();

export function formattersFor(locale: string, timeZone: string): Formatters {
  const key = `${locale}|${timeZone}`;
  let formatters = cache.get(key);
  if (!formatters) {
    formatters = {
      locale,
      money: moneyFormatter(locale),
      rate: rateFormatter(locale),
      night: nightFormatter(locale),
      shortNight: nightFormatter(locale, false),
      instant: instantFormatter(locale, timeZone),
    };
    cache.set(key, formatters);
  }
  return formatters;
}

/** Money, dates and times in the locale of the language the page is showing. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const timeZone = useSlice('app', (state) => state.property?.timeZone ?? DEFAULT_TIME_ZONE);
  return formattersFor(locale, timeZone);
}
