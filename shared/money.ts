/**
 * Money is integer cents of euros. Floats never hold an amount: 0.1 + 0.2 is not 0.3, and an
 * accountant's export must add up to the cent.
 */
export type Cents = number;

export const CURRENCY = 'EUR';

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A formatter of cents for one locale; make it once and reuse it (Intl formatters are costly to build). */
export function moneyFormatter(locale: string): (cents: Cents) => string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: CURRENCY });
  return (cents) => format.format(cents / 100);
}

/** Formats cents in the owner's locale: 123456 → "1 234,56 €" in French, "€1,234.56" in English. */
export function formatMoney(cents: Cents, locale: string): string {
  return moneyFormatter(locale)(cents);
}

const AMOUNT_PATTERN = /^(-)?(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})*|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Reads an amount typed by a person in either locale's habit ("85", "85,50", "1 234.5",
 * "1.234,50 €") as cents; null when it is not an amount. A separator followed by exactly three
 * digits is a thousands separator, so "1,234" is 1234 euros, not 1.234.
 */
export function parseEuros(text: string): Cents | null {
  const cleaned = text.replace(/€|EUR/gi, '').trim();
  const match = AMOUNT_PATTERN.exec(cleaned);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  const euros = Number((whole ?? '').replace(/[ \u00a0\u202f.,]/g, ''));
  const cents = euros * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  // "-0" is zero: −0 would print as "-0,00 €".
  return minus && cents !== 0 ? -cents : cents;
}

/** A share of an amount in basis points (1300 = 13 %), rounded half away from zero to the cent. */
export function percentOf(cents: Cents, basisPoints: number): Cents {
  const exact = (cents * basisPoints) / 10_000;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  // A negative share that rounds to nothing is 0, not −0 ("-0,00 €").
  return rounded === 0 ? 0 : rounded;
}
