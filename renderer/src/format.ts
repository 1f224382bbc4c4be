import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Cents } from '../../shared/money';
import type { Night } from '../../shared/nights';
import { localeFor } from './i18n';

export interface Formatters {
  locale: string;
  money(cents: Cents): string;
  night(night: Night): string;
}

/**
 * Formats a night for people ("dim. 12 juil. 2026"). Intl needs a Date, so the night becomes
 * midnight UTC and is formatted in UTC: the machine's own zone never enters, and the day shown
 * is the night's date wherever the laptop is.
 */
export function nightFormatter(locale: string): (night: Night) => string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (night) => {
    const [year = 0, month = 1, day = 1] = night.split('-').map(Number);
    return format.format(new Date(Date.UTC(year, month - 1, day)));
  };
}

/** Money and dates in the locale of the language the page is showing. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  return useMemo(() => {
    const night = nightFormatter(locale);
    return { locale, money: (cents) => formatMoney(cents, locale), night };
  }, [locale]);
}
