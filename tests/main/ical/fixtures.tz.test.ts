/**
 * Every quirk of the fixture set (tests/fixtures/ical, one real-world-shaped file per quirk)
 * read to its nights, kinds and statuses. Named *.tz.test.ts: vitest runs it under TZ=UTC,
 * Europe/Paris, America/Guadeloupe and Pacific/Noumea, and the nights must not move — they are
 * dates in the property's zone, never the machine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nightsFromTo } from '../../../shared/nights';
import type { EventKind, EventStatus, GuestDetails } from '../../../main/ical/feedTypes';
import { readFeed } from '../../../main/ical/readFeed';

const DIR = path.resolve(__dirname, '../../fixtures/ical');
const TODAY = '2026-05-01';

interface ExpectedEvent {
  uid: string;
  nights: string[];
  kind: EventKind;
  status: EventStatus;
  guest?: Partial<GuestDetails>;
  summary?: string;
}

interface Expected {
  /** The property's zone (Europe/Paris unless said). */
  timeZone?: string;
  events?: ExpectedEvent[];
  warnings?: string[];
  refused?: string;
}

const n = (first: string, last: string) => nightsFromTo(first, last);
const one = (uid: string, nights: string[], kind: EventKind = 'reservation', status: EventStatus = 'confirmed', extra: Partial<ExpectedEvent> = {}): ExpectedEvent => ({
  uid,
  nights,
  kind,
  status,
  ...extra,
});

