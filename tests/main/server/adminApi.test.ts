import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHeadless, type Headless } from '../../../main/headless';
import { ADMIN_TOKEN_FILE } from '../../../main/server/adminToken';
import { snapshotTables } from '../../helpers/dbSnapshot';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let running: Headless[] = [];
let pageRoot: string;
let rendererDir: string;

beforeAll(() => {
  // A small stand-in page: these tests are about the server, not the built renderer.
  pageRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-page-'));
  rendererDir = path.join(pageRoot, 'page');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(pageRoot, 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root">page</div>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
});

afterAll(() => fs.rmSync(pageRoot, { recursive: true, force: true }));

afterEach(async () => {
  await Promise.all(running.map((h) => h.close()));
  running = [];
});

async function start(dataDir = tempDir()): Promise<Headless> {
  const headless = await startHeadless({ dataDir, port: 0, rendererDir, now: () => new Date('2026-11-21T10:00:00Z') });
  running.push(headless);
  return headless;
}

function tokenOf(h: Headless): string {
  return new URL(h.adminUrl).searchParams.get('token')!;
}

function call(h: Headless, name: string, body?: unknown, token: string | null = tokenOf(h)) {
  return fetch(`http://127.0.0.1:${h.port}/api/${name}`, {
    method: 'POST',
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const unit = { name: 'Chambre Lavande', capacity: 2, baseRateCents: 8500 };

describe('the headless admin API', () => {
  it('listens on loopback only by default and prints an admin URL carrying the token', async () => {
    const h = await start();
    expect((h.server.address() as { address: string }).address).toBe('127.0.0.1');
    expect(h.adminUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it('refuses every /api request without the right token with 401, and writes nothing', async () => {
    const h = await start();
    const before = snapshotTables(h.service.db);
    for (const token of [null, 'wrong', `${tokenOf(h)}x`, tokenOf(h).slice(1)]) {
      const res = await call(h, 'units:create', unit, token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized', key: 'errors.unauthorized' } });
    }
    // The token is checked before the method or the path mean anything.
    for (const target of ['/api/events', '/api/nonsense', '/api']) {
      expect((await fetch(`http://127.0.0.1:${h.port}${target}`)).status).toBe(401);
    }
    expect(snapshotTables(h.service.db)).toEqual(before);
  });

  it('runs a call with the token and answers with its envelope', async () => {
    const h = await start();
    const res = await call(h, 'units:create', unit);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { id: number; name: string } };
    expect(body).toMatchObject({ ok: true, value: { name: 'Chambre Lavande', capacity: 2, stock: 1 } });
    const list = (await (await call(h, 'units:list')).json()) as { value: unknown[] };
    expect(list.value).toHaveLength(1);
  });

  it('maps refusals to HTTP statuses: invalid 400, unknown call 404, malformed JSON 400, oversize 413, wrong method 405', async () => {
    const h = await start();
    const invalid = await call(h, 'units:create', { ...unit, capacity: 0 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: ['capacity'], key: 'errors.capacityMin' }] } });
    expect((await call(h, 'units:destroyEverything', {})).status).toBe(404);
    expect((await call(h, 'units:create', '{"name": ')).status).toBe(400);
    expect((await call(h, 'units:create', JSON.stringify({ ...unit, name: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
    const get = await fetch(`http://127.0.0.1:${h.port}/api/units:list`, { headers: { authorization: `Bearer ${tokenOf(h)}` } });
    expect(get.status).toBe(405);
    expect(h.service.call('units:list')).toEqual([]);
  });

  it('streams pushed events to a client holding the token', async () => {
    const h = await start();
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${h.port}/api/events`, { headers: { authorization: `Bearer ${tokenOf(h)}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    await call(h, 'units:create', unit);
    let text = '';
    while (!text.includes('event: units:changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: units:changed\ndata: {}');
    controller.abort();
  });

  it('serves the page with a strict content security policy and no referrer', async () => {
    const h = await start();
    const res = await fetch(`http://127.0.0.1:${h.port}/?token=${tokenOf(h)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const asset = await fetch(`http://127.0.0.1:${h.port}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('never serves a file outside the page folder, whatever the path', async () => {
    const h = await start();
    // Raw paths: fetch() would tidy "/../" away before sending it.
    const rawGet = (target: string) =>
      new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: h.port, path: target }, (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve(body));
          })
          .on('error', reject);
      });
    for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets/../../secret.txt']) {
      expect(await rawGet(target)).not.toContain('secret');
    }
    expect((await fetch(`http://127.0.0.1:${h.port}/`, { method: 'DELETE' })).status).toBe(405);
  });

  it('keeps one token per data folder across restarts, readable by the owner only', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const token = tokenOf(first);
    await first.close();
    running = [];
    const second = await start(dataDir);
    expect(tokenOf(second)).toBe(token);
    expect(fs.statSync(path.join(dataDir, ADMIN_TOKEN_FILE)).mode & 0o077).toBe(0);
    // 32 random bytes: far above the 128 bits asked for.
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const other = await start(tempDir());
    expect(tokenOf(other)).not.toBe(token);
  });
});
