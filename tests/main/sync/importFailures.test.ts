/**
 * A broken read never frees anything (DESIGN §4): after a good first read, each way a partner
 * can fail leaves every reservation, its history, the reference read and the alerts exactly as
 * they were; the feed says why, in words; the run is recorded.
 */
import { describe, expect, it } from 'vitest';
import { listAlerts } from '../../../main/db/alerts';
import { messageFromJson } from '../../../main/ical/feedProblem';
import { createTranslator } from '../../../main/i18n';
import { FAILING_ALERT_AFTER_MS } from '../../../main/sync/importFeed';
import { calendar, openFeed, reservationTables, type FeedSetup } from '../../helpers/feedImport';
import { drip, ics, raw, redirect, silent, startPartner, status, type Partner, type Reply } from '../../helpers/partnerServer';

const GOOD = calendar([
  ['a@airbnb.com', '2026-07-10', '2026-07-13'],
  ['b@airbnb.com', '2026-07-20', '2026-07-25'],
]);
const HTML = '<!DOCTYPE html><html><head><title>Log in</title></head><body><form></form></body></html>';
const t = createTranslator('en');

interface Scenario {
  name: string;
  /** The replies after the good first read, on the partner (and a second, plain-http one). */
  replies: (plain: Partner) => Reply[];
  secure?: boolean;
  /** Replaces the feed's link before the second read. */
  url?: string;
  fetch?: FeedSetup['fetch'];
  outcome: 'failed' | 'rejected';
  key: string;
  httpStatus: number | null;
  /** Words the owner must read in the reason. */
  words: RegExp;
}

const big = `BEGIN:VCALENDAR\r\n${'X-PADDING:0123456789abcdef0123456789abcdef\r\n'.repeat(3000)}END:VCALENDAR\r\n`;

const SCENARIOS: Scenario[] = [
  { name: 'an HTML login page served with 200', replies: () => [ics(HTML, { 'content-type': 'text/html' })], outcome: 'rejected', key: 'html', httpStatus: 200, words: /web page, not a calendar/ },
  { name: 'a truncated body (no END:VCALENDAR)', replies: () => [ics(GOOD.slice(0, GOOD.length / 2))], outcome: 'rejected', key: 'truncated', httpStatus: 200, words: /cut off/ },
  {
    name: 'a connection dropped in the middle of the body',
    replies: () => [raw(`HTTP/1.1 200 OK\r\nContent-Length: ${GOOD.length}\r\n\r\n${GOOD.slice(0, 100)}`)],
    outcome: 'failed',
    key: 'truncated',
    httpStatus: 200,
    words: /cut off/,
  },
  { name: 'a server error (500)', replies: () => [status(500, {}, 'Internal Server Error')], outcome: 'failed', key: 'httpStatus', httpStatus: 500, words: /HTTP 500/ },
  { name: 'a partner that never answers', replies: () => [silent()], fetch: { headersTimeoutMs: 300 }, outcome: 'failed', key: 'timeout', httpStatus: null, words: /took longer than 1 s/ },
  { name: 'a slow drip past the total deadline', replies: () => [drip(50)], fetch: { deadlineMs: 700, bodyTimeoutMs: 2000 }, outcome: 'failed', key: 'deadline', httpStatus: 200, words: /longer than 1 s in total/ },
  { name: 'an oversize body', replies: () => [ics(big)], fetch: { maxBytes: 64 * 1024 }, outcome: 'failed', key: 'tooLarge', httpStatus: 200, words: /larger than/ },
  { name: 'a redirect loop', replies: () => [redirect('/elsewhere.ics'), redirect('/calendar.ics')], outcome: 'failed', key: 'redirectLoop', httpStatus: 302, words: /loop/ },
  { name: 'a redirect from https to http', secure: true, replies: (plain) => [redirect(plain.url())], outcome: 'failed', key: 'insecureRedirect', httpStatus: 302, words: /insecure \(http\)/ },
  { name: '429 with Retry-After', replies: () => [status(429, { 'retry-after': '3600' })], outcome: 'failed', key: 'busyWait', httpStatus: 429, words: /wait 3600 s/ },
  { name: 'a file: link', replies: () => [], url: 'file:///home/owner/calendar.ics', outcome: 'failed', key: 'notHttp', httpStatus: null, words: /"file:"/ },
  { name: 'a data: link', replies: () => [], url: 'data:text/calendar;base64,QkVHSU46VkNBTEVOREFS', outcome: 'failed', key: 'notHttp', httpStatus: null, words: /"data:"/ },
  { name: 'an ftp: link', replies: () => [], url: 'ftp://ftp.partner.example/cal.ics', outcome: 'failed', key: 'notHttp', httpStatus: null, words: /"ftp:"/ },
];

