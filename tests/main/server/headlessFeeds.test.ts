/**
 * Headless mode serves the feeds on its own port under /feeds/, with the feed's token only;
 * the admin API beside them keeps its own token, and nothing under /feeds/ falls through to
 * the page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHeadless, type Headless } from '../../../main/headless';
import type { OutgoingFeedLink } from '../../../shared/outgoingFeeds';
import { connectChannel, rawRequest } from '../../helpers/feeds';
import { nightsOf, parseWithIcalJs } from '../../helpers/icsNights';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let rendererDir: string;
let running: Headless[] = [];

beforeAll(() => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-page-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root">page</div>');
});
afterAll(() => fs.rmSync(rendererDir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(running.map((h) => h.close()));
  running = [];
});

async function start(): Promise<{ headless: Headless; token: string; adminToken: string }> {
  const headless = await startHeadless({ dataDir: tempDir(), port: 0, rendererDir, now: () => new Date('2026-11-21T10:00:00Z') });
  running.push(headless);
  const unit = headless.service.call('units:create', { name: 'Chambre Lavande', capacity: 2, baseRateCents: 8500 });
  headless.service.call('reservations:create', { unitId: unit.id, arrival: '2026-12-24', departure: '2026-12-26', guests: 2, guestName: 'Camille Martin' });
  const { tokens } = connectChannel(headless.service, [unit.id]);
  return { headless, token: tokens.get(unit.id)!, adminToken: new URL(headless.adminUrl).searchParams.get('token')! };
}

describe('feeds in headless mode', () => {
  it('serves /feeds/<token>.ics on the same port as the page, without the admin token', async () => {
    const { headless, token } = await start();
    const response = await rawRequest(headless.port, `/feeds/${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(nightsOf(parseWithIcalJs(response.body))).toEqual(['2026-12-24', '2026-12-25']);
    expect((await rawRequest(headless.port, `/feeds/${token}.ics`, 'GET', { 'if-none-match': response.headers.etag! })).status).toBe(304);
  });

  it('gives a bare 404 — never the page — for unknown tokens, malformed paths and traversal', async () => {
    const { headless, token } = await start();
    for (const p of ['/feeds/', '/feeds', `/feeds/${'C'.repeat(32)}.ics`, `/feeds/${token}`, `/feeds/../feeds/${token}.ics`, `/x/../feeds/${token}.ics`, '/feeds/../index.html', '/feeds/%2e%2e/index.html']) {
      const response = await rawRequest(headless.port, p);
      expect(response.status, p).toBe(404);
      expect(response.body, p).toBe('');
    }
    expect((await rawRequest(headless.port, `/feeds/${token}.ics`, 'POST')).status).toBe(405);
    // The page and the admin API are as they were.
    expect((await rawRequest(headless.port, '/')).body).toContain('<div id="root">');
    expect((await rawRequest(headless.port, '/api/feeds:list', 'POST')).status).toBe(401);
  });

  it('lists, through the admin API, links that point at this server and work', async () => {
    const { headless, adminToken } = await start();
    const answer = await rawRequest(headless.port, '/api/feeds:list', 'POST', { authorization: `Bearer ${adminToken}` });
    const links = (JSON.parse(answer.body) as { ok: true; value: OutgoingFeedLink[] }).value;
    expect(links).toHaveLength(1);
    const url = new URL(links[0]!.url);
    expect(url.origin).toBe(`http://127.0.0.1:${headless.port}`);
    expect((await rawRequest(headless.port, url.pathname)).status).toBe(200);
  });
});
