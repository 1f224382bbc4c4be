/**
 * Random valid partner calendars for property tests, shaped like what Airbnb, Booking.com,
 * Abritel, Feratel Deskline and French PMSs send: bookings and blocks, all-day and timed (UTC,
 * TZID, floating), guests with accents, emoji and characters TEXT must escape, Deskline-style
 * descriptions, lines folded at 75 octets (often inside a multi-byte character), CRLF or LF.
 * The nights each calendar holds are worked out here from the generated days — plain UTC day
 * numbers, not shared/nights.ts or our importer — so the tests compare against an oracle.
 */
import fc from 'fast-check';
import { dayNumber, nightOf } from './icsNights';

/** Today for the property (Europe/Paris) at the services' START instant, 2026-05-01T10:00Z. */
export const PARTNER_TODAY = '2026-05-01';

export type Timing = 'allDay' | 'utc' | 'zoned' | 'floating';

export interface PartnerGuest {
  name: string;
  email: string;
  phone: string;
}

export interface PartnerStay {
  uid: string;
  arrival: string;
  departure: string;
  timing: Timing;
  summary: string;
  status: 'CONFIRMED' | 'TENTATIVE' | null;
  /** Unescaped; written TEXT-escaped. */
  description: string | null;
  /** The guest whose details the summary or description carry, if any. */
  guest: PartnerGuest | null;
}

export interface PartnerCalendar {
  calendarName: string;
  stays: PartnerStay[];
  lineEnd: '\r\n' | '\n';
  /** Fold long lines at 75 octets, as RFC 5545 asks (many partners do not). */
  fold: boolean;
}

// Letters of several UTF-8 lengths, ZWJ emoji, a flag, and what TEXT must escape (',' ';' '\').
const NAME_GRAPHEMES = [
  ...'aeiourstlnmBCDJLMZ',
  ...'éèêçôïüßñøåŒœŁłŞ',
  '李',
  '王',
  '🏡',
  '🌻',
  '👩‍👩‍👧',
  '🇫🇷',
  "'",
  ' ',
  '-',
  ',',
  ';',
  '\\',
];

/**
 * A guest name with at least one character beyond ASCII — so it can never turn up by chance in
 * a feed, which is ASCII but for the room's name — that no summary rule reads as a cancellation
 * ("Annulée …", "[Cancelled]").
 */
export const guestName: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...NAME_GRAPHEMES), { minLength: 3, maxLength: 24 })
  .map((parts) => parts.join('').trim())
  .filter((name) => /\p{L}/u.test(name) && /[^\p{ASCII}]/u.test(name) && !/annul|cancel/i.test(name.normalize('NFD').replace(/\p{M}/gu, '')));

const lowerAlnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');

export const guestEmail: fc.Arbitrary<string> = fc
  .tuple(fc.string({ unit: lowerAlnum, minLength: 3, maxLength: 12 }), fc.constantFrom('example.org', 'guest.airbnb.com', 'orange.fr', 'mail.example.co.uk'))
  .map(([local, domain]) => `${local}.${local.length}@${domain}`);

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Written with separators, so no phone can be mistaken for a date's digits. */
export const guestPhone: fc.Arbitrary<string> = fc.oneof(
  fc.array(digits(2), { minLength: 4, maxLength: 4 }).map((pairs) => `+33 6 ${pairs.join(' ')}`),
  fc.array(digits(2), { minLength: 4, maxLength: 4 }).map((pairs) => `06.${pairs.join('.')}`),
  fc.tuple(digits(4), digits(6)).map(([a, b]) => `+44 7${a} ${b}`),
);

export const partnerGuest: fc.Arbitrary<PartnerGuest> = fc.record({ name: guestName, email: guestEmail, phone: guestPhone });

type Wording = 'reserved' | 'airbnbBlock' | 'bookingCom' | 'abritel' | 'vrbo' | 'indisponible' | 'ferme' | 'option' | 'nameOnly';

function summaryOf(wording: Wording, guest: PartnerGuest | null): string {
  const name = guest?.name ?? 'Voyageur';
  switch (wording) {
    case 'reserved':
      return 'Reserved';
    case 'airbnbBlock':
      return 'Airbnb (Not available)';
    case 'bookingCom':
      return 'CLOSED - Not available';
    case 'abritel':
      return `Réservée - ${name}`;
    case 'vrbo':
      return `Reserved - ${name}`;
    case 'indisponible':
      return 'Indisponible';
    case 'ferme':
      return 'Fermé pour travaux 🔧';
    case 'option':
      return `Option - ${name}`;
    case 'nameOnly':
      return name;
  }
}

type DescriptionShape = 'none' | 'deskline' | 'airbnb' | 'free';

function descriptionOf(shape: DescriptionShape, guest: PartnerGuest | null, reference: string): string | null {
  if (shape === 'none' || !guest) return null;
  switch (shape) {
    case 'deskline':
      return `Nom : ${guest.name}\nPersonnes : 3\nTéléphone : ${guest.phone}\nE-mail : ${guest.email}\nN° de réservation : ${reference}\nChambre : Lavande`;
    case 'airbnb':
      return `Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM${reference}\nPhone Number (Last 4 Digits): ${guest.phone.replace(/\D/g, '').slice(-4)}`;
    case 'free':
      return `Arrivée tardive 🌙 vers 22h — ${guest.name}, tél. ${guest.phone}; ${guest.email}`;
  }
}