async function afterGoodRead(scenario: Pick<Scenario, 'secure' | 'fetch'>) {
  const partner = await startPartner({ tls: scenario.secure });
  const plain = await startPartner();
  plain.serve(ics(calendar([])));
  const harness = openFeed({ url: partner.url(), fetch: scenario.fetch });
  partner.serve(ics(GOOD));
  expect(await harness.runImport()).toMatchObject({ outcome: 'updated' });
  expect(harness.service.call('reservations:list', {}).total).toBe(2);
  return { partner, plain, harness };
}

describe('a read that fails or is refused', () => {
  it.each(SCENARIOS)('$name: changes no reservation, marks the feed failing with the reason, records the run', async (scenario) => {
    const { partner, plain, harness } = await afterGoodRead(scenario);
    partner.serve(...scenario.replies(plain));
    if (scenario.url) harness.service.db.prepare('UPDATE feeds SET import_url = ? WHERE id = ?').run(scenario.url, harness.feedId);
    const before = reservationTables(harness);
    harness.clock.set('2026-05-01T12:00:00.000Z');

    const result = await harness.runImport();

    expect(result).toMatchObject({ outcome: scenario.outcome, httpStatus: scenario.httpStatus, problem: { key: `feeds.problem.${scenario.key}` } });
    expect(reservationTables(harness)).toEqual(before);
    const feed = harness.feedRow();
    expect(feed).toMatchObject({ health: 'failing', failing_since: '2026-05-01T12:00:00.000Z', last_good_body: Buffer.from(GOOD) });
    const reason = messageFromJson(feed.last_error as string)!;
    expect(reason.key).toBe(`feeds.problem.${scenario.key}`);
    expect(t(reason.key, reason.params)).toMatch(scenario.words);
    const [run] = harness.runs();
    expect(run).toMatchObject({ outcome: scenario.outcome, httpStatus: scenario.httpStatus, startedAt: '2026-05-01T12:00:00.000Z' });
    expect(messageFromJson(run!.message!)).toEqual(reason);
    expect(harness.runs()).toHaveLength(2);
    expect(plain.requests.filter((r) => r.path === '/calendar.ics')).toHaveLength(0);
  });

  it('reports Retry-After to the scheduler and keeps it on the feed', async () => {
    const { partner, harness } = await afterGoodRead({});
    partner.serve(status(503, { 'retry-after': '600' }));
    const result = await harness.runImport();
    expect(result.retryAt).toBe('2026-05-01T10:10:00.000Z');
    expect(harness.feedRow().next_due_at).toBe('2026-05-01T10:10:00.000Z');
  });

  it('keeps the time the feed started failing, and alerts once when it has failed for long', async () => {
    const { partner, harness } = await afterGoodRead({});
    partner.serve(status(500));
    await harness.runImport();
    const since = harness.feedRow().failing_since;
    harness.clock.set(new Date(Date.parse('2026-05-01T10:00:00.000Z') + FAILING_ALERT_AFTER_MS - 60_000).toISOString());
    await harness.runImport();
    expect(listAlerts(harness.service.db)).toEqual([]);
    harness.clock.set(new Date(Date.parse('2026-05-01T10:00:00.000Z') + FAILING_ALERT_AFTER_MS).toISOString());
    await harness.runImport();
    await harness.runImport();
    expect(harness.feedRow().failing_since).toBe(since);
    expect(listAlerts(harness.service.db)).toEqual([expect.objectContaining({ kind: 'feedFailing', connectionId: harness.connectionId, params: expect.objectContaining({ reason: 'feeds.problem.httpStatus' }) })]);
  });

  it('is healthy again after the next good read', async () => {
    const { partner, harness } = await afterGoodRead({});
    partner.serve(status(500), ics(GOOD));
    await harness.runImport();
    expect(harness.feedRow().health).toBe('failing');
    expect(await harness.runImport()).toMatchObject({ outcome: 'unchanged' });
    expect(harness.feedRow()).toMatchObject({ health: 'ok', last_error: null, failing_since: null, last_success_at: '2026-05-01T10:00:00.000Z' });
  });
});
