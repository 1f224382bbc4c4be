/**
 * Issue 10, "no lost booking": whatever happens to a partner's bytes on the way, a read never
 * frees a night that the last good read held. Each run: a random valid calendar is read well
 * (a real partner on 127.0.0.1, the real fetcher, importer and SQLite file), then the same bytes
 * damaged — cut at a random byte, bytes flipped, garbage inserted, re-encoded (UTF-16, Latin-1,
 * a BOM, other line ends, names in lower case), an HTML error page, gzip mislabelled, a blank
 * body — then the good bytes again.
 *
 * Properties: the importer never throws; every night held after the good read is still held
 * after the damaged one; a refused read writes nothing and the feed says why in words; bytes
 * that cannot be a calendar are refused, and the same calendar in other clothes holds the same
 * nights; the database passes integrity_check; the good bytes again hold exactly the calendar's
 * nights. Damage that happens to leave another well-formed calendar (a flip turning DTEND into
 * BTEND) says something else, validly: it is not held against the importer (wellFormedIcal.ts).
 * `FC_SEED=<seed>` replays a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageFromJson } from '../../../main/ical/feedProblem';
import { createTranslator } from '../../../main/i18n';
import { propertyRuns } from '../../helpers/fastCheck';
import { addFeed, reservationTables, type FeedHarness } from '../../helpers/feedImport';
import { dayNumber, nightOf } from '../../helpers/icsNights';
import { heldNights, partnerCalendar, renderCalendar, type PartnerCalendar } from '../../helpers/partnerCalendars';
import { applyDamage, damage, type Damage } from '../../helpers/byteDamage';
import { ics, startPartner, type Partner } from '../../helpers/partnerServer';
import { openService } from '../../helpers/service';
import { wellFormedLines } from '../../helpers/wellFormedIcal';

const t = createTranslator('en');

/** The nights the unit's stock-holding files cover, read straight from the database. */
function nightsHeld(h: FeedHarness): string[] {
  const rows = h.service.db
    .prepare("SELECT arrival, departure FROM reservations WHERE unit_id = ? AND status IN ('pending', 'confirmed')")
    .all(h.unitId) as { arrival: string; departure: string }[];
  const nights = new Set<string>();
  for (const r of rows) for (let d = dayNumber(r.arrival); d < dayNumber(r.departure); d++) nights.add(nightOf(d));
  return [...nights].sort();
}

