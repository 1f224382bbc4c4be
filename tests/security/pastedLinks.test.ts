/**
 * Issue 10, security: the links an owner pastes are web links only. Every way of naming
 * something else — a file, a script, inline data, another protocol, a Windows share, a path —
 * is refused by connections:create, connections:update and connections:checkLink, with the
 * wizard's words and without one row written or one event pushed; through the headless HTTP
 * bridge too. A partner cannot get there by redirect either: the fetcher refuses to follow one
 * to another scheme. (A stored link of another scheme is refused at read time:
 * tests/main/sync/importFailures.test.ts, "a file: link", "a data: link", "an ftp: link".)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadless, type Headless } from '../../main/headless';
import { checkLink } from '../../main/channels/linkCheck';
import { createFeedFetcher } from '../../main/sync/fetchFeed';
import { snapshotTables } from '../helpers/dbSnapshot';
import { redirect, startPartner } from '../helpers/partnerServer';
import { addUnit, expectRefusedWithoutWrites, openService } from '../helpers/service';
import { useTempDirs } from '../helpers/tempDir';

const NOT_WEB = [
  'file:///etc/passwd',
  'FILE:///C:/Users/owner/calendrier.ics',
  'file://nas/partage/calendrier.ics',
  'javascript:alert(document.cookie)',
  '  JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/calendar;base64,QkVHSU46VkNBTEVOREFS',
  'ftp://ftp.partenaire.fr/cal.ics',
  'smb://nas/partage/cal.ics',
  '\\\\nas\\partage\\cal.ics',
  '//partenaire.fr/cal.ics',
  'webcal://partenaire.fr/cal.ics',
  'mailto:owner@example.fr',
  'ws://partenaire.fr/cal',
  'blob:https://partenaire.fr/3f1c',
  'about:blank',
  'chrome://settings',
  'C:\\Users\\owner\\cal.ics',
  '/etc/passwd',
  'calendrier.ics',
  'http//partenaire.fr/cal.ics',
];

const tempDir = useTempDirs();
const running: Headless[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

const notHttp = (at: (string | number)[]) => ({ issues: [{ path: at, key: 'channels.rules.notHttp' }] });

describe('a pasted link that is not http(s)', () => {
  it.each(NOT_WEB)('%j is refused by create, update and checkLink, writing and pushing nothing', (link) => {
    const harness = openService();
    const { service } = harness;
    const unit = addUnit(service);
    expectRefusedWithoutWrites(harness, () => service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: unit.id, importUrl: link }] }), notHttp(['rooms', 0, 'importUrl']));
    const connection = service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: unit.id, importUrl: 'https://www.airbnb.fr/calendar/ical/1.ics' }] });
    expectRefusedWithoutWrites(harness, () => service.call('connections:update', { id: connection.id, rooms: [{ unitId: unit.id, importUrl: link }] }), notHttp(['rooms', 0, 'importUrl']));
    expectRefusedWithoutWrites(harness, () => service.call('connections:checkLink', { url: link }), notHttp(['url']));
  });

  it('is refused the same through the headless HTTP bridge', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'page'));
    fs.writeFileSync(path.join(root, 'page', 'index.html'), '<!doctype html>');
    const h = await startHeadless({ dataDir: path.join(root, 'data'), port: 0, rendererDir: path.join(root, 'page'), sync: false });
    running.push(h);
    const unit = addUnit(h.service);
    const before = snapshotTables(h.service.db);
    const call = (name: string, input: unknown) =>
      fetch(`http://127.0.0.1:${h.port}/api/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${new URL(h.adminUrl).searchParams.get('token')}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    for (const link of NOT_WEB) {
      const created = await call('connections:create', { channel: 'booking_com', rooms: [{ unitId: unit.id, importUrl: link }] });
      expect(created.status, link).toBe(400);
      expect(await created.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', ...notHttp(['rooms', 0, 'importUrl']) } });
      expect((await call('connections:checkLink', { url: link })).status, link).toBe(400);
    }
    expect(snapshotTables(h.service.db)).toEqual(before);
  });

  it('accepts http and https, whatever their case, so the refusals above are the scheme’s doing', () => {
    const { service } = openService();
    const unit = addUnit(service);
    for (const link of ['https://www.airbnb.fr/calendar/ical/1.ics', 'HTTP://partenaire.fr/cal.ics', ' https://partenaire.fr/cal.ics?t=1 ']) {
      expect(service.call('connections:create', { channel: 'abritel', rooms: [{ unitId: unit.id, importUrl: link }] }).feeds[0]!.importUrl).toBe(link.trim());
    }
  });
});

describe('a partner redirecting elsewhere', () => {
  it.each(['file:///etc/passwd', 'ftp://ftp.partenaire.fr/cal.ics', 'data:text/calendar,BEGIN:VCALENDAR', 'javascript:alert(1)', 'smb://nas/cal.ics'])(
    'to %s is not followed: the check says so and reads nothing',
    async (location) => {
      const partner = await startPartner();
      partner.serve(redirect(location));
      const fetcher = createFeedFetcher({ connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000, deadlineMs: 3000 });
      try {
        const result = await checkLink('check-1', partner.url(), { timeZone: 'Europe/Paris', today: '2026-05-01', fetcher });
        expect(result).toMatchObject({ checkId: 'check-1', ok: false, problem: { key: 'feeds.problem.notHttp' } });
        expect(partner.requests).toHaveLength(1);
      } finally {
        await fetcher.close();
      }
    },
  );
});
