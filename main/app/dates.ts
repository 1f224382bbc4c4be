/**
 * Dates as the tray and the notifications say them, in the owner's language. Nights are
 * 'YYYY-MM-DD' strings (never shifted by a time zone); moments are ISO timestamps shown in the
 * computer's zone (tests pass one). Pure.
 */
import type { Language } from '../../shared/i18n';

export interface DateStyle {
  language: Language;
  /** Defaults to the computer's. */
  timeZone?: string;
}

/** British English for 'en': day before month, as in France. */
const locale = (language: Language) => (language === 'en' ? 'en-GB' : language);

function sameDay(a: Date, b: Date, timeZone?: string): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(a) === day.format(b);
}

/** "14:32" today, "12 juil., 14:32" another day. */
export function formatMoment(iso: string, now: Date, style: DateStyle): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = { hour: '2-digit', minute: '2-digit', timeZone: style.timeZone } as const;
  if (sameDay(at, now, style.timeZone)) return new Intl.DateTimeFormat(locale(style.language), time).format(at);
  return new Intl.DateTimeFormat(locale(style.language), { ...time, day: 'numeric', month: 'short' }).format(at);
}

/** "12 juil." for the night of 2026-07-12, whatever the computer's zone. */
export function formatNight(night: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(night);
  if (!match) return night;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** "12 juil. → 15 juil." (arrival → departure). */
export function formatStay(arrival: unknown, departure: unknown, language: Language): string {
  return `${formatNight(String(arrival ?? ''), language)} → ${formatNight(String(departure ?? ''), language)}`;
}
