/**
 * The fetcher against a real partner on 127.0.0.1: what it sends, what it follows, what it
 * refuses, and the reason it gives. Timeouts are shortened; everything else is as in the app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFeedFetcher, retryAfter, USER_AGENT, type FeedFetcher, type FetchOptions } from '../../../main/sync/fetchFeed';
import { drip, gzipped, ics, PARTNER_CA, raw, redirect, silent, startPartner, status } from '../../helpers/partnerServer';

const CALENDAR = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const NO_VALIDATORS = { etag: null, lastModified: null };
const NOW = new Date('2026-05-01T10:00:00.000Z');

const fetchers: FeedFetcher[] = [];
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});

function fetcher(options: Partial<FetchOptions> = {}): FeedFetcher {
  const made = createFeedFetcher({ ca: PARTNER_CA, connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000, deadlineMs: 3000, ...options }, () => NOW);
  fetchers.push(made);
  return made;
}

describe('fetching a partner calendar', () => {
  it('sends the User-Agent Pigeonnier/<version> and accepts gzip, then reads a gzipped body', async () => {
    const partner = await startPartner();
    partner.serve(gzipped(CALENDAR));
    const result = await fetcher()(partner.url(), NO_VALIDATORS);
    expect(result).toMatchObject({ kind: 'ok', status: 200 });
    expect(Buffer.from((result as { body: Uint8Array }).body).toString()).toBe(CALENDAR);
    expect(USER_AGENT).toMatch(/^Pigeonnier\/\d+\.\d+\.\d+$/);
    expect(partner.requests[0]!.headers['user-agent']!.toString()).toBe(USER_AGENT);
    expect(partner.requests[0]!.headers['accept-encoding']!.toString()).toContain('gzip');
  });

  it('replays the validators byte for byte, bytes above 0x7F included, and reports 304', async () => {
    const partner = await startPartner();
    const etag = Buffer.from([0x57, 0x2f, 0x22, 0x61, 0xe9, 0x2d, 0x31, 0x22]); // W/"aé-1" in latin-1
    partner.serve(
      raw(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nETag: '), etag, Buffer.from(`\r\nLast-Modified: Fri, 01 May 2026 08:00:00 GMT\r\nContent-Length: ${CALENDAR.length}\r\nConnection: close\r\n\r\n${CALENDAR}`)])),
      status(304),
    );
    const fetch = fetcher();
    const first = await fetch(partner.url(), NO_VALIDATORS);
    if (first.kind !== 'ok') throw new Error(first.kind);
    const second = await fetch(partner.url(), { etag: first.etag, lastModified: first.lastModified });
    expect(second).toEqual({ kind: 'notModified', status: 304 });
    expect(partner.requests[1]!.headers['if-none-match']).toEqual(etag);
    expect(partner.requests[1]!.headers['if-modified-since']!.toString()).toBe('Fri, 01 May 2026 08:00:00 GMT');
  });

  it.each(['file:///etc/passwd', 'data:text/calendar,BEGIN:VCALENDAR', 'ftp://partner.example/cal.ics', 'javascript:alert(1)'])('refuses %s: web links only', async (url) => {
    const result = await fetcher()(url, NO_VALIDATORS);
    expect(result).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.notHttp' } });
  });

  it('follows up to five redirects, relative ones included', async () => {
    const partner = await startPartner();
    partner.serve(redirect('/2'), redirect(`${partner.origin}/3`), redirect('4', 301), redirect('/5', 307), redirect('/6', 308), ics(CALENDAR));
    const result = await fetcher()(partner.url('/1'), NO_VALIDATORS);
    expect(result).toMatchObject({ kind: 'ok' });
    expect(partner.requests.map((r) => r.path)).toEqual(['/1', '/2', '/3', '/4', '/5', '/6']);
  });

  it('stops at the sixth redirect', async () => {
    const partner = await startPartner();
    partner.serve(...[2, 3, 4, 5, 6, 7].map((n) => redirect(`/${n}`)), ics(CALENDAR));
    expect(await fetcher()(partner.url('/1'), NO_VALIDATORS)).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.tooManyRedirects', params: { max: 5 } } });
  });

  it('recognises a redirect loop', async () => {
    const partner = await startPartner();
    partner.serve(redirect('/b'), redirect('/a'));
    expect(await fetcher()(partner.url('/a'), NO_VALIDATORS)).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.redirectLoop' } });
    expect(partner.requests).toHaveLength(2);
  });

  it('follows https to https, but never https to http', async () => {
    const secure = await startPartner({ tls: true });
    const plain = await startPartner();
    plain.serve(ics(CALENDAR));
    secure.serve(redirect('/moved'), ics(CALENDAR));
    expect(await fetcher()(secure.url(), NO_VALIDATORS)).toMatchObject({ kind: 'ok' });
    secure.serve(redirect(plain.url()));
    expect(await fetcher()(secure.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.insecureRedirect' } });
    expect(plain.requests).toHaveLength(0);
  });

  it('refuses a certificate it does not trust', async () => {
    const secure = await startPartner({ tls: true });
    const untrusting = createFeedFetcher({ headersTimeoutMs: 1000 }, () => NOW);
    fetchers.push(untrusting);
    expect(await untrusting(secure.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.tls' } });
  });

  it('gives up on a partner that never answers, after the headers timeout', async () => {
    const partner = await startPartner();
    partner.serve(silent());
    expect(await fetcher({ headersTimeoutMs: 300 })(partner.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', status: null, problem: { key: 'feeds.problem.timeout', params: { seconds: 1 } } });
  });

  it('stops a slow drip at the total deadline, though every chunk beats the idle timeout', async () => {
    const partner = await startPartner();
    partner.serve(drip(50));
    const started = Date.now();
    const result = await fetcher({ bodyTimeoutMs: 2000, deadlineMs: 600 })(partner.url(), NO_VALIDATORS);
    expect(result).toMatchObject({ kind: 'failed', status: 200, problem: { key: 'feeds.problem.deadline' } });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports a pause in the middle of the body as stalled', async () => {
    const partner = await startPartner();
    partner.serve(drip(5000));
    expect(await fetcher({ bodyTimeoutMs: 300 })(partner.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.stalled' } });
  });

  it('refuses a body over the cap, announced or streamed, and a gzip bomb', async () => {
    const partner = await startPartner();
    const big = `BEGIN:VCALENDAR\r\n${'X-PADDING:0123456789abcdef\r\n'.repeat(4000)}END:VCALENDAR\r\n`;
    const chunked = (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write(big.slice(0, 50_000));
      res.end(big.slice(50_000));
    };
    // ics() alone would send the body chunked: the Content-Length is given so the announced size is what is refused.
    partner.serve(ics(big, { 'content-length': String(Buffer.byteLength(big)) }), chunked, gzipped(big));
    const fetch = fetcher({ maxBytes: 64 * 1024 });
    for (let i = 0; i < 3; i++) expect(await fetch(partner.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.tooLarge' } });
  });

  it('calls a connection dropped mid-body a cut-off download', async () => {
    const partner = await startPartner();
    partner.serve(raw(`HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: 5000\r\n\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n`));
    expect(await fetcher()(partner.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', status: 200, problem: { key: 'feeds.problem.truncated' } });
  });

  it('reports HTTP errors in words the owner can act on', async () => {
    const partner = await startPartner();
    partner.serve(status(500), status(404), status(403), status(410));
    const fetch = fetcher();
    const keys = [];
    for (let i = 0; i < 4; i++) keys.push(await fetch(partner.url(), NO_VALIDATORS));
    expect(keys.map((r) => (r.kind === 'failed' ? [r.status, r.problem.key] : r.kind))).toEqual([
      [500, 'feeds.problem.httpStatus'],
      [404, 'feeds.problem.notFound'],
      [403, 'feeds.problem.forbidden'],
      [410, 'feeds.problem.notFound'],
    ]);
  });

  it('honours Retry-After on 429 and 503, in seconds or as a date', async () => {
    const partner = await startPartner();
    partner.serve(status(429, { 'retry-after': '120' }), status(503, { 'retry-after': 'Fri, 01 May 2026 11:00:00 GMT' }), status(429));
    const fetch = fetcher();
    expect(await fetch(partner.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', status: 429, retryAt: new Date('2026-05-01T10:02:00.000Z'), problem: { key: 'feeds.problem.busyWait', params: { seconds: 120 } } });
    expect(await fetch(partner.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', status: 503, retryAt: new Date('2026-05-01T11:00:00.000Z') });
    expect(await fetch(partner.url(), NO_VALIDATORS)).toMatchObject({ kind: 'failed', status: 429, retryAt: null, problem: { key: 'feeds.problem.busy' } });
    expect(retryAfter('soon', NOW)).toBeNull();
  });

  it('says so when nothing listens at the address', async () => {
    const partner = await startPartner();
    const url = partner.url();
    await partner.close();
    expect(await fetcher()(url, NO_VALIDATORS)).toMatchObject({ kind: 'failed', problem: { key: 'feeds.problem.refused' } });
  });
});
