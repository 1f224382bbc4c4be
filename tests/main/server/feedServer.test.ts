import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { feedPath } from '../../../shared/outgoingFeeds';
import { connectChannel, getFeed, rawRequest, serveFeeds, type RawResponse } from '../../helpers/feeds';
import { nightsOf, parseWithIcalJs } from '../../helpers/icsNights';
import { addUnit, book, openService } from '../../helpers/service';

function setUp() {
  const harness = openService();
  const unit = addUnit(harness.service, { name: 'Chambre Lavande' });
  const { connectionId, tokens } = connectChannel(harness.service, [unit.id]);
  return { ...harness, unit, connectionId, token: tokens.get(unit.id)! };
}

/** Everything a client sees but the Date header. */
function seen(response: RawResponse) {
  const { date: _date, ...headers } = response.headers;
  return { status: response.status, headers, body: response.body };
}

describe('the feed server: GET and HEAD', () => {
  it('serves the feed as UTF-8 text/calendar with a strong ETag, Last-Modified and no-cache', async () => {
    const { service, unit, token } = setUp();
    book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    const { port } = await serveFeeds(service);
    const response = await getFeed(port, token);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers['last-modified']).toBe('Fri, 01 May 2026 10:00:00 GMT');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    expect(nightsOf(parseWithIcalJs(response.body))).toEqual(['2026-07-10', '2026-07-11', '2026-07-12']);
  });

  it('answers HEAD with the same headers as GET and no body', async () => {
    const { service, token } = setUp();
    const { port } = await serveFeeds(service);
    const get = await getFeed(port, token);
    const head = await rawRequest(port, feedPath(token), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(seen(head).headers).toEqual(seen(get).headers);
  });

  it('answers 304 to If-None-Match with the current ETag (or *), and the full feed once it changed', async () => {
    const { service, unit, token } = setUp();
    const { port } = await serveFeeds(service);
    const first = await getFeed(port, token);
    const etag = first.headers.etag!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await getFeed(port, token, { 'if-none-match': header });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
    }
    expect((await getFeed(port, token, { 'if-none-match': '"something-else"' })).status).toBe(200);

    book(service, { unitId: unit.id, arrival: '2026-08-01', departure: '2026-08-03' });
    const changed = await getFeed(port, token, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(nightsOf(parseWithIcalJs(changed.body))).toEqual(['2026-08-01', '2026-08-02']);
  });

  it('answers If-Modified-Since, and a change within the same second still moves Last-Modified forward', async () => {
    const { service, unit, token } = setUp();
    const { port } = await serveFeeds(service);
    const first = await getFeed(port, token);
    const since = first.headers['last-modified']!;
    expect((await getFeed(port, token, { 'if-modified-since': since })).status).toBe(304);
    expect((await getFeed(port, token, { 'if-modified-since': 'Fri, 01 May 2026 09:59:59 GMT' })).status).toBe(200);
    // The clock has not moved, the content has: a client holding `since` must get it.
    book(service, { unitId: unit.id, arrival: '2026-08-01', departure: '2026-08-03' });
    const changed = await getFeed(port, token, { 'if-modified-since': since });
    expect(changed.status).toBe(200);
    expect(Date.parse(changed.headers['last-modified']!)).toBeGreaterThan(Date.parse(since));
  });
});

