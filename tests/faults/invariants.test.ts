/**
 * The campaign is only as good as its checker: each kind of damage the invariants forbid is
 * done by hand to the database file (behind the app's back, through a connection of its own),
 * and the checker must name it. A clean property must pass.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../main/db/connection';
import { inStep } from './expectations';
import { checkInvariants, takeBaseline, type Expectation } from './invariants';
import { CALENDARS, openProperty, type PartnerCalendar, type Property } from './property';

interface Damage {
  name: string;
  /** SQL run on the file, with the property's ids at hand. */
  sql: (p: Property) => string;
  /** What the checker must say. */
  says: RegExp;
  /** La Bergerie's calendar the checker is told to expect, when not its first. */
  bergerie?: PartnerCalendar;
}

const uidFile = (p: Property, uid: string) => `(SELECT id FROM reservations WHERE external_id = '${uid}')`;

const DAMAGES: Damage[] = [
  { name: 'a file deleted', sql: (p) => `DELETE FROM reservations WHERE id = ${p.direct.grange.id}`, says: /file \d+ \(Camille Martin\) is gone/ },
  { name: 'a dangling history row', sql: (p) => `DELETE FROM reservations WHERE id = ${p.direct.grange.id}`, says: /foreign_key_check/ },
  { name: 'one file of a feed moved, not the others', sql: (p) => `UPDATE reservations SET arrival = '2026-08-04' WHERE id = ${uidFile(p, 'g-1@airbnb.com')}`, says: /grange: g-1@airbnb\.com is booking 2026-08-04→2026-08-06, the calendar says booking 2026-08-03→2026-08-06/ },
  { name: 'a file of a feed cancelled', sql: (p) => `UPDATE reservations SET status = 'cancelled' WHERE id = ${uidFile(p, 'g-1@airbnb.com')}`, says: /grange: g-1@airbnb\.com is held by 0 files/ },
  { name: 'a Deskline file cancelled by a read', sql: (p) => `UPDATE reservations SET status = 'cancelled' WHERE id = ${uidFile(p, 'b-2@deskline.net')}`, says: /b-2@deskline\.net is held by 0 files/ },
  {
    name: 'a Deskline file cancelled when it left the feed',
    bergerie: CALENDARS.bergerie.v2,
    sql: (p) => `UPDATE reservations SET status = 'cancelled' WHERE id = ${uidFile(p, 'b-2@deskline.net')}`,
    says: /bergerie: b-2@deskline\.net was cancelled, but this partner sends no cancellations/,
  },
  { name: 'a stay dropped from the reference read', sql: (p) => `DELETE FROM feed_read_stays WHERE feed_id = ${p.rooms.fournil.feedId} AND stay_key = 'f-1@airbnb.com'`, says: /fournil: the reference read is/ },
  {
    name: 'the reference read pointing at another file',
    sql: (p) => `UPDATE feed_read_stays SET reservation_id = ${uidFile(p, 'g-2@airbnb.com')} WHERE feed_id = ${p.rooms.grange.feedId} AND stay_key = 'g-1@airbnb.com'`,
    says: /grange: the reference read's g-1@airbnb\.com points at file \d+ \(g-2@airbnb\.com\)/,
  },
  { name: 'another version as the last good calendar', sql: (p) => `UPDATE feeds SET last_good_hash = 'x' WHERE id = ${p.rooms.bergerie.feedId}`, says: /bergerie: the last good calendar is not the expected version/ },
  { name: 'a direct file changed behind the owner', sql: (p) => `UPDATE reservations SET guest_name = 'Quelqu’un' WHERE id = ${p.direct.fournil.id}`, says: /direct file \d+ \(Hugo Bernard\) changed without the owner/ },
  { name: 'the owner’s notes overwritten on a partner’s file', sql: (p) => `UPDATE reservations SET notes = '' WHERE id = ${p.annotated.id}`, says: /a read changed the owner's notes/ },
  { name: 'a history row rewritten', sql: () => `UPDATE reservation_history SET at = '2000-01-01T00:00:00.000Z' WHERE id = 1`, says: /history rows changed or deleted: 1/ },
  { name: 'a closed night reopened', sql: (p) => `DELETE FROM night_overrides WHERE unit_id = ${p.rooms.fournil.unitId}`, says: /night_overrides changed/ },
  { name: 'an alert nobody needs', sql: () => `INSERT INTO alerts (kind, created_at) VALUES ('feedFailing', '2026-07-01T08:00:00.000Z')`, says: /alerts opened: \[feedFailing@direct\], expected \[\]/ },
  {
    name: 'a read recorded with a reason the owner cannot read',
    sql: (p) =>
      `INSERT INTO sync_runs (connection_id, feed_id, started_at, duration_ms, outcome, message) VALUES (${p.connections.airbnb}, ${p.rooms.grange.feedId}, '2026-07-01T08:10:00.000Z', 5, 'unchanged', '{"key":"feeds.problem.noSuchReason"}')`,
    says: /grange: feeds\.problem\.noSuchReason has no fr text/,
  },
];

async function readRound(p: Property): Promise<Expectation> {
  await p.untilRead('grange');
  return { feeds: { grange: inStep(CALENDARS.grange.v1), fournil: inStep(CALENDARS.fournil.v1), bergerie: inStep(CALENDARS.bergerie.v1) }, alerts: [] };
}

describe('the fault campaign’s invariant checker', () => {
  it('passes a property left alone for a round', async () => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    expect(checkInvariants(p, baseline, await readRound(p))).toEqual([]);
  });

  it.each(DAMAGES)('names $name', async (damage) => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    const expectation = await readRound(p);
    if (damage.bergerie) expectation.feeds.bergerie.calendar = damage.bergerie;
    const db = new Database(databasePath(p.dataDir));
    try {
      // Damage the app would never do, dangling rows included.
      db.pragma('foreign_keys = OFF');
      db.exec(damage.sql(p));
    } finally {
      db.close();
    }
    const problems = checkInvariants(p, baseline, expectation);
    expect(problems.join('\n')).toMatch(damage.says);
  });
});
