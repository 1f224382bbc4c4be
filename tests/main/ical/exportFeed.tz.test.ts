/**
 * The outgoing feed, read back by two independent parsers, under every machine zone of the
 * tz:* projects: it must block exactly the nights that have nothing left for that channel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NightOverride, Reservation, ReservationStatus, Unit } from '../../../shared/domain';
import { isOurUid } from '../../../main/ical/ourUid';
import { buildExportFeed, NOT_AVAILABLE_SUMMARY } from '../../../main/ical/exportFeed';
import { calendarNames, dayNumber, nightOf, nightsOf, parseWithIcalJs, parseWithNodeIcal, type ParsedEvent } from '../../helpers/icsNights';
import { reservationFixture } from '../../helpers/reservationFixture';

const FEED_CONNECTION = 7;
const OTHER_SOURCES = [null, 8, 9] as const;
const STAMP = new Date('2026-03-29T01:30:00Z');

function unitWithStock(stock: number): Unit {
  return { id: 3, name: 'Chambre Lavande', capacity: 2, stock, baseRateCents: 8500, minStay: 1, sortOrder: 0, createdAt: '', updatedAt: '' };
}

function reservation(id: number, fields: Partial<Reservation> & Pick<Reservation, 'arrival' | 'departure'>): Reservation {
  return reservationFixture({ id, unitId: 3, guestName: 'Camille Martin', ...fields });
}

/** The months after `today`, counted by hand (the 31st of a short month is its last day). */
function windowDays(today: string, months: number): number {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const end = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)) / 86_400_000;
  return end - dayNumber(today);
}

interface Scenario {
  today: string;
  months: number;
  stock: number;
  overrides: NightOverride[];
  reservations: Reservation[];
}

/** What the feed should block, stated from DESIGN §3–4 directly rather than through availability.ts. */
function expectedNights(s: Scenario): string[] {
  const first = dayNumber(s.today);
  const blocked: string[] = [];
  for (let day = first; day < first + windowDays(s.today, s.months); day++) {
    const night = nightOf(day);
    const o = s.overrides.find((x) => x.night === night);
    if (o?.closed) {
      blocked.push(night);
      continue;
    }
    const stock = o?.stock ?? s.stock;
    const held = s.reservations.filter(
      (r) =>
        (r.status === 'confirmed' || r.status === 'pending') &&
        r.sourceConnectionId !== FEED_CONNECTION &&
        dayNumber(r.arrival) <= day &&
        day < dayNumber(r.departure),
    ).length;
    if (stock - held <= 0) blocked.push(night);
  }
  return blocked;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    // 2024-01-01 … 2031-12-31: leap days, month ends and DST weekends all come up.
    todayDay: fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2031-12-31') }),
    months: fc.constantFrom(1, 2, 3, 24),
    stock: fc.integer({ min: 1, max: 3 }),
    overrides: fc.array(
      fc.record({
        offset: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.integer({ min: 700, max: 760 })),
        length: fc.integer({ min: 1, max: 8 }),
        change: fc.oneof(
          fc.record({ closed: fc.boolean() }),
          fc.record({ stock: fc.integer({ min: 0, max: 3 }) }),
          fc.record({ closed: fc.boolean(), stock: fc.integer({ min: 0, max: 3 }) }),
        ),
      }),
      { maxLength: 8 },
    ),
    stays: fc.array(
      fc.record({
        // Near today, and around the two-year horizon.
        offset: fc.oneof(fc.integer({ min: -20, max: 100 }), fc.integer({ min: 700, max: 760 })),
        nights: fc.integer({ min: 1, max: 14 }),
        source: fc.constantFrom(FEED_CONNECTION, ...OTHER_SOURCES),
        status: fc.constantFrom<ReservationStatus>('confirmed', 'pending', 'cancelled', 'refused'),
        kind: fc.constantFrom('booking' as const, 'block' as const),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ todayDay, months, stock, overrides, stays }) => {
    const byNight = new Map<string, NightOverride>();
    for (const o of overrides) {
      for (let i = 0; i < o.length; i++) {
        const night = nightOf(todayDay + o.offset + i);
        const before = byNight.get(night);
        byNight.set(night, {
          unitId: 3,
          night,
          rateCents: null,
          minStay: null,
          closedToArrival: null,
          closedToDeparture: null,
          stock: 'stock' in o.change ? o.change.stock : (before?.stock ?? null),
          closed: 'closed' in o.change ? o.change.closed : (before?.closed ?? null),
        });
      }
    }
    const reservations = stays.map((s, i) =>
      reservation(i + 1, {
        arrival: nightOf(todayDay + s.offset),
        departure: nightOf(todayDay + s.offset + s.nights),
        sourceConnectionId: s.source,
        status: s.status,
        kind: s.kind,
      }),
    );
    return { today: nightOf(todayDay), months, stock, overrides: [...byNight.values()], reservations };
  });

