/**
 * Night arithmetic is run under four machine time zones (see vitest.config.mts): every result
 * here must be the same on a laptop in Paris, Pointe-à-Pitre and Nouméa.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareNights,
  daysBetween,
  daysInMonth,
  firstOfMonth,
  hoursInDay,
  isLeapYear,
  isNight,
  isTimeZone,
  isWeekend,
  lastOfMonth,
  nightAt,
  nightsFromTo,
  startOfNight,
  stayNights,
  weekday,
} from '../../shared/nights';

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-07-14', 0, '2026-07-14'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
  ])('%s + %i days is %s', (night, days, expected) => {
    expect(addDays(night, days)).toBe(expected);
  });

  it.each([
    ['2026-03-28', '2026-03-29', '2026-03-30'],
    ['2026-10-24', '2026-10-25', '2026-10-26'],
  ])('steps one calendar day at a time across the Paris DST change on %s → %s → %s', (before, change, after) => {
    expect(addDays(before, 1)).toBe(change);
    expect(addDays(change, 1)).toBe(after);
    expect(addDays(after, -1)).toBe(change);
    expect(addDays(change, -1)).toBe(before);
    expect(addDays(before, 2)).toBe(after);
  });

  it('throws a RangeError on something that is not a night rather than guessing', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-7-14', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', -1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2028-02-29', 12, '2029-02-28'],
  ])('%s + %i month(s) is %s (clamped to the end of a shorter month)', (night, months, expected) => {
    expect(addMonths(night, months)).toBe(expected);
  });
});

describe('leap years', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2024, true],
    [2026, false],
    [2028, true],
    [2100, false],
  ])('%i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(isNight(`${year}-02-29`)).toBe(leap);
    expect(daysInMonth(`${year}-02-01`)).toBe(leap ? 29 : 28);
  });
});

describe('isNight', () => {
  it.each(['2026-07-14', '2028-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts the real date %s', (value) => {
    expect(isNight(value)).toBe(true);
  });

  it.each([
    ['2027-02-29', 'a 29 February outside a leap year'],
    ['2026-02-30', 'a 30 February'],
    ['2026-04-31', 'a 31 April'],
    ['2026-13-01', 'a thirteenth month'],
    ['2026-00-10', 'a month zero'],
    ['2026-01-00', 'a day zero'],
    ['2026-1-5', 'unpadded month and day'],
    ['26-01-05', 'a two-digit year'],
    ['2026/01/05', 'slashes'],
    ['05/01/2026', 'the French day-first order'],
    ['2026-01-05T00:00', 'a date-time'],
    [' 2026-01-05', 'a leading space'],
    ['2026-01-05\n', 'a trailing newline'],
    ['+002026-01-05', 'an expanded year'],
    ['２０２６-01-05', 'full-width digits'],
    ['', 'an empty string'],
  ])('refuses %j (%s)', (value) => {
    expect(isNight(value)).toBe(false);
  });

  it.each([[null], [undefined], [20260105], [new Date(2026, 0, 5)], [{ year: 2026, month: 1, day: 5 }], [['2026-01-05']]])(
    'refuses the non-string %j',
    (value) => {
      expect(isNight(value)).toBe(false);
    },
  );
});

describe('daysBetween, stayNights and nightsFromTo', () => {
  it('counts whole days both ways', () => {
    expect(daysBetween('2026-07-10', '2026-07-14')).toBe(4);
    expect(daysBetween('2026-07-14', '2026-07-10')).toBe(-4);
    expect(daysBetween('2026-07-14', '2026-07-14')).toBe(0);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('gives a stay from arrival to departure the nights arrival … departure − 1', () => {
    expect(stayNights('2026-07-10', '2026-07-14')).toEqual(['2026-07-10', '2026-07-11', '2026-07-12', '2026-07-13']);
    expect(stayNights('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(stayNights('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29']);
  });

  it('gives no nights when departure is not after arrival', () => {
    expect(stayNights('2026-07-14', '2026-07-14')).toEqual([]);
    expect(stayNights('2026-07-14', '2026-07-10')).toEqual([]);
  });

  it('lists every night from first to last with both ends included', () => {
    expect(nightsFromTo('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(nightsFromTo('2026-07-14', '2026-07-14')).toEqual(['2026-07-14']);
    expect(nightsFromTo('2026-07-14', '2026-07-13')).toEqual([]);
  });

  it('orders nights by calendar, not by anything else', () => {
    expect(compareNights('2026-07-14', '2026-07-15')).toBeLessThan(0);
    expect(compareNights('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(compareNights('2026-07-14', '2026-07-14')).toBe(0);
  });
});

describe('weekdays and months', () => {
  it.each([
    ['2026-07-14', 2],
    ['2026-03-29', 7],
    ['2026-10-25', 7],
    ['2026-01-05', 1],
    ['2000-01-01', 6],
    ['2028-02-29', 2],
  ])('%s is ISO weekday %i', (night, day) => {
    expect(weekday(night)).toBe(day);
  });

  it('calls Saturday and Sunday the weekend, Friday not', () => {
    expect(isWeekend('2026-07-18')).toBe(true);
    expect(isWeekend('2026-07-19')).toBe(true);
    expect(isWeekend('2026-07-17')).toBe(false);
  });

  it('finds the first and last night of a month', () => {
    expect(firstOfMonth('2028-02-17')).toBe('2028-02-01');
    expect(lastOfMonth('2028-02-17')).toBe('2028-02-29');
    expect(lastOfMonth('2026-02-17')).toBe('2026-02-28');
    expect(lastOfMonth('2026-12-01')).toBe('2026-12-31');
  });
});

describe('nightAt: the property’s date, not the machine’s', () => {
  const instant = new Date('2026-07-14T23:30:00Z');

  it.each([
    ['Europe/Paris', '2026-07-15'],
    ['America/Guadeloupe', '2026-07-14'],
    ['Pacific/Noumea', '2026-07-15'],
    ['UTC', '2026-07-14'],
    ['Indian/Reunion', '2026-07-15'],
  ])('2026-07-14T23:30Z is %s night %s', (zone, night) => {
    expect(nightAt(instant, zone)).toBe(night);
  });

  it('turns the date in Paris at local midnight, summer and winter', () => {
    expect(nightAt(new Date('2026-07-14T21:59:59Z'), 'Europe/Paris')).toBe('2026-07-14');
    expect(nightAt(new Date('2026-07-14T22:00:00Z'), 'Europe/Paris')).toBe('2026-07-15');
    expect(nightAt(new Date('2026-01-14T22:59:59Z'), 'Europe/Paris')).toBe('2026-01-14');
    expect(nightAt(new Date('2026-01-14T23:00:00Z'), 'Europe/Paris')).toBe('2026-01-15');
  });

  it('turns the year in Nouméa eleven hours before UTC does', () => {
    expect(nightAt(new Date('2026-12-31T13:00:00Z'), 'Pacific/Noumea')).toBe('2027-01-01');
    expect(nightAt(new Date('2026-12-31T12:59:59Z'), 'Pacific/Noumea')).toBe('2026-12-31');
  });
});

describe('startOfNight and hoursInDay', () => {
  it('starts a night at local midnight in the property’s zone', () => {
    expect(startOfNight('2026-07-14', 'Europe/Paris').toISOString()).toBe('2026-07-13T22:00:00.000Z');
    expect(startOfNight('2026-01-14', 'Europe/Paris').toISOString()).toBe('2026-01-13T23:00:00.000Z');
    expect(startOfNight('2026-07-14', 'America/Guadeloupe').toISOString()).toBe('2026-07-14T04:00:00.000Z');
    expect(startOfNight('2026-07-14', 'Pacific/Noumea').toISOString()).toBe('2026-07-13T13:00:00.000Z');
  });

  it('gives back the same night when read in the same zone', () => {
    for (const zone of ['Europe/Paris', 'America/Guadeloupe', 'Pacific/Noumea', 'UTC']) {
      for (const night of ['2026-03-29', '2026-10-25', '2026-12-31', '2028-02-29']) {
        expect(nightAt(startOfNight(night, zone), zone)).toBe(night);
      }
    }
  });

  it('has 23 hours on 2026-03-29 and 25 on 2026-10-25 in Paris, 24 on the days around them', () => {
    expect(hoursInDay('2026-03-29', 'Europe/Paris')).toBe(23);
    expect(hoursInDay('2026-10-25', 'Europe/Paris')).toBe(25);
    expect(hoursInDay('2026-03-28', 'Europe/Paris')).toBe(24);
    expect(hoursInDay('2026-03-30', 'Europe/Paris')).toBe(24);
    expect(hoursInDay('2026-10-26', 'Europe/Paris')).toBe(24);
  });

  it('has 24 hours on those days where there is no daylight saving time', () => {
    for (const zone of ['Pacific/Noumea', 'America/Guadeloupe', 'UTC']) {
      expect(hoursInDay('2026-03-29', zone)).toBe(24);
      expect(hoursInDay('2026-10-25', zone)).toBe(24);
    }
  });
});

describe('isTimeZone', () => {
  it.each(['Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion', 'Indian/Mayotte', 'Pacific/Noumea', 'UTC'])(
    'knows %s',
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
    },
  );

  it.each([['Mars/Olympus'], ['Paris'], [''], ['Europe/Paris '], [null], [undefined], [1], [{}]])('refuses %j', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });

  it.each(['+01:00', '-04:00', '+0100'])('refuses the fixed offset %s, which is not a zone and would ignore daylight saving time', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe('properties over every day of 2024–2028', () => {
  const days = nightsFromTo('2024-01-01', '2028-12-31');

  it('covers the five years with 1827 nights (two leap years)', () => {
    expect(days).toHaveLength(366 + 365 + 365 + 365 + 366);
    expect(new Set(days).size).toBe(days.length);
  });

  it('steps one day forward then back to the same night, and each night is a real date', () => {
    for (const night of days) {
      expect(isNight(night)).toBe(true);
      expect(addDays(addDays(night, 1), -1)).toBe(night);
      expect(addDays(addDays(night, -1), 1)).toBe(night);
    }
  });

  it('keeps daysBetween consistent with addDays, consecutive nights one apart, weekdays cycling', () => {
    const origin = days[0]!;
    days.forEach((night, index) => {
      expect(daysBetween(origin, night)).toBe(index);
      expect(addDays(origin, index)).toBe(night);
      if (index > 0) {
        const previous = days[index - 1]!;
        expect(daysBetween(previous, night)).toBe(1);
        expect(compareNights(previous, night)).toBe(-1);
        expect(previous < night).toBe(true); // the text order the database relies on
        expect(weekday(night)).toBe((weekday(previous) % 7) + 1);
      }
    });
  });

  it('gives a stay of n nights exactly n nights whatever it crosses', () => {
    for (let index = 0; index < days.length; index += 7) {
      const arrival = days[index]!;
      for (const length of [1, 2, 7, 31]) {
        const nights = stayNights(arrival, addDays(arrival, length));
        expect(nights).toHaveLength(length);
        expect(nights[0]).toBe(arrival);
        expect(nights[length - 1]).toBe(addDays(arrival, length - 1));
      }
    }
  });

  it('finds one 23-hour and one 25-hour day a year in Paris, on the last Sundays of March and October', () => {
    const short = days.filter((n) => hoursInDay(n, 'Europe/Paris') === 23);
    const long = days.filter((n) => hoursInDay(n, 'Europe/Paris') === 25);
    expect(short).toEqual(['2024-03-31', '2025-03-30', '2026-03-29', '2027-03-28', '2028-03-26']);
    expect(long).toEqual(['2024-10-27', '2025-10-26', '2026-10-25', '2027-10-31', '2028-10-29']);
  });
});
