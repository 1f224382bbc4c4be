/** Months as `YYYY-MM` (shared/months.ts), for the payouts view: checks, boundaries, ranges. */
import { describe, expect, it } from 'vitest';
import { addMonthsTo, firstNightOf, isMonth, lastNightOf, monthCount, monthOf, monthsFromTo } from '../../shared/months';

describe('months', () => {
  it('accepts only real months written YYYY-MM', () => {
    expect(['2026-01', '2026-12', '2028-02'].every(isMonth)).toBe(true);
    expect(['2026-13', '2026-00', '2026-7', '2026-07-01', '', 202607, null].some(isMonth)).toBe(false);
  });

  it('knows its first and last night, February of leap years included', () => {
    expect(firstNightOf('2026-07')).toBe('2026-07-01');
    expect(lastNightOf('2026-07')).toBe('2026-07-31');
    expect(lastNightOf('2028-02')).toBe('2028-02-29');
    expect(lastNightOf('2027-02')).toBe('2027-02-28');
    expect(lastNightOf('2100-02')).toBe('2100-02-28');
    expect(monthOf('2028-02-29')).toBe('2028-02');
    expect(monthOf('2026-08-01')).toBe('2026-08');
  });

  it('counts and lists months across years, both ends included', () => {
    expect(addMonthsTo('2026-11', 3)).toBe('2027-02');
    expect(addMonthsTo('2026-02', -3)).toBe('2025-11');
    expect(monthCount('2026-07', '2026-07')).toBe(1);
    expect(monthCount('2026-07', '2028-06')).toBe(24);
    expect(monthCount('2026-08', '2026-07')).toBe(0);
    expect(monthsFromTo('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsFromTo('2026-08', '2026-07')).toEqual([]);
  });
});