/** Room names with what TEXT must escape or may not hold, and characters of several UTF-8 lengths. */
const roomName = fc
  .array(fc.oneof(fc.constantFrom(';', ',', '\\', '\\n', '\n', '\r\n', '\u0007', '\u2028', 'é', '–', '🏡', 'BEGIN:VEVENT'), fc.string({ unit: 'grapheme', maxLength: 12 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(''))
  .filter((name) => name.length > 0);

function feedOf(s: Scenario): string {
  return buildExportFeed(
    {
      feedId: 12,
      connectionId: FEED_CONNECTION,
      calendarName: 'La Maison des Hirondelles – Chambre Lavande',
      schedule: { unit: unitWithStock(s.stock), overrides: s.overrides, reservations: s.reservations },
      today: s.today,
      horizonMonths: s.months,
    },
    STAMP,
  );
}

/** Merged: no two events touch or overlap, so each is a maximal run. */
function expectMerged(events: ParsedEvent[]): void {
  const sorted = [...events].sort((a, b) => dayNumber(a.start) - dayNumber(b.start));
  for (let i = 1; i < sorted.length; i++) expect(dayNumber(sorted[i]!.start)).toBeGreaterThan(dayNumber(sorted[i - 1]!.end));
}

describe(`the outgoing feed read back under TZ=${process.env.TZ}`, () => {
  it('blocks exactly the nights with nothing left for the channel, for node-ical and for ical.js', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const text = feedOf(s);
        const expected = expectedNights(s);
        for (const events of [parseWithNodeIcal(text), parseWithIcalJs(text)]) {
          expect(nightsOf(events)).toEqual(expected);
          expectMerged(events);
          for (const e of events) {
            expect(e.allDay).toBe(true);
            expect(e.summary).toBe(NOT_AVAILABLE_SUMMARY);
            expect(e.description).toBeUndefined();
            expect(isOurUid(e.uid)).toBe(true);
          }
          expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('writes CRLF line ends and folds every line at 75 octets, multi-byte names included', () => {
    fc.assert(
      fc.property(scenario, roomName, (s, name) => {
        const text = buildExportFeed(
          { feedId: 1, connectionId: FEED_CONNECTION, calendarName: name, schedule: { unit: unitWithStock(s.stock), overrides: s.overrides, reservations: s.reservations }, today: s.today, horizonMonths: 1 },
          STAMP,
        );
        expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
        const lines = text.slice(0, -2).split('\r\n');
        for (const line of lines) {
          expect(line).not.toMatch(/[\r\n]/);
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        }
        // Whatever the name holds (';', ',', '\n', '\\'), it is one property and reads back whole.
        expect(calendarNames(text)).toEqual([name.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')]);
        expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps each blocked period’s UID from one build to the next, under our own domain', () => {
    const s: Scenario = {
      today: '2026-10-24',
      months: 2,
      stock: 1,
      overrides: [],
      reservations: [reservation(1, { arrival: '2026-10-25', departure: '2026-10-28' }), reservation(2, { arrival: '2026-11-03', departure: '2026-11-04' })],
    };
    const first = parseWithIcalJs(feedOf(s));
    const withAnother = parseWithIcalJs(feedOf({ ...s, reservations: [...s.reservations, reservation(3, { arrival: '2026-12-01', departure: '2026-12-02' })] }));
    expect(first.map((e) => e.uid)).toEqual(['block-12-2026-10-25@pigeonnier.invalid', 'block-12-2026-11-03@pigeonnier.invalid']);
    expect(withAnother.map((e) => e.uid).slice(0, 2)).toEqual(first.map((e) => e.uid));
    // Same schedule, same stamp: the same bytes.
    expect(feedOf(s)).toBe(feedOf(s));
  });

  it('cuts a stay that began before today at today, and one running past the horizon at the horizon', () => {
    const s: Scenario = {
      today: '2028-02-28',
      months: 1,
      stock: 1,
      overrides: [],
      reservations: [reservation(1, { arrival: '2028-02-20', departure: '2028-03-02' }), reservation(2, { arrival: '2028-03-20', departure: '2028-04-10' })],
    };
    const events = parseWithNodeIcal(feedOf(s));
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2028-02-28', '2028-03-02'],
      ['2028-03-20', '2028-03-28'],
    ]);
  });

  it('publishes an empty calendar, with its name and refresh hint, when every night is free', () => {
    const text = feedOf({ today: '2026-07-01', months: 24, stock: 2, overrides: [], reservations: [] });
    expect(parseWithIcalJs(text)).toEqual([]);
    expect(parseWithNodeIcal(text)).toEqual([]);
    expect(text).toContain('\r\nX-WR-CALNAME:La Maison des Hirondelles – Chambre Lavande\r\n');
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
    expect(text).toContain('\r\nX-PUBLISHED-TTL:PT15M\r\n');
    expect(text).toContain('\r\nPRODID:-//Pigeonnier//Pigeonnier//EN\r\n');
  });
});
