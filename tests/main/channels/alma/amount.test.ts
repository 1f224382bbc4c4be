import { describe, expect, it } from 'vitest';
import { amountToCents, centsToAmount } from '../../../../main/channels/alma/amount';

describe('centsToAmount', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [9500, '95.00'],
    [123456, '1234.56'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i cents is "%s"', (cents, text) => {
    expect(centsToAmount(cents)).toBe(text);
  });

  it('refuses negative, fractional and unsafe cents', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) expect(() => centsToAmount(bad)).toThrow(RangeError);
  });
});

describe('amountToCents', () => {
  it.each([
    ['0.00', 0],
    ['0.05', 5],
    ['0.99', 99],
    ['1.00', 100],
    ['1234.56', 123456],
    ['285.00', 28500],
    ['95', 9500],
    ['95.5', 9550],
    ['95.000', 9500],
    ['0095.10', 9510],
  ])('"%s" is %i cents', (text, cents) => {
    expect(amountToCents(text)).toBe(cents);
  });

  it.each(['12.345', '-1.00', 'abc', '', '1,00', '+1.00', '1.', '.50', '1e3', ' 1.00', '1 000.00', '99999999999999999.00'])('refuses "%s"', (text) => {
    expect(amountToCents(text)).toBeNull();
  });

  it('round-trips every amount of a range without drift (no float on the way)', () => {
    for (let cents = 0; cents < 200_000; cents += 7) expect(amountToCents(centsToAmount(cents))).toBe(cents);
  });
});
