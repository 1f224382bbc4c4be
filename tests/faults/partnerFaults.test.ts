/**
 * The fault campaign (issue 10), partner by partner: on the guest house of property.ts, the
 * real sync loop's round reaches La Grange's partner while it misbehaves one way — hangs,
 * drips, resets, lies in Content-Length, redirects without end, refuses, serves a web page, a
 * body over the cap, a gzip bomb — while Le Fournil's partner publishes a new booking in the same
 * round. After the round, after the next (still broken) read and after the partner recovers
 * with a changed calendar, the same invariants hold (invariants.ts): nothing lost, nothing
 * half-changed, the database sound, the read recorded in words, and exactly the alerts the
 * owner needs — a refusal of the link at once, nothing for a fault that goes away.
 */
import type { ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FetchOptions } from '../../main/sync/fetchFeed';
import { drip, ics, raw, redirect, reset, silent, stall, startPartner, status, type Partner, type Reply } from '../helpers/partnerServer';
import { failing, inStep, V2_ALERTS } from './expectations';
import { checkInvariants, takeBaseline, type Expectation } from './invariants';
import { CALENDARS, openProperty } from './property';

const V1 = CALENDARS.grange.v1.body;
const HTML_LOGIN = '<!DOCTYPE html><html><head><title>Connexion</title></head><body><form action="/login"><input name="password" type="password"></form></body></html>';
/** Over the campaign's 1 MB cap, sent with its Content-Length or streamed without one. */
const HUGE = `BEGIN:VCALENDAR\r\n${'X-PADDING:0123456789abcdef0123456789abcdef0123456789abcdef\r\n'.repeat(20_000)}END:VCALENDAR\r\n`;
const CAP: Partial<FetchOptions> = { maxBytes: 1024 * 1024 };

function streamed(body: string): Reply {
  return (_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    for (let at = 0; at < body.length; at += 16_384) res.write(body.slice(at, at + 16_384));
    res.end();
  };
}

/** 64 MB of zeros in about 64 KB of gzip: the cap must count the inflated bytes and stop early. */
function gzipBomb(): Reply {
  const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
    res.end(bomb);
  };
}

/** Each request sent one hop further, for ever. */
const endlessRedirects: Reply = (req, res) => redirect(`/hop-${Number(/\d+/.exec(req.url ?? '')?.[0] ?? 0) + 1}.ics`)(req, res);
/** Two addresses sending the reader to each other. */
const redirectLoop: Reply = (req, res) => redirect(req.url === '/a.ics' ? '/b.ics' : '/a.ics')(req, res);

async function closesWithin(closing: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const closed = await Promise.race([closing.then(() => true as const), late]);
  clearTimeout(timer);
  return closed;
}

interface FaultCase {
  name: string;
  /** What La Grange's partner answers, every time, until it recovers. `plain` is another partner, on http. */
  fault: (plain: Partner) => Reply;
  fetch?: Partial<FetchOptions>;
  secure?: true;
  outcome: 'failed' | 'rejected';
  key: string;
  httpStatus: number | null;
  /** The partner refuses the link itself: only the owner can mend it, so they are told at once. */
  refusal?: true;
}

