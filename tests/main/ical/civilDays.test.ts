/**
 * The import's integer night arithmetic against shared/nights (Temporal), on random dates:
 * they must never disagree, or a stay would hold other nights than the planning shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, weekday } from '../../../shared/nights';
import { addDaysFast, daysOfNight, nightFromDays, weekdayOfDays } from '../../../main/ical/civilDays';

const night = fc.date({ min: new Date(Date.UTC(1601, 0, 1)), max: new Date(Date.UTC(2399, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('civil day arithmetic', () => {
  it('counts days from 1970-01-01 exactly as Temporal does', () => {
    fc.assert(fc.property(night, (n) => {
        expect(daysOfNight(n)).toBe(daysBetween('1970-01-01', n));
      }), { numRuns: 2000 });
  });

  it('turns a day count back into the same night', () => {
    fc.assert(fc.property(night, (n) => {
        expect(nightFromDays(daysOfNight(n))).toBe(n);
      }), { numRuns: 2000 });
  });

  it('adds days like Temporal, across month ends, leap days and centuries', () => {
    fc.assert(fc.property(night, fc.integer({ min: -800, max: 800 }), (n, d) => {
        expect(addDaysFast(n, d)).toBe(addDays(n, d));
      }), { numRuns: 2000 });
    expect(addDaysFast('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysFast('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('knows the weekday', () => {
    fc.assert(fc.property(night, (n) => {
        expect(weekdayOfDays(daysOfNight(n))).toBe(weekday(n));
      }), { numRuns: 500 });
  });
});
