/**
 * A feed starts on today in the property's zone — not the machine's, which each tz:* project
 * sets differently — and its Last-Modified moves only when its content does.
 */
import { describe, expect, it } from 'vitest';
import { nextLastModified, publishFeed } from '../../../main/export/feedPublication';
import { connectChannel } from '../../helpers/feeds';
import { nightsOf, parseWithIcalJs, parseWithNodeIcal } from '../../helpers/icsNights';
import { addUnit, book, openService } from '../../helpers/service';

function nightsAt(text: string): string[] {
  const nights = nightsOf(parseWithNodeIcal(text));
  expect(nightsOf(parseWithIcalJs(text))).toEqual(nights);
  return nights;
}

describe(`publishing a feed under TZ=${process.env.TZ}`, () => {
  it.each([
    // 13:30 UTC is already the 2nd in Nouméa (UTC+11), still the 1st in Guadeloupe (UTC−4) and Paris.
    ['Pacific/Noumea', '2026-05-01T13:30:00Z', ['2026-05-02']],
    ['America/Guadeloupe', '2026-05-02T03:30:00Z', ['2026-05-01', '2026-05-02']],
    ['Europe/Paris', '2026-05-01T21:59:59Z', ['2026-05-01', '2026-05-02']],
    ['Europe/Paris', '2026-05-01T22:00:00Z', ['2026-05-02']],
  ])('for a property in %s at %s, starts on its own today', (timeZone, instant, expected) => {
    const { service } = openService();
    service.call('property:save', { name: 'Gîte', type: 'gite', timeZone });
    const unit = addUnit(service);
    const { tokens } = connectChannel(service, [unit.id]);
    book(service, { unitId: unit.id, arrival: '2026-04-30', departure: '2026-05-03' });
    const published = publishFeed(service.db, tokens.get(unit.id)!, new Date(instant))!;
    expect(published.timeZone).toBe(timeZone);
    expect(nightsAt(published.body)).toEqual(expected);
  });

  it('keeps Last-Modified while the content holds, and never lets it go back', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const token = connectChannel(service, [unit.id]).tokens.get(unit.id)!;
    const first = publishFeed(service.db, token, new Date('2026-05-01T10:00:00.750Z'))!;
    expect(first.lastModified.toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(publishFeed(service.db, token, new Date('2026-05-01T12:00:00Z'))!.lastModified).toEqual(first.lastModified);
    book(service, { unitId: unit.id, arrival: '2026-06-01', departure: '2026-06-02' });
    // The clock is behind the last date served: the new content still gets a later one.
    expect(publishFeed(service.db, token, new Date('2026-04-01T00:00:00Z'))!.lastModified.toISOString()).toBe('2026-05-01T10:00:01.000Z');
    expect(nextLastModified(null, new Date('2026-05-01T10:00:00.999Z')).toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(nextLastModified(new Date('2026-05-01T09:00:00Z'), new Date('2026-05-01T10:00:00.5Z')).toISOString()).toBe('2026-05-01T10:00:00.000Z');
  });

  it('finds nothing for an unknown token', () => {
    const { service } = openService();
    expect(publishFeed(service.db, 'D'.repeat(32), new Date())).toBeNull();
  });
});
