/**
 * The pending date must not depend on the machine's zone (run under UTC, Paris, Guadeloupe and
 * Nouméa, see vitest.config.mts): the holidays are calendar dates, and the request day is Paris's.
 */
import { describe, expect, it } from 'vitest';
import { almaAnswerDueBy, frenchPublicHolidays } from '../../../../main/channels/alma/workingDays';

describe(`Alma Heritage's working days under TZ=${process.env.TZ}`, () => {
  it('finds the same holidays and the same dates whatever the machine’s zone', () => {
    expect(frenchPublicHolidays(2027).has('2027-07-14')).toBe(true);
    expect(frenchPublicHolidays(2027).has('2027-07-13')).toBe(false);
    expect(frenchPublicHolidays(2027).has('2027-03-29')).toBe(true);
    // Friday 21:30 in Paris (19:30 UTC): Friday there, whatever the machine says.
    expect(almaAnswerDueBy(new Date('2026-09-11T19:30:00Z'))).toBe('2026-09-22');
    // 00:30 Saturday in Paris (22:30 UTC Friday): Saturday, which gives the same date.
    expect(almaAnswerDueBy(new Date('2026-09-11T22:30:00Z'))).toBe('2026-09-22');
    // Monday 00:30 in Paris (Sunday 22:30 UTC): Monday, so Tuesday is day 1.
    expect(almaAnswerDueBy(new Date('2026-09-06T22:30:00Z'))).toBe('2026-09-16');
  });
});
