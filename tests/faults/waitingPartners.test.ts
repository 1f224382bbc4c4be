/**
 * The fault campaign in time (fake clock, no sleeping): a partner that asks us to wait is not
 * read before it said, even on wake; a partner down for hours costs the owner one alert once it
 * has failed for six, and none for a shorter outage that mends itself. The same invariants as
 * every case (invariants.ts) hold at each step.
 */
import { describe, expect, it } from 'vitest';
import { FAILING_ALERT_AFTER_MS } from '../../main/sync/importFeed';
import { ics, status, type Reply } from '../helpers/partnerServer';
import { failing, inStep } from './expectations';
import { checkInvariants, takeBaseline, type Expectation } from './invariants';
import { CALENDARS, openProperty, type Property } from './property';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every feed at its first calendar; La Grange's as given. */
function grangeOnly(grange: Expectation['feeds']['grange'], alerts: Expectation['alerts'] = []): Expectation {
  return { feeds: { grange, fournil: inStep(CALENDARS.fournil.v1), bergerie: inStep(CALENDARS.bergerie.v1) }, alerts };
}

/** Moves timer by timer while the next one falls before `until` (ms since the epoch). */
async function runTimersBefore(p: Property, until: number, eachRead?: () => void): Promise<void> {
  for (;;) {
    const [wait] = p.clock.pendingDelays();
    if (wait === undefined || p.clock.now().getTime() + wait >= until) return;
    await p.nextTimer();
    eachRead?.();
  }
}

describe('the fault campaign: partners that ask us to wait, and partners down for hours', () => {
  it.each([
    { name: '429 with Retry-After in seconds', reply: (): Reply => status(429, { 'retry-after': '1800' }), waitMs: 30 * MINUTE, httpStatus: 429 },
    {
      name: '503 with Retry-After as a date two hours on, past the longest backoff',
      reply: (at: number): Reply => status(503, { 'retry-after': new Date(at + 2 * HOUR).toUTCString() }),
      waitMs: 2 * HOUR,
      httpStatus: 503,
    },
  ])('$name: no read before it, not even on wake; then in step again, and no alert', async ({ reply, waitMs, httpStatus }) => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    const grange = p.rooms.grange.partner;
    grange.serve(reply(p.clock.now().getTime() + 10 * MINUTE));
    await p.untilRead('grange');
    const refusedAt = p.clock.now().getTime();
    expect(checkInvariants(p, baseline, grangeOnly(failing(CALENDARS.grange.v1, 'failed', 'busyWait', httpStatus)))).toEqual([]);
    const reads = grange.requests.length;

    grange.serve(ics(CALENDARS.grange.v1.body));
    await runTimersBefore(p, refusedAt + waitMs);
    // The machine wakes from sleep a moment before: the other feeds are read, La Grange still waits.
    p.clock.advance(Math.max(0, refusedAt + waitMs - 1000 - p.clock.now().getTime()));
    p.loop.wake();
    await p.loop.idle();
    expect(grange.requests).toHaveLength(reads);

    await p.untilRead('grange');
    expect(p.clock.now().getTime()).toBe(refusedAt + waitMs);
    expect(checkInvariants(p, baseline, grangeOnly(inStep(CALENDARS.grange.v1)))).toEqual([]);
  });

  it('a partner down for five hours that comes back: never an alert, and the backoff kept reads rare', async () => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    const partner = p.rooms.grange.partner;
    const goodReads = partner.requests.length;
    partner.serve(status(500));
    await p.untilRead('grange');
    const since = p.clock.now().getTime();
    await runTimersBefore(p, since + 5 * HOUR, () => expect(p.service.call('alerts:list')).toEqual([]));
    expect(checkInvariants(p, baseline, grangeOnly(failing(CALENDARS.grange.v1, 'failed', 'httpStatus', 500)))).toEqual([]);
    // Backing off 1, 2, 4 … minutes, then hourly: 10 reads in five hours, not 30.
    expect(partner.requests.length - goodReads).toBe(10);

    partner.serve(ics(CALENDARS.grange.v1.body));
    await p.untilRead('grange');
    expect(checkInvariants(p, baseline, grangeOnly(inStep(CALENDARS.grange.v1)))).toEqual([]);
  });

  it('a partner failing for more than six hours: the owner is told once, the files stay as they were', async () => {
    const p = await openProperty();
    const baseline = takeBaseline(p);
    p.rooms.grange.partner.serve(status(500));
    await p.untilRead('grange');
    const since = p.clock.now().getTime();
    await runTimersBefore(p, since + FAILING_ALERT_AFTER_MS, () => expect(p.service.call('alerts:list')).toEqual([]));
    await p.untilRead('grange');
    expect(p.clock.now().getTime() - since).toBeGreaterThanOrEqual(FAILING_ALERT_AFTER_MS);
    const stillFailing = grangeOnly(failing(CALENDARS.grange.v1, 'failed', 'httpStatus', 500), ['feedFailing@Airbnb']);
    expect(checkInvariants(p, baseline, stillFailing)).toEqual([]);
    const [alert] = p.service.call('alerts:list');
    expect(alert).toMatchObject({ kind: 'feedFailing', params: { unit: 'La Grange', channel: 'Airbnb', since: new Date(since).toISOString(), reason: 'feeds.problem.httpStatus' } });

    // Two more failing reads: the same alert, not a new one each hour.
    await p.untilRead('grange');
    await p.untilRead('grange');
    expect(checkInvariants(p, baseline, stillFailing)).toEqual([]);

    // Back in step: the alert stays for the owner to read and dismiss.
    p.rooms.grange.partner.serve(ics(CALENDARS.grange.v1.body));
    await p.untilRead('grange');
    expect(checkInvariants(p, baseline, grangeOnly(inStep(CALENDARS.grange.v1), ['feedFailing@Airbnb']))).toEqual([]);
  });
});
