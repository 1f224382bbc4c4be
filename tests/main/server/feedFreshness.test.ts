/**
 * Every change is in the feed on the very next request (whoever wrote it), and Last-Modified
 * never goes backwards — not across a restart, not with the clock set back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../main/service';
import { connectChannel, getFeed, serveFeeds } from '../../helpers/feeds';
import { nightsOf, parseWithIcalJs, parseWithNodeIcal } from '../../helpers/icsNights';
import { addUnit, book, openService } from '../../helpers/service';

const extra: Service[] = [];
afterEach(() => {
  for (const s of extra.splice(0)) s.close();
});

function setUp() {
  const harness = openService();
  const unit = addUnit(harness.service, { name: 'Chambre Lavande', stock: 1 });
  const { tokens } = connectChannel(harness.service, [unit.id]);
  return { ...harness, unit, token: tokens.get(unit.id)! };
}

async function blockedNights(port: number, token: string): Promise<string[]> {
  const response = await getFeed(port, token);
  expect(response.status).toBe(200);
  const nights = nightsOf(parseWithNodeIcal(response.body));
  expect(nightsOf(parseWithIcalJs(response.body))).toEqual(nights);
  return nights;
}

describe('a change in the app is in the feed on the next request', () => {
  it('shows a booking made through the service, then frees its nights when it is cancelled', async () => {
    const { service, unit, token } = setUp();
    const { port } = await serveFeeds(service);
    expect(await blockedNights(port, token)).toEqual([]);
    const stay = book(service, { unitId: unit.id, arrival: '2026-06-05', departure: '2026-06-07' });
    expect(await blockedNights(port, token)).toEqual(['2026-06-05', '2026-06-06']);
    const moved = service.call('reservations:update', { id: stay.id, changes: { arrival: '2026-06-06', departure: '2026-06-09' } });
    expect(moved.reservation.arrival).toBe('2026-06-06');
    expect(await blockedNights(port, token)).toEqual(['2026-06-06', '2026-06-07', '2026-06-08']);
    service.call('reservations:cancel', { id: stay.id });
    expect(await blockedNights(port, token)).toEqual([]);
  });

  it('shows a night closed, then a unit given more stock', async () => {
    const { service, unit, token } = setUp();
    const { port } = await serveFeeds(service);
    book(service, { unitId: unit.id, arrival: '2026-06-05', departure: '2026-06-06' });
    service.call('overrides:set', { unitIds: [unit.id], firstNight: '2026-06-20', lastNight: '2026-06-20', changes: { closed: true } });
    expect(await blockedNights(port, token)).toEqual(['2026-06-05', '2026-06-20']);
    service.call('units:update', { id: unit.id, changes: { stock: 2 } });
    expect(await blockedNights(port, token)).toEqual(['2026-06-20']);
  });

  it('shows a change committed by another process on the same data', async () => {
    const { service, dataDir, clock, unit, token } = setUp();
    const { port } = await serveFeeds(service);
    expect(await blockedNights(port, token)).toEqual([]);
    // A second connection, as the command line beside the running app would open.
    const other = createService({ dataDir, now: clock });
    extra.push(other);
    book(other, { unitId: unit.id, arrival: '2026-09-01', departure: '2026-09-02' });
    expect(await blockedNights(port, token)).toEqual(['2026-09-01']);
  });

  it('moves its window when the property’s day changes, with nothing written', async () => {
    const { service, unit, token, clock } = setUp();
    book(service, { unitId: unit.id, arrival: '2026-05-01', departure: '2026-05-04' });
    const { port } = await serveFeeds(service);
    expect(await blockedNights(port, token)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    // 23:59 in Paris is still the 1st; midnight there is the 2nd.
    clock.set('2026-05-01T21:59:00Z');
    expect(await blockedNights(port, token)).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    clock.set('2026-05-01T22:00:00Z');
    expect(await blockedNights(port, token)).toEqual(['2026-05-02', '2026-05-03']);
  });
});

describe('Last-Modified', () => {
  it('stays put while the content does, and never goes backwards across a restart with the clock set back', async () => {
    const { service, dataDir, unit, token, clock } = setUp();
    const first = await serveFeeds(service);
    const served = await getFeed(first.port, token);
    const lastModified = Date.parse(served.headers['last-modified']!);
    expect(lastModified).toBe(Date.parse('2026-05-01T10:00:00Z'));

    clock.set('2026-05-01T15:00:00Z');
    expect((await getFeed(first.port, token)).headers['last-modified']).toBe(served.headers['last-modified']);
    await first.close();

    // Restarted, with the machine's clock an hour behind the first run.
    clock.set('2026-05-01T09:00:00Z');
    const restarted = createService({ dataDir, now: clock });
    extra.push(restarted);
    const second = await serveFeeds(restarted);
    const unchanged = await getFeed(second.port, token);
    expect(unchanged.headers['last-modified']).toBe(served.headers['last-modified']);
    expect(unchanged.headers.etag).toBe(served.headers.etag);
    expect((await getFeed(second.port, token, { 'if-none-match': served.headers.etag! })).status).toBe(304);

    book(restarted, { unitId: unit.id, arrival: '2026-07-01', departure: '2026-07-02' });
    const changed = await getFeed(second.port, token);
    expect(Date.parse(changed.headers['last-modified']!)).toBeGreaterThan(lastModified);
  });
});