const stayShape = fc.record({
  arrivalOffset: fc.integer({ min: 1, max: 420 }),
  nights: fc.integer({ min: 1, max: 12 }),
  timing: fc.constantFrom<Timing>('allDay', 'allDay', 'utc', 'zoned', 'floating'),
  wording: fc.constantFrom<Wording>('reserved', 'airbnbBlock', 'bookingCom', 'abritel', 'vrbo', 'indisponible', 'ferme', 'option', 'nameOnly'),
  status: fc.constantFrom<PartnerStay['status']>(null, null, 'CONFIRMED', 'TENTATIVE'),
  description: fc.constantFrom<DescriptionShape>('none', 'deskline', 'airbnb', 'free'),
  guest: fc.option(partnerGuest, { nil: null, freq: 4 }),
  uidStem: fc.string({ unit: lowerAlnum, minLength: 4, maxLength: 16 }),
  domain: fc.constantFrom('airbnb.com', 'booking.com', 'abritel.fr', 'deskline.net', 'example.org'),
  reference: fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'), minLength: 8, maxLength: 8 }),
});

/** Stays in the future (today + 1 … about 14 months), every one holding its nights. */
export function partnerCalendar(options: { minStays?: number; maxStays?: number } = {}): fc.Arbitrary<PartnerCalendar> {
  const today = dayNumber(PARTNER_TODAY);
  return fc
    .record({
      shapes: fc.array(stayShape, { minLength: options.minStays ?? 1, maxLength: options.maxStays ?? 8 }),
      calendarName: fc.constantFrom('Gîte des Hirondelles – Lavande', 'Chambre 2 🌻', 'Résidence Les Œillets'),
      lineEnd: fc.constantFrom<PartnerCalendar['lineEnd']>('\r\n', '\r\n', '\n'),
      fold: fc.boolean(),
    })
    .map(({ shapes, calendarName, lineEnd, fold }) => ({
      calendarName,
      lineEnd,
      fold,
      stays: shapes.map((s, i): PartnerStay => {
        const guest = s.wording === 'abritel' || s.wording === 'vrbo' || s.wording === 'option' || s.wording === 'nameOnly' || s.description !== 'none' ? s.guest : null;
        return {
          // Unique per calendar: duplicate UIDs are a different test (prepareFeed keeps one).
          uid: `${s.uidStem}-${i}@${s.domain}`,
          arrival: nightOf(today + s.arrivalOffset),
          departure: nightOf(today + s.arrivalOffset + s.nights),
          timing: s.timing,
          summary: summaryOf(s.wording, guest),
          status: s.status,
          description: descriptionOf(s.description, guest, s.reference),
          guest,
        };
      }),
    }));
}

/** RFC 5545 §3.3.11. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

const basic = (night: string) => night.replace(/-/g, '');

function dateLines(stay: PartnerStay): [string, string] {
  const [a, d] = [basic(stay.arrival), basic(stay.departure)];
  switch (stay.timing) {
    case 'allDay':
      return [`DTSTART;VALUE=DATE:${a}`, `DTEND;VALUE=DATE:${d}`];
    // 12:00Z and 08:00Z fall on the same dates in Paris, summer and winter.
    case 'utc':
      return [`DTSTART:${a}T120000Z`, `DTEND:${d}T080000Z`];
    case 'zoned':
      return [`DTSTART;TZID=Europe/Paris:${a}T160000`, `DTEND;TZID=Europe/Paris:${d}T100000`];
    // Floating times are read in the property's zone.
    case 'floating':
      return [`DTSTART:${a}T150000`, `DTEND:${d}T110000`];
  }
}

/** Folds a line at 75 octets, continuation lines at 74 + the leading space, splitting characters where it falls. */
function foldBytes(line: Buffer, lineEnd: Buffer): Buffer {
  if (line.length <= 75) return line;
  const parts: Buffer[] = [line.subarray(0, 75)];
  for (let at = 75; at < line.length; at += 74) parts.push(Buffer.concat([lineEnd, Buffer.from(' '), line.subarray(at, at + 74)]));
  return Buffer.concat(parts);
}

export function calendarLines(calendar: PartnerCalendar): string[] {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Partenaire//Calendrier 2.1//FR', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(calendar.calendarName)}`];
  for (const stay of calendar.stays) {
    lines.push('BEGIN:VEVENT', 'DTSTAMP:20260430T080000Z', `UID:${stay.uid}`, ...dateLines(stay), `SUMMARY:${escapeText(stay.summary)}`);
    if (stay.status) lines.push(`STATUS:${stay.status}`);
    if (stay.description !== null) lines.push(`DESCRIPTION:${escapeText(stay.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines;
}

/** The calendar's bytes, UTF-8. */
export function renderCalendar(calendar: PartnerCalendar): Buffer {
  const end = Buffer.from(calendar.lineEnd);
  const lines = calendarLines(calendar).map((l) => Buffer.from(l, 'utf8'));
  return Buffer.concat(lines.flatMap((l) => [calendar.fold ? foldBytes(l, end) : l, end]));
}

/** Every night some stay of the calendar holds, sorted, each once. */
export function heldNights(calendar: PartnerCalendar): string[] {
  const nights = new Set<string>();
  for (const stay of calendar.stays) for (let d = dayNumber(stay.arrival); d < dayNumber(stay.departure); d++) nights.add(nightOf(d));
  return [...nights].sort();
}