describe('the feed server: refusals', () => {
  it('gives the same bare 404 for an unknown token, malformed paths and traversal attempts', async () => {
    const { service, token } = setUp();
    const { port } = await serveFeeds(service);
    const unknown = await getFeed(port, 'A'.repeat(32));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toBe('');
    const paths = [
      '/feeds/',
      '/feeds',
      `/feeds/${token}`,
      `/feeds/${token}.ICS`,
      `/feeds/${token}.ics/`,
      `/feeds/${token}.ics/extra`,
      `/feeds//${token}.ics`,
      `/feeds/${token.slice(0, 10)}.ics`,
      `/feeds/%${token.slice(1)}.ics`,
      `/feeds/../feeds/${token}.ics`,
      `/x/../feeds/${token}.ics`,
      `/feeds/%2e%2e/feeds/${token}.ics`,
      `/feeds/..%2f${token}.ics`,
      '/feeds/../../../../etc/passwd',
      '/feeds/..\\..\\pigeonnier.sqlite',
      `/FEEDS/${token}.ics`,
      '/',
      '/api/units:list',
      '/pigeonnier.sqlite',
    ];
    for (const path of paths) {
      const response = await rawRequest(port, path);
      expect(seen(response), path).toEqual(seen(unknown));
    }
  });

  it('refuses other methods with 405 and Allow, whether or not the token exists', async () => {
    const { service, token } = setUp();
    const { port } = await serveFeeds(service);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of [feedPath(token), feedPath('B'.repeat(32)), '/anything']) {
        const response = await rawRequest(port, path, method);
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.allow).toBe('GET, HEAD');
        expect(response.body).toBe('');
      }
    }
  });

  it('stops serving the old link at once when the owner regenerates the token', async () => {
    const { service, unit, connectionId, token } = setUp();
    const { port } = await serveFeeds(service);
    const before = await getFeed(port, token);
    expect(before.status).toBe(200);
    const link = service.call('feeds:regenerateToken', { connectionId, unitId: unit.id });
    const newToken = /\/feeds\/([^/]+)\.ics$/.exec(link.url)![1]!;
    expect(newToken).not.toBe(token);
    expect((await getFeed(port, token)).status).toBe(404);
    const after = await getFeed(port, newToken);
    expect(after.status).toBe(200);
    expect(after.body).toBe(before.body);
  });

  it('stops serving a link whose export is switched off or whose connection was removed', async () => {
    const { service, unit, connectionId, token } = setUp();
    const { port } = await serveFeeds(service);
    expect((await getFeed(port, token)).status).toBe(200);
    service.db.prepare('UPDATE feeds SET export_enabled = 0 WHERE connection_id = ?').run(connectionId);
    expect((await getFeed(port, token)).status).toBe(404);
    service.db.prepare('UPDATE feeds SET export_enabled = 1 WHERE connection_id = ?').run(connectionId);
    service.db.prepare("UPDATE channel_connections SET status = 'removed' WHERE id = ?").run(connectionId);
    expect((await getFeed(port, token)).status).toBe(404);
    expect(service.call('feeds:list').filter((l) => l.unitId === unit.id)).toEqual([]);
  });
});

/** Resolves with how long the server took to close a socket that behaves as `behave` says. */
function timeUntilClosed(port: number, behave: (socket: net.Socket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => behave(socket));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Date.now() - started));
    setTimeout(() => reject(new Error('the server never closed the connection')), 5_000).unref();
  });
}

describe('the feed server: slow and greedy clients', () => {
  it('cuts off a client that never finishes its request headers', async () => {
    const { service } = setUp();
    const { port } = await serveFeeds(service, { headersTimeoutMs: 400, idleTimeoutMs: 10_000 });
    const elapsed = await timeUntilClosed(port, (socket) => {
      socket.write('GET /feeds/');
      // One more byte now and then: never idle, never done.
      const drip = setInterval(() => socket.writable && socket.write('a'), 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('closes a connection that says nothing', async () => {
    const { service } = setUp();
    const { port } = await serveFeeds(service, { headersTimeoutMs: 10_000, idleTimeoutMs: 400 });
    const elapsed = await timeUntilClosed(port, () => undefined);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('refuses connections beyond the cap and serves again once one closes', async () => {
    const { service, token } = setUp();
    const { port, server } = await serveFeeds(service, { maxConnections: 3, idleTimeoutMs: 10_000, headersTimeoutMs: 10_000 });
    const idle = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
          }),
      ),
    );
    await expect(getFeed(port, token)).rejects.toThrow(/socket hang up|ECONNRESET/);
    idle[0]!.destroy();
    // The server learns of the close asynchronously.
    await new Promise<void>((resolve) => {
      const check = () => server.getConnections((_e, count) => (count < 3 ? resolve() : setTimeout(check, 10)));
      check();
    });
    expect((await getFeed(port, token)).status).toBe(200);
    for (const socket of idle) socket.destroy();
  });
});
