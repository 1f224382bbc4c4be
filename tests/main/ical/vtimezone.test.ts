/**
 * Offsets of zones a calendar defines itself, against the IANA database: a VTIMEZONE written
 * the way Outlook writes Paris must give Paris's offsets at any wall time.
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { offsetAt, readVTimezone, toUtcValue, wallMinutes } from '../../../main/ical/vtimezone';

const OUTLOOK_PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Customized Time Zone',
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const OLD_STYLE_NEW_YORK = [
  'BEGIN:VTIMEZONE',
  'TZID:Eastern',
  'BEGIN:DAYLIGHT',
  'DTSTART:20070311T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'DTSTART:20071104T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function ianaOffsetMinutes(zone: string, wall: Temporal.PlainDateTime): number {
  return wall.toZonedDateTime(zone, { disambiguation: 'later' }).offsetNanoseconds / 60e9;
}

const wallTimes = fc
  .record({ days: fc.integer({ min: 0, max: 365 * 30 }), minutes: fc.integer({ min: 0, max: 1439 }) })
  .map(({ days, minutes }) => Temporal.PlainDateTime.from('2008-01-01T00:00').add({ days, minutes }));

function basic(wall: Temporal.PlainDateTime): string {
  return wall.toString().slice(0, 16).replace(/[-:]/g, '') + '00';
}

/** An hour around each change is ambiguous or skipped: both readings are defensible there. */
function nearChange(zone: string, wall: Temporal.PlainDateTime): boolean {
  const before = ianaOffsetMinutes(zone, wall.subtract({ hours: 2 }));
  const after = ianaOffsetMinutes(zone, wall.add({ hours: 2 }));
  return before !== after;
}

describe('a zone defined by a VTIMEZONE block', () => {
  it('gives Europe/Paris offsets for the rules Outlook writes (last Sunday of March and October)', () => {
    const rules = readVTimezone(OUTLOOK_PARIS)!;
    expect(rules.tzid).toBe('Customized Time Zone');
    fc.assert(
      fc.property(wallTimes, (wall) => {
        fc.pre(!nearChange('Europe/Paris', wall));
        expect(offsetAt(rules, wallMinutes(basic(wall))!)).toBe(ianaOffsetMinutes('Europe/Paris', wall));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives America/New_York offsets for the older BYDAY=SU with BYMONTHDAY form', () => {
    const rules = readVTimezone(OLD_STYLE_NEW_YORK)!;
    fc.assert(
      fc.property(wallTimes, (wall) => {
        fc.pre(!nearChange('America/New_York', wall));
        expect(offsetAt(rules, wallMinutes(basic(wall))!)).toBe(ianaOffsetMinutes('America/New_York', wall));
      }),
      { numRuns: 1000 },
    );
  });

  it('converts wall times to UTC values', () => {
    const rules = readVTimezone(OUTLOOK_PARIS)!;
    expect(toUtcValue(rules, '20260710T160000')).toBe('20260710T140000Z');
    expect(toUtcValue(rules, '20260115T003000')).toBe('20260114T233000Z');
    expect(toUtcValue(rules, 'not a date')).toBeNull();
  });
});
