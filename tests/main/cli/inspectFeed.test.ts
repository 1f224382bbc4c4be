/**
 * `inspect-feed`, the feed doctor, through the built command line as support would run it: on
 * files of the fixture set and on links served by a partner on 127.0.0.1.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliResult } from '../../helpers/cli';
import { ics, startPartner, status } from '../../helpers/partnerServer';

const ROOT = path.resolve(__dirname, '../../..');
const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/ical', name);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { stdio: 'inherit' });
}, 180_000);

/** The CLI run without blocking this process, which serves the partner's link meanwhile. */
function runCliAsync(args: string[], lang = 'en_GB.UTF-8'): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LANG: lang, LC_ALL: lang, PIGEONNIER_LANG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ status: code, stdout, stderr }));
  });
}

describe('npm run cli -- inspect-feed', () => {
  it('prints every event of a file with its nights, kind, status, decoded text and guest, as JSON', () => {
    const result = runCli(['inspect-feed', fixture('feratel-deskline.ics'), '--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.ok).toBe(true);
    expect(output.events[0]).toEqual({
      uid: 'DL-7712093-2026@deskline.net',
      nights: ['2026-07-10', '2026-07-11', '2026-07-12', '2026-07-13', '2026-07-14', '2026-07-15', '2026-07-16'],
      kind: 'reservation',
      status: 'confirmed',
      summary: 'Réservation Gîtes de France',
      description: expect.stringContaining('Nom : DUPONT Marie\nTéléphone : +33 6 12 34 56 78'),
      guest: { name: 'DUPONT Marie', guests: 4, phone: '+33 6 12 34 56 78', email: 'marie.dupont@example.fr', reference: 'GDF-24-001234', phoneLast4: null },
    });
    expect(output.blockedNights).toHaveLength(10);
    expect(output.warnings).toEqual([]);
  });

  it('lists every blocked night with no date window, cancelled events holding none, and warnings in words', () => {
    const result = runCli(['inspect-feed', fixture('recurrence-id-override.ics'), '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, blockedNights: ['2026-07-04', '2026-07-12', '2026-07-13'] });
    const echoes = JSON.parse(runCli(['inspect-feed', fixture('our-own-echo.ics'), '--json']).stdout);
    expect(echoes.events.map((e: { uid: string }) => e.uid)).toEqual(['fv-resa-88123@france-voyage.com']);
    expect(echoes.warnings).toEqual(['2 events are Pigeonnier’s own, sent back by the partner: ignored.']);
  });

  it('reads the nights in the zone given with --tz', () => {
    const paris = JSON.parse(runCli(['inspect-feed', fixture('timed-utc.ics'), '--json']).stdout);
    const noumea = JSON.parse(runCli(['inspect-feed', fixture('timed-utc.ics'), '--tz', 'Pacific/Noumea', '--json']).stdout);
    expect(paris.events[0].nights).toEqual(['2026-07-10', '2026-07-11', '2026-07-12', '2026-07-13']);
    expect(noumea.events[0].nights).toEqual(['2026-07-11', '2026-07-12', '2026-07-13']);
  });

  it.each([
    ['html-login-page.ics', /returns a web page, not a calendar/],
    ['truncated.ics', /download was cut off/],
    ['empty.ics', /empty file/],
    ['missing.ics', /cannot be read/],
  ])('refuses %s with exit code 2 and the reason in words', (name, reason) => {
    const result = runCli(['inspect-feed', fixture(name), '--json']);
    expect(result.status).toBe(2);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['ok', 'error']);
    expect(output).toEqual({ ok: false, error: expect.stringMatching(reason) });
  });

  it('refuses a time zone that does not exist', () => {
    const result = runCli(['inspect-feed', fixture('bom.ics'), '--tz', 'Europe/Atlantis', '--json']);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).error).toContain('Europe/Atlantis');
  });

  it('reads a link from a partner, and says why a broken link is refused', async () => {
    const partner = await startPartner();
    partner.serve(ics('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@airbnb.com\r\nDTSTART;VALUE=DATE:20260710\r\nDTEND;VALUE=DATE:20260712\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'), status(404));
    const good = await runCliAsync(['inspect-feed', partner.url(), '--json']);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, blockedNights: ['2026-07-10', '2026-07-11'] });
    expect(partner.requests[0]!.headers['user-agent']!.toString()).toMatch(/^Pigeonnier\//);
    const broken = await runCliAsync(['inspect-feed', partner.url(), '--json']);
    expect(broken.status).toBe(2);
    expect(JSON.parse(broken.stdout).error).toMatch(/no longer exists .*404/);
    const ftp = await runCliAsync(['inspect-feed', 'ftp://partner.example/cal.ics', '--json']);
    expect([ftp.status, JSON.parse(ftp.stdout).error]).toEqual([2, expect.stringContaining('"ftp:"')]);
  });

  it('prints the same for a person without --json, in French when the system is French', () => {
    const english = runCli(['inspect-feed', fixture('airbnb-reserved-not-available.ics')]);
    expect(english.status).toBe(0);
    expect(english.stdout).toContain('Readable calendar: 2 events.');
    expect(english.stdout).toContain('2026-07-10 → 2026-07-13 — booking, confirmed — Reserved [1418fb94e984-8d4c0a1f3b6e@airbnb.com]');
    expect(english.stdout).toContain('reference HMABCD1234, phone ending 4321');
    expect(english.stdout).toContain('9 nights blocked: 2026-07-10 → 2026-07-13, 2026-07-20 → 2026-07-24');
    const french = runCli(['inspect-feed', fixture('html-login-page.ics')], 'fr_FR.UTF-8');
    expect(french.status).toBe(2);
    expect(french.stderr).toContain('Refusé : Ce lien renvoie une page web, pas un calendrier');
  });
});
