/**
 * Issue 10, security: in headless mode nothing but the feeds is reachable without the admin
 * token. Every call of the contract, and the event stream, is tried without it and with every
 * wrong way of giving it (another folder's token, the token in the query as the page's URL
 * carries it, in a cookie, in the body, as Basic, altered by one character); each answers 401,
 * nothing is written, nothing is pushed, no answer carries data or a CORS grant. What is served
 * without the token — the page's files and the feeds — carries none of the owner's data but
 * the nights a feed blocks. tests/main/server/adminApi.test.ts covers the bridge itself (envelope,
 * statuses, token file); this file is the closed door, call by call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_CALL_NAMES } from '../../shared/api';
import { startHeadless, type Headless } from '../../main/headless';
import { snapshotTables } from '../helpers/dbSnapshot';
import { connectChannel, partnerStay } from '../helpers/feeds';
import { rawHttp } from '../helpers/rawHttp';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const running: Headless[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

/** Strings found only in the owner's data: any of them in an answer without the token is a leak. */
const OWNER_DATA = ['Domaine des Quatre Vents', 'Suite Glycine', 'Hortense Vallombreuse', 'hortense.v@example.net', '+33 6 12 98 45 07', 'Portail code 4477', 'Bartholomew Quill'];
/** A feed is named after the property and the room (partners show it in their extranet): the rest never goes out. */
const GUEST_DATA = OWNER_DATA.slice(2);

