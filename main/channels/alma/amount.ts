/**
 * OpenTravel amounts are decimal euros ("95.00"); Pigeonnier counts integer cents. Both ways go
 * through the digits as text, never through a float: 0.1 + 0.2 is not 0.3, and a nightly rate
 * must reach the partner to the cent.
 */
import type { Cents } from '../../../shared/money';

/** 9500 → "95.00", 5 → "0.05". Only whole, non-negative cents: a price is never below zero. */
export function centsToAmount(cents: Cents): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Not an amount in cents: ${String(cents)}`);
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const AMOUNT = /^(\d+)(?:\.(\d+))?$/;

/**
 * "285.00" → 28500, "95" → 9500, "95.5" → 9550; null for anything else: a sign, a comma, a
 * third decimal that is not zero ("12.345" is not a whole number of cents), text, or an amount
 * too large to count exactly. Trailing zeros past the cents ("95.000") are still exact, so they
 * are read.
 */
export function amountToCents(text: string): Cents | null {
  const match = AMOUNT.exec(text);
  if (!match) return null;
  const [, euros = '', fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(2))) return null;
  const cents = Number(euros) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}