function expectSoundDatabase(h: FeedHarness): void {
  expect(h.service.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(h.service.db.pragma('foreign_key_check')).toEqual([]);
}

const tally = { refused: 0, accepted: 0, otherCalendar: 0 };

/** One run: the good read, the damaged read, the good read again, each checked. */
async function goodDamagedGood(partner: Partner, h: FeedHarness, calendar: PartnerCalendar, d: Damage): Promise<void> {
  const good = renderCalendar(calendar);
  const expected = heldNights(calendar);
  const goodLines = wellFormedLines(good);
  // The oracle accepts what the generator makes: a 'well-formed' verdict below means something.
  expect(goodLines).not.toBeNull();
  const damaged = applyDamage(good, d);
  partner.serve(ics(good), damaged.reply, ics(good));
  h.clock.set('2026-05-01T10:00:00.000Z');
  expect(await h.runImport()).toMatchObject({ outcome: 'updated', problem: null });
  expect(nightsHeld(h)).toEqual(expected);
  const before = reservationTables(h);

  h.clock.set('2026-05-01T10:10:00.000Z');
  const result = await h.runImport().catch((error: unknown) => {
    throw new Error(`the importer threw on ${d.kind} damage: ${String(error)}`);
  });
  const damagedLines = damaged.body ? wellFormedLines(damaged.body) : null;
  const otherCalendar = damagedLines !== null && damagedLines.join('\n') !== goodLines!.join('\n');
  if (otherCalendar) tally.otherCalendar++;
  else expect(nightsHeld(h), 'a night held by the good read was freed').toEqual(expect.arrayContaining(expected));
  if (damaged.sameCalendar) {
    expect(nightsHeld(h), `the same calendar (${d.kind}) holds other nights`).toEqual(expected);
    // (No count when the bytes are the very same: the read is 'unchanged' without reconciling.)
    expect(result.counts.stays ?? calendar.stays.length, `the same calendar (${d.kind}) has other stays`).toBe(calendar.stays.length);
  }
  expectSoundDatabase(h);
  if (result.outcome === 'failed' || result.outcome === 'rejected') {
    tally.refused++;
    expect(damaged.sameCalendar ?? false, `${d.kind}: the same calendar was refused`).toBe(false);
    expect(reservationTables(h)).toEqual(before);
    const feed = h.feedRow();
    expect(feed.health).toBe('failing');
    const reason = messageFromJson(String(feed.last_error))!;
    expect(reason).toEqual(result.problem);
    expect(reason.key).toMatch(/^feeds\.problem\./);
    // The owner reads a sentence, not a key.
    expect(t(reason.key, reason.params)).not.toBe(reason.key);
  } else {
    tally.accepted++;
    expect(damaged.mustRefuse ?? false, `${d.kind} damage was read as a calendar`).toBe(false);
    expect(['ok', 'suspicious']).toContain(h.feedRow().health);
  }

  h.clock.set('2026-05-01T10:20:00.000Z');
  expect((await h.runImport()).problem).toBeNull();
  expect(nightsHeld(h), 'the good bytes again do not hold the calendar’s nights').toEqual(expected);
  expectSoundDatabase(h);
}

const TWO_STAYS: PartnerCalendar = {
  calendarName: 'Résidence Les Œillets',
  lineEnd: '\r\n',
  fold: false,
  stays: [
    ['a-0@airbnb.com', '2026-05-02', '2026-05-05'],
    ['a-1@airbnb.com', '2026-05-10', '2026-05-14'],
  ].map(([uid, arrival, departure]) => ({ uid: uid!, arrival: arrival!, departure: departure!, timing: 'allDay' as const, summary: 'Reserved', status: null, description: null, guest: null })),
};
const at = (text: string, from = 0) => renderCalendar(TWO_STAYS).indexOf(text, from);
const secondEvent = at('UID:a-1');

/** Counterexamples this property found, each a bug fixed in main/ical or main/sync: replayed first on every run. */
const FOUND: [PartnerCalendar, Damage, boolean][] = [
  // A lone CR (":" inserted into a CRLF): node-ical, splitting on LF only, dropped the UID line
  // prepareFeed had seen, and the import threw on a stay with no key.
  [TWO_STAYS, { kind: 'insert', at: at('\nDTSTART', secondEvent), garbage: [0x3a] }, false],
  // The same after DTSTART: the event lost its start, was skipped, and its stay was cancelled.
  [TWO_STAYS, { kind: 'insert', at: at('\nDTEND', secondEvent), garbage: [0x3a] }, true],
  // An end date node-ical cannot parse came back as a string: the import threw.
  [TWO_STAYS, { kind: 'flip', flips: [{ at: at('DTEND;VALUE=DATE:', secondEvent) + 17, mask: 0x41 }] }, false],
  // An unreadable start: the event was skipped and, one stay of two lost, its file cancelled.
  [TWO_STAYS, { kind: 'flip', flips: [{ at: at('DTSTART;VALUE=DATE:', secondEvent) + 19, mask: 0x41 }] }, true],
  // Garbage cutting the DTEND line: the stay shrank to one night.
  [TWO_STAYS, { kind: 'insert', at: at('END;VALUE', secondEvent), garbage: [0x9a, 0x3b, 0xc1, 0x0a, 0xac] }, true],
  // "DTEND" turned into "DTENK" (another valid name: undetectable alone) and a stray byte in a
  // UID: the read mixes UTF-8 with other bytes, so it is damaged and the stay keeps its nights.
  [TWO_STAYS, { kind: 'flip', flips: [{ at: at('DTEND', secondEvent) + 4, mask: 0x0f }, { at: secondEvent + 4, mask: 0xf0 }] }, true],
  // A byte in DTEND's parameters that node-ical's grammar refuses: it dropped the whole line.
  [TWO_STAYS, { kind: 'flip', flips: [{ at: at('DTEND;VALUE', secondEvent) + 8, mask: 0xcf }] }, true],
  // An empty "UID:" whose value slid onto a garbage line: prepareFeed made a UID and left the
  // empty one, node-ical made an array of the two, and SQLite could not bind it: the import threw.
  [TWO_STAYS, { kind: 'insert', at: secondEvent + 4, garbage: [0x0d, 0x0a, 0x27, 0x0d, 0x0a, 0x20] }, true],
  // A second UID line in an event: the same array, the same throw.
  [TWO_STAYS, { kind: 'insert', at: at('\r\nDTSTART', secondEvent), garbage: [...Buffer.from('\r\nUID:zz')] }, false],
  // Old Mac line ends: node-ical read no line at all.
  [TWO_STAYS, { kind: 'lineEnds', to: '\r' }, true],
  // A name in lower case ("dtend"): node-ical knows only upper-case ones; the stay lost its end.
  [TWO_STAYS, { kind: 'lowerCaseNames', lines: Array.from({ length: 20 }, (_, i) => i === 16) }, true],
  // Every name in lower case: node-ical read no event at all.
  [TWO_STAYS, { kind: 'lowerCaseNames', lines: [true] }, true],
];

describe('a damaged read of a calendar that was read well', () => {
  it('never throws, never frees a night, writes nothing when refused, and the good bytes again hold the same nights', async () => {
    const partner = await startPartner();
    // One database for every run, a new unit, connection and feed each: runs cannot see each other.
    const service = openService();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(partnerCalendar({ minStays: 2, maxStays: 7 }), damage, fc.boolean(), async (calendar, d, sendsCancellations) => {
        const h = addFeed(service, { url: partner.url(`/run-${run++}.ics`), channel: sendsCancellations ? 'airbnb' : 'feratel_deskline', sendsCancellations });
        await goodDamagedGood(partner, h, calendar, d);
      }),
      { ...propertyRuns(200), examples: FOUND },
    );
    // Both sides were exercised, and most damage was damage, not another valid calendar.
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.otherCalendar).toBeLessThan((tally.refused + tally.accepted) / 4);
  }, 120_000);
});