async function start(): Promise<{ h: Headless; token: string; feedToken: string }> {
  const root = tempDir();
  const page = path.join(root, 'page');
  fs.mkdirSync(path.join(page, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(page, 'index.html'), '<!doctype html><div id="root"></div><script src="./assets/app-1.js"></script>');
  fs.writeFileSync(path.join(page, 'assets', 'app-1.js'), 'console.log("page")');
  const h = await startHeadless({ dataDir: path.join(root, 'data'), port: 0, rendererDir: page, sync: false, now: () => new Date('2026-11-21T10:00:00Z') });
  running.push(h);
  h.service.call('property:save', { name: OWNER_DATA[0]!, type: 'gite', timeZone: 'Europe/Paris' });
  const unit = h.service.call('units:create', { name: OWNER_DATA[1]!, capacity: 2, baseRateCents: 9000 });
  h.service.call('reservations:create', { unitId: unit.id, arrival: '2026-12-24', departure: '2026-12-27', guests: 2, guestName: OWNER_DATA[2]!, email: OWNER_DATA[3]!, phone: OWNER_DATA[4]!, notes: OWNER_DATA[5]! });
  const airbnb = connectChannel(h.service, [unit.id]);
  partnerStay(h.service.db, { unitId: unit.id, sourceConnectionId: airbnb.connectionId, arrival: '2027-01-02', departure: '2027-01-04', guestName: OWNER_DATA[6]! });
  return { h, token: new URL(h.adminUrl).searchParams.get('token')!, feedToken: airbnb.tokens.get(unit.id)! };
}

async function otherFolderToken(): Promise<string> {
  const other = await startHeadless({ dataDir: tempDir(), port: 0, rendererDir: tempDir(), sync: false });
  running.push(other);
  return new URL(other.adminUrl).searchParams.get('token')!;
}

function expectNothingOf(secrets: string[], text: string, what: string, adminToken: string): void {
  for (const secret of [...secrets, adminToken]) expect(text, `${what} gave away "${secret}"`).not.toContain(secret);
}

describe('headless mode without the admin token', () => {
  it('refuses every call of the contract and the event stream, however the token is offered, writing and pushing nothing', async () => {
    const { h, token } = await start();
    const other = await otherFolderToken();
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const attempts: { name: string; query?: string; headers: string; body?: string }[] = [
      { name: 'no token', headers: '' },
      { name: 'another folder’s token', headers: `Authorization: Bearer ${other}\r\n` },
      { name: 'one character changed', headers: `Authorization: Bearer ${flipped}\r\n` },
      { name: 'a prefix of it', headers: `Authorization: Bearer ${token.slice(0, 22)}\r\n` },
      { name: 'the token in the query, as the page URL carries it', query: `?token=${token}`, headers: '' },
      { name: 'the token as a cookie', headers: `Cookie: token=${token}\r\n` },
      { name: 'the token as Basic credentials', headers: `Authorization: Basic ${Buffer.from(`owner:${token}`).toString('base64')}\r\n` },
      { name: 'the token in the body', headers: 'Content-Type: application/json\r\n', body: JSON.stringify({ token }) },
      { name: 'a token header of our own invention', headers: `X-Pigeonnier-Token: ${token}\r\n` },
      { name: 'two Authorization headers, the right one second', headers: `Authorization: Bearer wrong\r\nAuthorization: Bearer ${token}\r\n` },
    ];
    const before = snapshotTables(h.service.db);
    const pushed: unknown[] = [];
    h.service.subscribe((m) => pushed.push(m));
    for (const attempt of attempts) {
      for (const name of API_CALL_NAMES) {
        const answer = await rawHttp(h.port, `/api/${name}${attempt.query ?? ''}`, 'POST', attempt.headers, attempt.body ?? '');
        expect(answer.status, `${name} with ${attempt.name}`).toBe(401);
        expect(JSON.parse(answer.body.toString())).toEqual({ ok: false, error: { code: 'unauthorized', key: 'errors.unauthorized', issues: [] } });
        expect(answer.headers['access-control-allow-origin'], `${name}: a CORS grant`).toBeUndefined();
      }
      const events = await rawHttp(h.port, `/api/events${attempt.query ?? ''}`, 'GET', attempt.headers);
      expect(events.status, `the event stream with ${attempt.name}`).toBe(401);
    }
    expect(snapshotTables(h.service.db)).toEqual(before);
    expect(pushed).toEqual([]);
    // The door does open, with the token as the page sends it: the refusals above mean something.
    const ok = await rawHttp(h.port, '/api/reservations:list', 'POST', `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\n`, '{}');
    expect(ok.status).toBe(200);
    expect(ok.body.toString()).toContain(OWNER_DATA[2]);
  }, 60_000);

  it('reaches no call through a path that only looks like another: case, encoding, dot segments, other methods', async () => {
    const { h, token } = await start();
    for (const target of ['/API/reservations:list', '/Api/reservations:list', '/%61pi/reservations:list', '/api%2freservations:list', '/x/../api/reservations:list', '/./api/reservations:list', '//api/reservations:list', '/api//reservations:list', '/api/reservations%3alist', '/api/../api/reservations:list']) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
        const answer = await rawHttp(h.port, target, method);
        expect([200, 401, 404, 405], `${method} ${target}: ${answer.status}`).toContain(answer.status);
        expectNothingOf(OWNER_DATA, answer.body.toString(), `${method} ${target}`, token);
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      }
    }
  });

  it('serves the page’s files and the feeds to anyone: the page carries no data, a feed its name and blocked nights only', async () => {
    const { h, token, feedToken } = await start();
    const open = ['/', '/index.html', '/assets/app-1.js', '/#/reservations/1', '/reservations', '/settings?token=x', `/feeds/${feedToken}.ics`];
    for (const target of open) {
      const answer = await rawHttp(h.port, target);
      expect(answer.status, target).toBe(200);
      expectNothingOf(target.startsWith('/feeds/') ? GUEST_DATA : OWNER_DATA, answer.body.toString(), target, token);
    }
    const feed = (await rawHttp(h.port, `/feeds/${feedToken}.ics`)).body.toString();
    // The feed does carry the direct booking's nights, and only as "Not available".
    expect(feed).toContain('DTSTART;VALUE=DATE:20261224');
    expect(feed.match(/^SUMMARY:.*$/gm)).toEqual(['SUMMARY:Not available']);
  });
});
