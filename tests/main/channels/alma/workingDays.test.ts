/**
 * "Within 7 working days" (seed 000): Monday to Friday, less France's national public holidays;
 * the request day never counts, so a request on a Friday evening has Monday as day 1. The
 * request day is read in Europe/Paris.
 *
 * 2026: 1 Jan Thu, Easter Monday 6 Apr, 1 May Fri, 8 May Fri, Ascension 14 May, Whit Monday 25 May,
 *       14 Jul Tue, 15 Aug Sat, 1 Nov Sun, 11 Nov Wed, 25 Dec Fri.
 * 2027: 1 Jan Fri, Easter Monday 29 Mar, 1 May Sat, Ascension 6 May, 8 May Sat, Whit Monday 17 May,
 *       14 Jul Wed, 15 Aug Sun, 1 Nov Mon, 11 Nov Thu, 25 Dec Sat.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, almaAnswerDueBy, frenchPublicHolidays, isWorkingDay } from '../../../../main/channels/alma/workingDays';
import { weekday } from '../../../../shared/nights';

/** Noon in Paris on that day (summer or winter time alike: 10:00 or 11:00 UTC is still that day). */
const at = (night: string, time = '10:00:00Z') => new Date(`${night}T${time}`);

describe('France’s public holidays', () => {
  it('are the eleven national ones, Easter’s moving days included, and no observance (Whit Sunday, Mother’s Day)', () => {
    expect([...frenchPublicHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
    expect([...frenchPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('are not working days, nor are weekends; Alsace-Moselle’s Good Friday is', () => {
    expect(isWorkingDay('2027-07-14')).toBe(false);
    expect(isWorkingDay('2027-07-13')).toBe(true);
    expect(isWorkingDay('2027-07-17')).toBe(false); // Saturday
    expect(isWorkingDay('2027-07-18')).toBe(false); // Sunday
    expect(isWorkingDay('2027-03-26')).toBe(true); // Good Friday: national working day
  });
});

describe('the date by which Alma Heritage’s e-mail should arrive', () => {
  it('a Monday request: Tuesday is day 1, day 7 the next Wednesday', () => {
    expect(almaAnswerDueBy(at('2026-09-07'))).toBe('2026-09-16');
  });

  it('a Friday evening request: Monday is day 1', () => {
    // 21:30 in Paris on Friday 11 Sept 2026 (19:30 UTC): still Friday there.
    expect(addWorkingDays('2026-09-11', 1)).toBe('2026-09-14');
    expect(almaAnswerDueBy(at('2026-09-11', '19:30:00Z'))).toBe('2026-09-22');
  });

  it('the request day is Paris’s: 23:30 UTC on a Friday in summer is already Saturday in Paris', () => {
    expect(almaAnswerDueBy(at('2026-09-11', '23:30:00Z'))).toBe(almaAnswerDueBy(at('2026-09-12')));
    expect(almaAnswerDueBy(at('2026-09-11', '21:30:00Z'))).toBe('2026-09-22'); // 23:30 Friday in Paris
  });

  it('a Saturday or Sunday request: Monday is day 1, as for the Friday before', () => {
    expect(almaAnswerDueBy(at('2026-09-12'))).toBe('2026-09-22');
    expect(almaAnswerDueBy(at('2026-09-13'))).toBe('2026-09-22');
  });

  it('skips 14 July 2027, a Wednesday', () => {
    expect(weekday('2027-07-14')).toBe(3);
    // Mon 12 → Tue 13 (1), [Wed 14], Thu 15 (2), Fri 16 (3), Mon 19 (4), Tue 20 (5), Wed 21 (6), Thu 22 (7)
    expect(almaAnswerDueBy(at('2027-07-12'))).toBe('2027-07-22');
    expect(almaAnswerDueBy(at('2027-07-13'))).toBe('2027-07-23');
  });

  it('15 August on a weekend costs nothing: Saturday in 2026, Sunday in 2027', () => {
    expect(weekday('2026-08-15')).toBe(6);
    expect(almaAnswerDueBy(at('2026-08-13'))).toBe('2026-08-24'); // Thu → Fri 14 (1) … Mon 24 (7)
    expect(weekday('2027-08-15')).toBe(7);
    expect(almaAnswerDueBy(at('2027-08-12'))).toBe('2027-08-23'); // Thu → Fri 13 (1) … Mon 23 (7)
  });

  it('skips 15 August 2028, a Tuesday', () => {
    expect(weekday('2028-08-15')).toBe(2);
    // Mon 14 → [Tue 15], Wed 16 (1), Thu 17 (2), Fri 18 (3), Mon 21 (4), Tue 22 (5), Wed 23 (6), Thu 24 (7)
    expect(almaAnswerDueBy(at('2028-08-14'))).toBe('2028-08-24');
  });

  it('a request on a holiday counts from the next working day', () => {
    expect(almaAnswerDueBy(at('2026-07-14'))).toBe('2026-07-23'); // Tue 14 Jul → Wed 15 (1) … Thu 23 (7)
  });

  it('skips Easter Monday, Ascension and Whit Monday 2027', () => {
    // Thu 25 Mar → Fri 26 (1), [Mon 29 Easter Monday], Tue 30 (2), Wed 31 (3), Thu 1 (4), Fri 2 (5), Mon 5 (6), Tue 6 (7)
    expect(almaAnswerDueBy(at('2027-03-25'))).toBe('2027-04-06');
    // Mon 3 May → Tue 4 (1), Wed 5 (2), [Thu 6 Ascension], Fri 7 (3), Mon 10 (4), Tue 11 (5), Wed 12 (6), Thu 13 (7)
    expect(almaAnswerDueBy(at('2027-05-03'))).toBe('2027-05-13');
    // Wed 12 May → Thu 13 (1), Fri 14 (2), [Mon 17 Whit Monday], Tue 18 (3), Wed 19 (4), Thu 20 (5), Fri 21 (6), Mon 24 (7)
    expect(almaAnswerDueBy(at('2027-05-12'))).toBe('2027-05-24');
  });

  it('skips 1 and 8 May when they fall on weekdays (Fridays in 2026)', () => {
    // Thu 30 Apr → [Fri 1 May], Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4), [Fri 8 May], Mon 11 (5), Tue 12 (6), Wed 13 (7)
    expect(almaAnswerDueBy(at('2026-04-30'))).toBe('2026-05-13');
  });

  it('skips Christmas and New Year across the year’s end', () => {
    // Mon 21 Dec 2026 → Tue 22 (1), Wed 23 (2), Thu 24 (3), [Fri 25], Mon 28 (4), Tue 29 (5), Wed 30 (6), Thu 31 (7)
    expect(almaAnswerDueBy(at('2026-12-21'))).toBe('2026-12-31');
    // Wed 23 Dec 2026 → Thu 24 (1), [Fri 25], Mon 28 (2), Tue 29 (3), Wed 30 (4), Thu 31 (5), [Fri 1 Jan], Mon 4 (6), Tue 5 (7)
    expect(almaAnswerDueBy(at('2026-12-23'))).toBe('2027-01-05');
  });
});
