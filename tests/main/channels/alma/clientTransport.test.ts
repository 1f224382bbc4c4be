/**
 * The Alma Heritage client when the transport fails, against a local fake (./fakeAlma.ts): HTTP
 * errors and the waits they ask for, servers that never answer or stop half-way, connections
 * reset or refused, answers that are not OTA (HTML, oversized, not UTF-8), and a service
 * address that is not http(s). Each is a failure in words, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { raw, reset, silent, status } from '../../../helpers/partnerServer';
import { createAlmaClient } from '../../../../main/channels/alma/client';
import { alma, clients, document, failureOf, ota, stock, success, useFakeAlma, type Received } from './fakeAlma';

useFakeAlma();

describe('transport failures', () => {
  it('HTTP 500: an http failure, no wait asked', async () => {
    const { client } = await alma(status(500, {}, 'Internal Server Error'));
    expect(failureOf(await client.pushStock(stock(1)))).toEqual({ kind: 'http', status: 500, retryAfterMs: null, message: { key: 'alma.errors.httpStatus', params: { status: 500 } } });
  });

  it('429 with Retry-After in seconds, 503 with an HTTP date, 429 without', async () => {
    const { client, partner } = await alma(status(429, { 'retry-after': '120' }));
    expect(failureOf(await client.pushStock(stock(1)))).toEqual({
      kind: 'http',
      status: 429,
      retryAfterMs: 120_000,
      message: { key: 'alma.errors.busyWait', params: { status: 429, seconds: 120 } },
    });
    partner.serve(status(503, { 'retry-after': 'Sat, 21 Nov 2026 09:05:00 GMT' }));
    const later = failureOf(await client.pushStock(stock(1)));
    expect(later.kind === 'http' && later.retryAfterMs).toBe(5 * 60_000 - 123);
    partner.serve(status(429));
    expect(failureOf(await client.pushStock(stock(1)))).toMatchObject({ kind: 'http', status: 429, retryAfterMs: null, message: { key: 'alma.errors.busy' } });
  });

  it('a server that never answers: a timeout within the deadline', async () => {
    const { client } = await alma(silent(), {}, { timeoutMs: 300 });
    const started = Date.now();
    const failure = failureOf(await client.ping());
    expect(failure.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an answer that stops half-way: a timeout, not a hang', async () => {
    const { client } = await alma((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<OTA_PingRS>');
    }, {}, { timeoutMs: 300 });
    expect(failureOf(await client.ping()).kind).toBe('timeout');
  });

  it('a connection reset before any answer: a network failure', async () => {
    const { client } = await alma(reset());
    expect(failureOf(await client.ping()).kind).toBe('network');
  });

  it('a connection cut in the middle of the answer: network, the answer cut off', async () => {
    const { client } = await alma(raw('HTTP/1.1 200 OK\r\ncontent-type: application/xml\r\ncontent-length: 1000\r\n\r\n<OTA_PingRS EchoToken="x">'));
    expect(failureOf(await client.ping())).toEqual({ kind: 'network', message: { key: 'alma.errors.truncated' } });
  });

  it('nobody listening: the connection is refused', async () => {
    const { partner } = await alma(success());
    const url = partner.url('/ota');
    await partner.close();
    const client = createAlmaClient({ serviceUrl: url, propertyCode: 'A', userName: 'u', password: 'p' }, { timeoutMs: 2000 });
    clients.push(client);
    expect(failureOf(await client.ping())).toEqual({ kind: 'network', message: { key: 'alma.errors.refused' } });
  });

  it('an HTML page with 200 (a login or maintenance page)', async () => {
    const { client } = await alma(status(200, { 'content-type': 'text/html' }, '<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>'));
    expect(failureOf(await client.pushStock(stock(1)))).toEqual({ kind: 'malformed', message: { key: 'alma.errors.html' } });
  });

  it('an oversized answer is not read, with or without a declared length', async () => {
    const big = `<OTA_PingRS>${'x'.repeat(5 * 1024 * 1024)}</OTA_PingRS>`;
    const { client, partner } = await alma(status(200, { 'content-type': 'application/xml' }, big));
    expect(failureOf(await client.ping())).toEqual({ kind: 'malformed', message: { key: 'alma.errors.tooLarge', params: { megabytes: 5 } } });
    partner.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }); // chunked: no length known up front
      for (let i = 0; i < 6; i++) res.write('x'.repeat(1024 * 1024));
      res.end();
    });
    expect(failureOf(await client.ping()).message.key).toBe('alma.errors.tooLarge');
  });

  it('an answer that is not UTF-8 is refused, a UTF-8 one with accents is read', async () => {
    const latin1 = (request: Received) => ({ body: Buffer.from(document(request, '<Errors><Error Type="3" Code="321" ShortText="Réservation"/></Errors>'), 'latin1') });
    const { client, partner } = await alma(ota(latin1));
    expect(failureOf(await client.ping()).message.key).toBe('alma.errors.notUtf8');
    partner.serve(ota((request) => ({ body: Buffer.from(document(request, '<Errors><Error Type="3" Code="321" ShortText="Réservation"/></Errors>'), 'utf8') })));
    expect(failureOf(await client.ping())).toMatchObject({ kind: 'partner', errors: [{ shortText: 'Réservation' }] });
  });

  it('refuses a service address that is not http(s) without connecting', async () => {
    for (const [serviceUrl, key] of [['ftp://alma.example/ota', 'alma.errors.notHttp'], ['not a url', 'alma.errors.badUrl']] as const) {
      const client = createAlmaClient({ serviceUrl, propertyCode: 'A', userName: 'u', password: 'p' });
      clients.push(client);
      expect(failureOf(await client.ping())).toMatchObject({ kind: 'network', message: { key } });
    }
  });
});