const FIXTURES: Record<string, Expected> = {
  'bom.ics': { events: [one('1418fb94e984-a1b2c3@airbnb.com', n('2026-07-10', '2026-07-12'))] },
  'lf-only.ics': { events: [one('c9f7e2b0a1d34c5e8f6a@booking.com', n('2026-07-01', '2026-07-03'), 'unknown')] },
  'folded-multibyte-utf8.ics': {
    events: [
      one('4f1b1a0e-6c1d-4ad1-9fd8-2b7fbc3a9e10@homeaway.com', n('2026-07-20', '2026-07-23'), 'reservation', 'confirmed', {
        summary: 'Réservée - Hélène Dupré-Lefèvre',
        guest: { name: 'Hélène Dupré-Lefèvre' },
      }),
    ],
  },
  'windows-1252.ics': {
    warnings: ['windows1252'],
    events: [one('resa-2026-0042@gite-des-tilleuls.fr', n('2026-08-01', '2026-08-07'), 'reservation', 'confirmed', { summary: 'Réservé – Françoise Lefèvre', guest: { name: 'Françoise Lefèvre' } })],
  },
  'garbage-lines.ics': {
    warnings: ['garbageLines'],
    events: [one('g-1@planning.example', n('2026-07-05', '2026-07-06')), one('g-2@planning.example', n('2026-07-12', '2026-07-14'), 'block')],
  },
  'date-without-value-date.ics': { events: [one('amivac-778812', n('2026-07-10', '2026-07-12'))] },
  'duration.ics': {
    events: [
      // Three days across the end of summer time (25 October): still three nights.
      one('dur-allday@clevacances.example', n('2026-10-23', '2026-10-25')),
      one('dur-week@clevacances.example', n('2026-03-21', '2026-03-27')),
      one('dur-timed@clevacances.example', n('2026-07-10', '2026-07-13')),
    ],
  },
  'no-dtend.ics': { events: [one('nodtend-allday@example.fr', ['2026-10-24'], 'block'), one('nodtend-timed@example.fr', ['2026-07-10'])] },
  'dtend-equals-dtstart.ics': { events: [one('ta-559021', ['2026-07-10'])] },
  'inverted-range.ics': { warnings: ['invertedRange'], events: [one('inv-1@planning.example', []), one('inv-ok@planning.example', n('2026-07-20', '2026-07-21'))] },
  'timed-utc.ics': {
    // 14:00Z is 16:00 in Paris on the 10th; 23:00Z on the 9th is already 01:00 on the 10th there.
    events: [one('utc-1@amivac.example', n('2026-07-10', '2026-07-13')), one('utc-2@amivac.example', n('2026-07-10', '2026-07-11'))],
  },
  'timed-floating.ics': {
    // Floating: Paris wall time, not the machine's and not the file's New York VTIMEZONE.
    events: [one('float-1@gite-manager.example', n('2026-07-10', '2026-07-13')), one('float-2@gite-manager.example', ['2026-08-01'])],
  },
  'custom-tzid-vtimezone.ics': {
    timeZone: 'America/Guadeloupe',
    events: [
      one('040000008200E00074C5B7101A82E00800000000custom1', n('2026-07-10', '2026-07-12')),
      // 02:00 at UTC+4 is 18:00 the day before in Guadeloupe.
      one('040000008200E00074C5B7101A82E00800000000custom2', n('2026-07-31', '2026-08-01')),
    ],
  },
  'windows-tzid.ics': {
    events: [
      one('040000008200E00074C5B7101A82E00800000000win1', n('2026-07-10', '2026-07-13')),
      // 20:00 in La Paz (UTC−4) is 02:00 the next day in Paris.
      one('040000008200E00074C5B7101A82E00800000000win2', n('2026-08-02', '2026-08-03')),
    ],
  },
  'rrule-count.ics': {
    events: [
      one('rr-count-weekly@google.com', ['2026-07-06', '2026-07-07', '2026-07-13', '2026-07-14', '2026-07-20', '2026-07-21', '2026-07-27', '2026-07-28'], 'block'),
      one('rr-count-monthly@google.com', ['2026-09-15', '2026-10-15', '2026-11-15'], 'block'),
    ],
  },
  'rrule-until-exdate.ics': {
    events: [
      one('rr-until@google.com', ['2026-09-05', '2026-09-12', '2026-09-26', '2026-10-03'], 'block'),
      // 23:00 in Paris every week across the end of summer time; the 25 October one is excluded.
      one('rr-timed@google.com', ['2026-10-18', '2026-11-01'], 'block'),
    ],
  },
  'recurrence-id-override.ics': { events: [one('rr-override@google.com', ['2026-07-04', '2026-07-12', '2026-07-13'], 'block')] },
  'cancelled-lowercase.ics': {
    events: [
      one('can-1@homeaway.com', [], 'reservation', 'cancelled'),
      one('can-2@homeaway.com', [], 'reservation', 'cancelled'),
      one('can-3@homeaway.com', [], 'reservation', 'cancelled', { guest: { name: 'Martin' } }),
      one('can-ok@homeaway.com', n('2026-08-01', '2026-08-02'), 'reservation', 'confirmed', { guest: { name: 'Bernard' } }),
    ],
  },
  'tentative.ics': {
    events: [one('tent-1@planning.example', n('2026-07-10', '2026-07-11'), 'reservation', 'tentative'), one('tent-2@planning.example', n('2026-07-20', '2026-07-22'), 'reservation', 'tentative', { guest: { name: 'Famille Martin' } })],
  },
  'duplicate-uid-sequence.ics': { warnings: ['duplicateUid'], events: [one('dup-seq@planning.example', n('2026-07-10', '2026-07-12'))] },
  'duplicate-uid-dtstamp.ics': { warnings: ['duplicateUid'], events: [one('dup-stamp@planning.example', n('2026-08-05', '2026-08-08'))] },
  'airbnb-reserved-not-available.ics': {
    events: [
      one('1418fb94e984-8d4c0a1f3b6e@airbnb.com', n('2026-07-10', '2026-07-13'), 'reservation', 'confirmed', { guest: { reference: 'HMABCD1234', phoneLast4: '4321', name: null } }),
      one('1418fb94e984-2e7b9c6d5a4f@airbnb.com', n('2026-07-20', '2026-07-24'), 'block'),
    ],
  },
  'booking-com.ics': {
    events: [one('3c6f4b2a9e1d7f80@booking.com', n('2026-07-10', '2026-07-11'), 'unknown'), one('8a1b2c3d4e5f6071@booking.com', n('2026-08-01', '2026-08-04'), 'unknown')],
  },
  'abritel-fr.ics': {
    events: [
      one('5f3c2a10-1b2c-4d5e-8f90-abcdef012345@abritel.fr', n('2026-07-11', '2026-07-17'), 'reservation', 'confirmed', { guest: { name: 'DUPONT Marie' } }),
      one('6a4d3b21-2c3d-4e5f-9001-bcdef0123456@abritel.fr', n('2026-07-25', '2026-07-31'), 'block'),
    ],
  },
  'vrbo-en.ics': {
    events: [
      one('7b5e4c32-3d4e-4f60-a112-cdef01234567@vrbo.com', n('2026-07-11', '2026-07-13'), 'reservation', 'confirmed', { guest: { name: 'John Smith' } }),
      one('8c6f5d43-4e5f-4071-b223-def012345678@vrbo.com', n('2026-07-20', '2026-07-21'), 'block'),
      one('9d7a6e54-5f60-4182-c334-ef0123456789@vrbo.com', n('2026-08-05', '2026-08-07'), 'reservation', 'tentative', { guest: { name: 'Jane Doe' } }),
    ],
  },
  'google.ics': {
    events: [
      one('0a1b2c3d4e5f6g7h8i9j@google.com', n('2026-07-10', '2026-07-12'), 'unknown'),
      one('1b2c3d4e5f6g7h8i9j0k@google.com', n('2026-07-20', '2026-07-22'), 'unknown'),
      one('2c3d4e5f6g7h8i9j0k1l@google.com', n('2026-08-01', '2026-08-07'), 'unknown'),
    ],
  },
  'generic-french.ics': {
    events: [
      one('fr-1@planning.example', n('2026-07-03', '2026-07-05')),
      one('fr-2@planning.example', n('2026-07-10', '2026-07-11'), 'block'),
      one('fr-3@planning.example', n('2026-07-15', '2026-07-16'), 'reservation', 'tentative'),
      one('fr-4@planning.example', n('2026-07-20', '2026-07-23'), 'block'),
      one('fr-5@planning.example', n('2026-08-01', '2026-08-02'), 'block'),
    ],
  },
  'feratel-deskline.ics': {
    events: [
      one('DL-7712093-2026@deskline.net', n('2026-07-10', '2026-07-16'), 'reservation', 'confirmed', {
        guest: { name: 'DUPONT Marie', guests: 4, phone: '+33 6 12 34 56 78', email: 'marie.dupont@example.fr', reference: 'GDF-24-001234', phoneLast4: null },
      }),
      one('DL-7712455-2026@deskline.net', n('2026-08-01', '2026-08-03'), 'reservation', 'confirmed', {
        guest: { name: 'Jean Martin', guests: 2, phone: '06 98 76 54 32', email: 'jean.martin@example.com', reference: 'GDF-24-001299' },
      }),
    ],
  },
  'our-own-echo.ics': { warnings: ['echoesIgnored'], events: [one('fv-resa-88123@france-voyage.com', n('2026-07-20', '2026-07-23'))] },
  'no-uid.ics': { warnings: ['noUid'], events: [one('no-uid-20260710-20260712', n('2026-07-10', '2026-07-11'))] },
  'empty-calendar.ics': { events: [] },
  'html-login-page.ics': { refused: 'html' },
  'truncated.ics': { refused: 'truncated' },
  'empty.ics': { refused: 'empty' },
  'unbalanced-begin-end.ics': { refused: 'unbalanced' },
};

