import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startServe } from '../../helpers/cli';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

interface Row {
  id: number;
  unitId: number;
  sourceConnectionId: number | null;
  arrival: string;
  departure: string;
  status: string;
  guests: number;
  guestName: string;
  email: string | null;
  phone: string | null;
  amountCents: number;
}

describe('npm run cli -- demo / reservations', () => {
  it('fills an empty folder with a demo whose bookings `reservations --json` lists', () => {
    const data = path.join(tempDir(), 'data');
    const demo = runCli(['demo', '--data', data]);
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('3 rooms');

    const listed = runCli(['reservations', '--data', data, '--json']);
    expect(listed.status).toBe(0);
    const rows = JSON.parse(listed.stdout) as Row[];
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      expect(row).toMatchObject({ sourceConnectionId: null, guestName: expect.any(String), status: expect.stringMatching(/^(confirmed|pending)$/) });
      expect(row.arrival < row.departure).toBe(true);
      expect(row.amountCents).toBeGreaterThan(0);
    }
    expect(rows.some((r) => r.email?.includes('@') && r.phone)).toBe(true);
    // Over the coming three months, in three rooms.
    expect(new Set(rows.map((r) => r.unitId)).size).toBe(3);
    const today = new Date().toISOString().slice(0, 10);
    const inThreeMonths = new Date(Date.now() + 95 * 86_400_000).toISOString().slice(0, 10);
    expect(rows.every((r) => r.arrival >= today && r.arrival <= inThreeMonths)).toBe(true);
  });

  it('refuses to run the demo on a folder that already holds data, and changes nothing', () => {
    const data = path.join(tempDir(), 'data');
    expect(runCli(['demo', '--data', data]).status).toBe(0);
    const before = runCli(['reservations', '--data', data, '--json']).stdout;
    const again = runCli(['demo', '--data', data]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a schedule');
    expect(runCli(['reservations', '--data', data, '--json']).stdout).toBe(before);
  });

  it('exports CSV for a French accountant: BOM, semicolons, decimal commas, French headers', () => {
    const data = path.join(tempDir(), 'data');
    runCli(['demo', '--data', data]);
    const csv = runCli(['reservations', '--data', data, '--csv'], 'fr_FR.UTF-8');
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFDossier;N° chambre;Chambre;')).toBe(true);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines.length).toBe(1 + (JSON.parse(runCli(['reservations', '--data', data, '--json']).stdout) as Row[]).length);
    expect(lines[1]).toMatch(/;\d+,\d{2};/);
  });

  it('asks for exactly one output format', () => {
    const data = path.join(tempDir(), 'data');
    const neither = runCli(['reservations', '--data', data]);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('--json or --csv');
  });

  it('refuses a database written by a newer Pigeonnier and leaves it byte for byte as it was', () => {
    const data = path.join(tempDir(), 'data');
    fs.mkdirSync(data);
    const file = path.join(data, 'pigeonnier.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const bytes = fs.readFileSync(file);
    const result = runCli(['reservations', '--data', data, '--json'], 'fr_FR.UTF-8');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('schéma 999');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('npm run cli -- serve', () => {
  it('on an empty folder prints the admin URL, serves the page, refuses /api without the token, and stops cleanly on SIGTERM', async () => {
    const data = path.join(tempDir(), 'data');
    const serve = await startServe(['--data', data, '--port', '0']);
    try {
      const url = new URL(serve.adminUrl);
      expect(url.hostname).toBe('127.0.0.1');
      const page = await fetch(serve.adminUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
      expect((await fetch(new URL('/api/units:list', url), { method: 'POST' })).status).toBe(401);
      const ok = await fetch(new URL('/api/units:list', url), { method: 'POST', headers: { authorization: `Bearer ${url.searchParams.get('token')}` } });
      expect(await ok.json()).toEqual({ ok: true, value: [] });
    } finally {
      expect(await serve.stop('SIGTERM')).toBe(0);
    }
    expect(serve.output()).toContain('SIGTERM');
  });

  it('stops cleanly on SIGINT too', async () => {
    const serve = await startServe(['--data', path.join(tempDir(), 'data'), '--port', '0']);
    expect(await serve.stop('SIGINT')).toBe(0);
  });

  it('refuses a port that is not a number', () => {
    const result = runCli(['serve', '--data', path.join(tempDir(), 'data'), '--port', 'eighty']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"eighty" is not a port number');
  });
});
