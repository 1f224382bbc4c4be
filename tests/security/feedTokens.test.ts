/**
 * Issue 10, security: outgoing feed links are unguessable and revocable. A token is 192 bits
 * taken straight from node:crypto's randomBytes (proved by watching randomBytes, not by trusting
 * the source), every link the app mints is its own, only the exact token opens a feed, and the
 * owner can take a link back: removing a connection or switching its export off closes every
 * room's link at once. Regenerating one link (old 404, new 200, same bytes) is covered in
 * tests/main/server/feedServer.test.ts ("stops serving the old link at once …").
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { FEED_TOKEN_PATTERN } from '../../shared/outgoingFeeds';
import { newFeedToken } from '../../main/channels/feedToken';
import { getFeed, serveFeeds } from '../helpers/feeds';
import { addUnit, book, openService } from '../helpers/service';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});

/** base64url of every buffer randomBytes has handed out so far. */
function randomOutputs(): Set<string> {
  return new Set(vi.mocked(randomBytes).mock.results.map((r) => (r.value as Buffer).toString('base64url')));
}

function tokenOf(url: string): string {
  return /\/feeds\/([^/]+)\.ics$/.exec(url)![1]!;
}

describe('feed tokens', () => {
  it('are at least 128 bits straight from node:crypto, in URL-safe letters', () => {
    vi.mocked(randomBytes).mockClear();
    const token = newFeedToken();
    const calls = vi.mocked(randomBytes).mock.calls;
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBeGreaterThanOrEqual(16);
    expect((vi.mocked(randomBytes).mock.results[0]!.value as Buffer).toString('base64url')).toBe(token);
    expect(token).toMatch(FEED_TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('show no pattern over thousands: every bit set about half the time, never the same token twice', () => {
    const tokens = Array.from({ length: 2000 }, () => newFeedToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    const bits = Buffer.from(tokens[0]!, 'base64url').length * 8;
    const ones = new Array<number>(bits).fill(0);
    for (const token of tokens) {
      const bytes = Buffer.from(token, 'base64url');
      for (let bit = 0; bit < bits; bit++) ones[bit]! += (bytes[bit >> 3]! >> (bit & 7)) & 1;
    }
    // 2000 fair coins: 1000 ± 4.5 standard deviations; a counter, a clock or a constant byte fails.
    for (const count of ones) expect(Math.abs(count - 1000)).toBeLessThan(100);
  });

  it('are all minted by randomBytes and all different, for every room of every connection and every regeneration', () => {
    const { service } = openService();
    const units = [addUnit(service, { name: 'Lavande' }), addUnit(service, { name: 'Tilleul' }), addUnit(service, { name: 'Glycine' })];
    for (const channel of ['airbnb', 'booking_com', 'abritel', 'france_voyage', 'feratel_deskline'] as const) {
      service.call('connections:create', { channel, rooms: units.map((u) => ({ unitId: u.id, importEnabled: false })) });
    }
    const first = service.call('feeds:list').map((l) => tokenOf(l.url));
    const regenerated = service.call('feeds:list').map((l) => tokenOf(service.call('feeds:regenerateToken', { connectionId: l.connectionId, unitId: l.unitId }).url));
    const all = [...first, ...regenerated];
    expect(first).toHaveLength(15);
    expect(new Set(all).size).toBe(all.length);
    const minted = randomOutputs();
    for (const token of all) expect(minted.has(token), `${token} was not made by randomBytes`).toBe(true);
  });
});

describe('a feed link', () => {
  async function served() {
    const harness = openService();
    const { service } = harness;
    const units = [addUnit(service, { name: 'Lavande' }), addUnit(service, { name: 'Tilleul' })];
    for (const unit of units) book(service, { unitId: unit.id, arrival: '2026-06-10', departure: '2026-06-12' });
    const connection = service.call('connections:create', { channel: 'airbnb', rooms: units.map((u) => ({ unitId: u.id, importEnabled: false })) });
    const links = service.call('feeds:list').map((l) => ({ ...l, token: tokenOf(l.url) }));
    const { port } = await serveFeeds(service);
    return { service, connection, links, port, units };
  }

  it('opens only with the exact token, and never says the token back', async () => {
    const { links, port } = await served();
    const { token } = links[0]!;
    const answer = await getFeed(port, token);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.headers) + answer.body).not.toContain(token);
    const swapCase = [...token].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    const variants = [
      token.toUpperCase(),
      token.toLowerCase(),
      swapCase,
      token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
      token.slice(1),
      `${token}A`,
      encodeURIComponent(token).replace(/[A-Za-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`),
      links[1]!.token.slice(0, 16) + token.slice(16),
    ].filter((v) => v !== token);
    for (const variant of variants) expect((await getFeed(port, variant)).status, variant).toBe(404);
  });

  it('is taken back at once when the owner removes the connection: every room’s link, for good', async () => {
    const { service, connection, links, port, units } = await served();
    for (const link of links) expect((await getFeed(port, link.token)).status).toBe(200);
    service.call('connections:remove', { id: connection.id });
    for (const link of links) expect((await getFeed(port, link.token)).status, link.unit).toBe(404);
    // Connecting the same channel again makes new links; the old ones stay dead.
    service.call('connections:create', { channel: 'airbnb', rooms: units.map((u) => ({ unitId: u.id, importEnabled: false })) });
    const fresh = service.call('feeds:list').map((l) => tokenOf(l.url));
    expect(fresh).toHaveLength(links.length);
    for (const link of links) {
      expect(fresh).not.toContain(link.token);
      expect((await getFeed(port, link.token)).status).toBe(404);
    }
  });

  it('closes when its export is switched off, and stays served while the connection is only paused', async () => {
    const { service, connection, links, port } = await served();
    const [lavande, tilleul] = links;
    service.call('connections:update', { id: connection.id, status: 'paused' });
    // Paused: not read, but partners keep seeing the closed nights.
    expect((await getFeed(port, lavande!.token)).status).toBe(200);
    service.call('connections:update', { id: connection.id, rooms: [{ unitId: lavande!.unitId, exportEnabled: false }] });
    expect((await getFeed(port, lavande!.token)).status).toBe(404);
    expect((await getFeed(port, tilleul!.token)).status).toBe(200);
  });
});
