import { describe, expect, it } from 'vitest';
import { formatMoney, isCents, parseEuros, percentOf } from '../../shared/money';

/** Intl separates French thousands with a narrow no-break space and puts a no-break space before €. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    [123456, '1 234,56 €'],
    [8500, '85,00 €'],
    [5, '0,05 €'],
    [0, '0,00 €'],
    [-1230, '-12,30 €'],
    [123456789, '1 234 567,89 €'],
  ])('writes %i cents as %s in French', (cents, expected) => {
    expect(plainSpaces(formatMoney(cents, 'fr-FR'))).toBe(expected);
  });

  it.each([
    [123456, '€1,234.56'],
    [8500, '€85.00'],
    [5, '€0.05'],
    [-1230, '-€12.30'],
  ])('writes %i cents as %s in British English', (cents, expected) => {
    expect(formatMoney(cents, 'en-GB')).toBe(expected);
  });

  it('never breaks a French amount across lines: its spaces are no-break spaces', () => {
    expect(formatMoney(123456, 'fr-FR')).not.toMatch(/ /);
  });
});

describe('parseEuros', () => {
  it.each([
    ['85', 8500],
    ['85,50', 8550],
    ['85.5', 8550],
    ['85,5', 8550],
    ['0,05', 5],
    ['1 234,56 €', 123456],
    ['1\u202f234,56\u00a0€', 123456],
    ['1\u00a0234', 123400],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['1,234', 123400],
    ['1.234', 123400],
    ['1234,5', 123450],
    ['1 234 567,89', 123456789],
    ['-12,30', -1230],
    ['€85', 8500],
    ['85 EUR', 8500],
    ['  85,50  ', 8550],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it('reads back what formatMoney writes in French', () => {
    for (const cents of [0, 5, 8550, 123456, 123456789, -1230]) {
      expect(parseEuros(formatMoney(cents, 'fr-FR'))).toBe(cents);
    }
  });

  it.each([
    [''],
    ['   '],
    ['€'],
    ['abc'],
    ['12a'],
    ['85,5050'],
    ['1,2345'],
    ['12,3,4'],
    ['--5'],
    ['- 5'],
    ['1e3'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    ['85,-'],
    ['12 34'],
    ['99999999999999999999'],
  ])('refuses %j with null rather than guessing', (text) => {
    expect(parseEuros(text)).toBeNull();
  });

  it('reads a typed minus zero as plain zero, not as −0 (which would print "-0,00 €")', () => {
    expect(Object.is(parseEuros('-0'), 0)).toBe(true);
    expect(Object.is(parseEuros('-0,00'), 0)).toBe(true);
  });
});

describe('percentOf', () => {
  it.each([
    [12345, 1300, 1605], // 1604.85
    [10000, 1300, 1300],
    [8550, 1300, 1112], // 1111.5 → half away from zero
    [5, 5000, 3], // 2.5
    [3, 5000, 2], // 1.5
    [1, 4999, 0], // 0.4999
    [-1, 4999, 0], // −0.4999 rounds to 0, not to −0
    [0, 1300, 0],
    [12345, 0, 0],
    [12345, 10000, 12345],
    [-12345, 1300, -1605],
    [-5, 5000, -3], // −2.5 → half away from zero, not toward +∞ as Math.round would
    [100_000_000_00, 1300, 13_000_000_00],
  ])('%i cents × %i basis points is %i cents', (cents, basisPoints, expected) => {
    const result = percentOf(cents, basisPoints);
    expect(result).toBe(expected);
    expect(isCents(result)).toBe(true);
  });
});

describe('isCents', () => {
  it('accepts safe integers only', () => {
    expect(isCents(0)).toBe(true);
    expect(isCents(-1230)).toBe(true);
    expect(isCents(85.5)).toBe(false);
    expect(isCents(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isCents(NaN)).toBe(false);
    expect(isCents('8550')).toBe(false);
  });
});