const CASES: FaultCase[] = [
  { name: 'hangs: accepts the request, never sends a header', fault: () => silent(), fetch: { headersTimeoutMs: 500 }, outcome: 'failed', key: 'timeout', httpStatus: null },
  { name: 'hangs: headers, then never the body', fault: () => stall(), fetch: { bodyTimeoutMs: 500 }, outcome: 'failed', key: 'stalled', httpStatus: 200 },
  { name: 'drips one byte a second past the deadline', fault: () => drip(1000, 'X'), fetch: { bodyTimeoutMs: 1500, deadlineMs: 1800 }, outcome: 'failed', key: 'deadline', httpStatus: 200 },
  { name: 'resets the connection before answering', fault: () => reset(), outcome: 'failed', key: 'network', httpStatus: null },
  {
    name: 'resets the connection in the middle of the body',
    fault: () => reset(`HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: ${V1.length}\r\n\r\n${V1.slice(0, 300)}`),
    outcome: 'failed',
    key: 'truncated',
    httpStatus: 200,
  },
  {
    name: 'announces a Content-Length larger than the body, then closes',
    fault: () => raw(`HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: ${V1.length + 500}\r\n\r\n${V1}`),
    outcome: 'failed',
    key: 'truncated',
    httpStatus: 200,
  },
  {
    name: 'announces a Content-Length smaller than the body',
    fault: () => raw(`HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: ${V1.length - 200}\r\nConnection: close\r\n\r\n${V1}`),
    outcome: 'rejected',
    key: 'truncated',
    httpStatus: 200,
  },
  { name: 'redirects in a loop', fault: () => redirectLoop, outcome: 'failed', key: 'redirectLoop', httpStatus: 302 },
  { name: 'redirects more than five times', fault: () => endlessRedirects, outcome: 'failed', key: 'tooManyRedirects', httpStatus: 302 },
  { name: 'redirects from https to http', secure: true, fault: (plain) => redirect(plain.url()), outcome: 'failed', key: 'insecureRedirect', httpStatus: 302 },
  { name: 'answers 401', fault: () => status(401, { 'www-authenticate': 'Basic realm="extranet"' }), outcome: 'failed', key: 'forbidden', httpStatus: 401, refusal: true },
  { name: 'answers 403', fault: () => status(403), outcome: 'failed', key: 'forbidden', httpStatus: 403, refusal: true },
  { name: 'answers 404', fault: () => status(404, {}, 'Not Found'), outcome: 'failed', key: 'notFound', httpStatus: 404, refusal: true },
  { name: 'answers 410', fault: () => status(410), outcome: 'failed', key: 'notFound', httpStatus: 410, refusal: true },
  { name: 'answers 429 without Retry-After', fault: () => status(429), outcome: 'failed', key: 'busy', httpStatus: 429 },
  { name: 'answers 500', fault: () => status(500, {}, 'Internal Server Error'), outcome: 'failed', key: 'httpStatus', httpStatus: 500 },
  { name: 'answers 503', fault: () => status(503), outcome: 'failed', key: 'busy', httpStatus: 503 },
  { name: 'serves its HTML login page with 200', fault: () => ics(HTML_LOGIN, { 'content-type': 'text/html; charset=utf-8' }), outcome: 'rejected', key: 'html', httpStatus: 200 },
  { name: 'answers 200 with an empty body', fault: () => ics(''), outcome: 'rejected', key: 'empty', httpStatus: 200 },
  { name: 'answers 200 with a JSON error', fault: () => ics('{"error":"calendar temporarily unavailable"}', { 'content-type': 'application/json' }), outcome: 'rejected', key: 'notCalendar', httpStatus: 200 },
  { name: 'sends a corrupt gzip body', fault: () => ics(Buffer.from('BEGIN:VCALENDAR but not gzip at all'), { 'content-encoding': 'gzip' }), outcome: 'failed', key: 'badCompression', httpStatus: 200 },
  { name: 'sends a body over the cap, with its Content-Length', fault: () => ics(HUGE, { 'content-length': String(Buffer.byteLength(HUGE)) }), fetch: CAP, outcome: 'failed', key: 'tooLarge', httpStatus: 200 },
  { name: 'streams a body over the cap, without Content-Length', fault: () => streamed(HUGE), fetch: CAP, outcome: 'failed', key: 'tooLarge', httpStatus: 200 },
  { name: 'sends a gzip bomb', fault: () => gzipBomb(), fetch: CAP, outcome: 'failed', key: 'tooLarge', httpStatus: 200 },
];

describe('the fault campaign: a partner misbehaves during a sync round', () => {
  it.each(CASES)('$name: nothing lost or half-changed, the read recorded in words, the owner told only if they must act', async (fault) => {
    const p = await openProperty({ fetch: fault.fetch, secureGrange: fault.secure });
    const plain = await startPartner();
    plain.serve(ics(CALENDARS.grange.v2.body));
    const baseline = takeBaseline(p);
    const refused: Expectation['alerts'] = fault.refusal ? ['partnerRefused@Airbnb'] : [];
    const grangeFails = failing(CALENDARS.grange.v1, fault.outcome, fault.key, fault.httpStatus);
    const othersInRound = { fournil: inStep(CALENDARS.fournil.v2, 'updated'), bergerie: inStep(CALENDARS.bergerie.v1) };

    // The round at the interval: La Grange's partner breaks, Le Fournil's has a new booking.
    p.rooms.grange.partner.serve(fault.fault(plain));
    p.rooms.fournil.partner.serve(ics(CALENDARS.fournil.v2.body));
    await p.untilRead('grange');
    expect(checkInvariants(p, baseline, { feeds: { grange: grangeFails, ...othersInRound }, alerts: [...V2_ALERTS.fournil, ...refused] })).toEqual([]);
    const airbnb = p.loop.status().connections.find((c) => c.connectionId === p.connections.airbnb);
    expect(airbnb).toMatchObject({ state: 'failing', lastError: { key: `feeds.problem.${fault.key}` }, failingSince: p.clock.now().toISOString() });

    // Read again after the backoff, still broken: the same, and no alert raised twice.
    await p.untilRead('grange');
    expect(checkInvariants(p, baseline, { feeds: { grange: grangeFails, ...othersInRound }, alerts: [...V2_ALERTS.fournil, ...refused] })).toEqual([]);
    expect(plain.requests).toHaveLength(0);

    // The partner recovers with a changed calendar: it is applied whole, against the last good read.
    p.rooms.grange.partner.serve(ics(CALENDARS.grange.v2.body));
    await p.untilRead('grange');
    expect(checkInvariants(p, baseline, { feeds: { grange: inStep(CALENDARS.grange.v2, 'updated'), ...othersInRound }, alerts: [...V2_ALERTS.fournil, ...V2_ALERTS.grange, ...refused] })).toEqual(
      [],
    );
    expect(p.loop.status().connections.find((c) => c.connectionId === p.connections.airbnb)).toMatchObject({ state: 'ok', lastError: null });

    // Quitting waits for the reads under way: no broken answer may leave one hanging.
    expect(await closesWithin(p.loop.close(), 2000)).toBe(true);
  }, 15_000);
});