function read(file: string, timeZone: string) {
  return readFeed(fs.readFileSync(path.join(DIR, file)), { timeZone, today: TODAY });
}

describe(`the fixture set, read with the machine in ${process.env.TZ}`, () => {
  it('has an expectation for every fixture file, and a file for every expectation', () => {
    expect(fs.readdirSync(DIR).filter((f) => f.endsWith('.ics')).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  for (const [file, expected] of Object.entries(FIXTURES)) {
    it(`${file}: ${expected.refused ? `refused (${expected.refused})` : `${expected.events!.length} event(s) with their nights`}`, () => {
      const result = read(file, expected.timeZone ?? 'Europe/Paris');
      if (expected.refused) {
        expect(result).toEqual({ ok: false, problem: expect.objectContaining({ key: `feeds.problem.${expected.refused}` }) });
        return;
      }
      if (!result.ok) throw new Error(`refused: ${result.problem.key}`);
      const byUid = new Map<string, ExpectedEvent & { summaries: string[] }>();
      for (const stay of result.stays) {
        const entry = byUid.get(stay.uid) ?? { uid: stay.uid, nights: [], kind: stay.kind, status: stay.status, guest: stay.guest ?? undefined, summaries: [] };
        if (stay.status !== 'cancelled') entry.nights.push(...nightsFromTo(stay.arrival, stay.departure).slice(0, -1));
        if (stay.status !== 'cancelled') entry.status = stay.status;
        entry.summaries.push(stay.summary);
        byUid.set(stay.uid, entry);
      }
      const actual = [...byUid.values()];
      expect(actual.map((e) => ({ uid: e.uid, nights: [...e.nights].sort(), kind: e.kind, status: e.status }))).toEqual(
        expected.events!.map((e) => ({ uid: e.uid, nights: e.nights, kind: e.kind, status: e.status })),
      );
      for (const e of expected.events!) {
        const got = byUid.get(e.uid)!;
        if (e.guest) expect(got.guest).toMatchObject(e.guest);
        if (e.summary) expect(got.summaries).toContain(e.summary);
      }
      expect(result.warnings.map((w) => w.key.replace('feeds.warning.', '')).sort()).toEqual([...(expected.warnings ?? [])].sort());
    });
  }

  it('decodes a description folded in the middle of multi-byte characters, escapes included', () => {
    const result = read('folded-multibyte-utf8.ics', 'Europe/Paris');
    if (!result.ok) throw new Error('refused');
    expect(result.stays[0]!.description).toBe(
      'Séjour de Hélène et François à la Maison des Hirondelles, arrivée prévue vers 17 h; départ avant 10 h. Accès par le chemin des Écoliers.',
    );
  });

  it('reads the same nights whatever the property zone, for all-day events', () => {
    for (const zone of ['Europe/Paris', 'America/Guadeloupe', 'Pacific/Noumea', 'UTC']) {
      const result = read('rrule-count.ics', zone);
      if (!result.ok) throw new Error('refused');
      expect(result.stays.map((s) => s.arrival)).toEqual(['2026-07-06', '2026-07-13', '2026-07-20', '2026-07-27', '2026-09-15', '2026-10-15', '2026-11-15']);
    }
  });

  it('reads timed events in the property zone: the same instants are other nights in Nouméa', () => {
    const result = read('timed-utc.ics', 'Pacific/Noumea');
    if (!result.ok) throw new Error('refused');
    // 14:00Z is 01:00 on the 11th in Nouméa; 08:00Z on the 14th is 19:00 there.
    expect(result.stays.map((s) => [s.arrival, s.departure])).toEqual([
      ['2026-07-11', '2026-07-14'],
      ['2026-07-10', '2026-07-12'],
    ]);
  });
});
