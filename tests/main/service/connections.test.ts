import { describe, expect, it } from 'vitest';
import type { ApiEventMessage } from '../../../shared/api';
import type { LinkCheckResult } from '../../../shared/channelPresets';
import { addUnit, book, expectRefusedWithoutWrites, openService, type Harness } from '../../helpers/service';
import { ics, startPartner, status } from '../../helpers/partnerServer';

const FEED = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//France-Voyage//FR'];
function event(uid: string, start: string, end: string, summary: string): string[] {
  return ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260501T100000Z', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, `SUMMARY:${summary}`, 'END:VEVENT'];
}
const calendar = (...events: string[][]) => [...FEED, ...events.flat(), 'END:VCALENDAR', ''].join('\r\n');

function waitForCheck(harness: Harness, checkId: string): Promise<LinkCheckResult> {
  return new Promise((resolve) => {
    const found = () => harness.events.find((m): m is ApiEventMessage<'connections:linkChecked'> => m.event === 'connections:linkChecked' && (m.payload as LinkCheckResult).checkId === checkId);
    const poll = () => {
      const hit = found();
      if (hit) resolve(hit.payload);
      else setTimeout(poll, 10);
    };
    poll();
  });
}

describe('channels:presets', () => {
  it('knows France-Voyage, Feratel Deskline and the other iCal partners, with their rules', () => {
    const { service } = openService();
    const presets = service.call('channels:presets');
    expect(presets.map((p) => p.channel).sort()).toEqual(
      ['abritel', 'airbnb', 'amivac', 'booking_com', 'clevacances', 'feratel_deskline', 'france_voyage', 'google', 'other_ical', 'tripadvisor'].sort(),
    );
    const deskline = presets.find((p) => p.channel === 'feratel_deskline')!;
    expect(deskline).toMatchObject({ sendsCancellations: false, maxRooms: 5, giteSingleLink: true });
    const fv = presets.find((p) => p.channel === 'france_voyage')!;
    expect(fv.prerequisites).toEqual(['channels.franceVoyage.prerequisites.connect', 'channels.franceVoyage.prerequisites.contract']);
    expect(fv.importSteps).toHaveLength(4);
    expect(fv.exportSteps).toHaveLength(4);
  });
});

describe('connections:create', () => {
  it('creates a connection with one feed per room and an outgoing link each', () => {
    const harness = openService();
    const { service, events } = harness;
    const a = addUnit(service, { name: 'Chambre Lavande' });
    const b = addUnit(service, { name: 'Chambre Tilleul' });
    const created = service.call('connections:create', {
      channel: 'france_voyage',
      rooms: [
        { unitId: a.id, importUrl: 'https://www.france-voyage.com/ical/a.ics', importEnabled: true, exportEnabled: true },
        { unitId: b.id, importEnabled: false, exportEnabled: true },
      ],
    });
    expect(created).toMatchObject({ channel: 'france_voyage', name: 'France-Voyage', kind: 'ical', status: 'active', sendsCancellations: true });
    expect(created.feeds.map((f) => [f.unitId, f.importUrl, f.importEnabled, f.exportEnabled])).toEqual([
      [a.id, 'https://www.france-voyage.com/ical/a.ics', true, true],
      [b.id, null, false, true],
    ]);
    expect(service.call('feeds:list').map((l) => l.unitId)).toEqual([a.id, b.id]);
    expect(events.map((e) => e.event)).toContain('connections:changed');
    expect(service.call('connections:list')).toEqual([created]);
  });

  it('marks Deskline as sending no cancellations', () => {
    const { service } = openService();
    const a = addUnit(service);
    const created = service.call('connections:create', { channel: 'feratel_deskline', rooms: [{ unitId: a.id, importUrl: 'https://deskline.example/a.ics' }] });
    expect(created.sendsCancellations).toBe(false);
  });

  it('refuses a sixth Deskline calendar, and writes nothing', () => {
    const harness = openService();
    harness.service.call('property:save', { name: 'Les Chambres du Moulin', type: 'chambre_hotes' });
    const units = Array.from({ length: 6 }, (_, i) => addUnit(harness.service, { name: `Chambre ${i + 1}` }));
    expectRefusedWithoutWrites(
      harness,
      () => harness.service.call('connections:create', { channel: 'feratel_deskline', rooms: units.map((u) => ({ unitId: u.id, importEnabled: false })) }),
      { code: 'invalid_input', issues: [{ path: ['rooms'], key: 'channels.rules.tooManyRooms', params: { max: 5, count: 6 } }] },
    );
  });

  it('refuses a second Deskline link for a gîte, and writes nothing', () => {
    const harness = openService();
    harness.service.call('property:save', { name: 'Le Pigeonnier', type: 'gite' });
    const a = addUnit(harness.service);
    const b = addUnit(harness.service);
    expectRefusedWithoutWrites(
      harness,
      () => harness.service.call('connections:create', { channel: 'feratel_deskline', rooms: [a, b].map((u) => ({ unitId: u.id, importEnabled: false })) }),
      { issues: [{ path: ['rooms'], key: 'channels.rules.giteSingleLink' }] },
    );
  });

  it('refuses a link that is not http(s), a missing link, an unknown room and no room at all', () => {
    const harness = openService();
    const a = addUnit(harness.service);
    expectRefusedWithoutWrites(
      harness,
      () => harness.service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: a.id, importUrl: 'file:///etc/passwd' }] }),
      { issues: [{ path: ['rooms', 0, 'importUrl'], key: 'channels.rules.notHttp' }] },
    );
    expectRefusedWithoutWrites(harness, () => harness.service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: a.id }] }), {
      issues: [{ path: ['rooms', 0, 'importUrl'], key: 'channels.rules.needsLink' }],
    });
    expectRefusedWithoutWrites(harness, () => harness.service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: 999, importEnabled: false }] }), {
      issues: [{ path: ['rooms', 0, 'unitId'], key: 'channels.rules.unknownRoom' }],
    });
    expectRefusedWithoutWrites(harness, () => harness.service.call('connections:create', { channel: 'airbnb', rooms: [] }), {
      issues: [{ path: ['rooms'], key: 'channels.rules.noRooms' }],
    });
    expectRefusedWithoutWrites(harness, () => harness.service.call('connections:create', { channel: 'alma_heritage', rooms: [{ unitId: a.id, importEnabled: false }] }), {
      issues: [{ path: ['channel'], key: 'channels.rules.notIcal' }],
    });
  });
});

describe('connections:update and connections:remove', () => {
  it('replaces a link without losing the files or their history, and pauses and resumes', () => {
    const { service } = openService();
    const a = addUnit(service);
    const created = service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: a.id, importUrl: 'https://airbnb.example/old.ics' }] });
    const reservation = book(service, { unitId: a.id });
    service.db.prepare('UPDATE reservations SET source_connection_id = ? WHERE id = ?').run(created.id, reservation.id);
    service.db.prepare("UPDATE feeds SET etag = 'x', health = 'failing', last_error = '{}' WHERE id = ?").run(created.feeds[0]!.id);
    const updated = service.call('connections:update', { id: created.id, rooms: [{ unitId: a.id, importUrl: 'https://airbnb.example/new.ics' }] });
    expect(updated.id).toBe(created.id);
    expect(updated.feeds[0]).toMatchObject({ id: created.feeds[0]!.id, importUrl: 'https://airbnb.example/new.ics', health: 'unknown', lastError: null });
    expect(service.call('reservations:get', { id: reservation.id }).sourceConnectionId).toBe(created.id);
    expect(service.call('reservations:history', { id: reservation.id }).length).toBeGreaterThan(0);
    expect(service.call('connections:update', { id: created.id, status: 'paused' }).status).toBe('paused');
    expect(service.call('connections:update', { id: created.id, status: 'active' }).status).toBe('active');
  });

  it('enforces the Deskline cap on rooms added later', () => {
    const harness = openService();
    const units = Array.from({ length: 6 }, () => addUnit(harness.service));
    const created = harness.service.call('connections:create', {
      channel: 'feratel_deskline',
      rooms: units.slice(0, 5).map((u) => ({ unitId: u.id, importEnabled: false })),
    });
    expectRefusedWithoutWrites(harness, () => harness.service.call('connections:update', { id: created.id, rooms: [{ unitId: units[5]!.id, importEnabled: false }] }), {
      issues: [{ path: ['rooms'], key: 'channels.rules.tooManyRooms', params: { max: 5, count: 6 } }],
    });
  });

  it('removing keeps the reservation files, marks the connection removed and revokes its outgoing links', () => {
    const harness = openService();
    const { service } = harness;
    const a = addUnit(service);
    const created = service.call('connections:create', { channel: 'airbnb', rooms: [{ unitId: a.id, importUrl: 'https://airbnb.example/a.ics' }] });
    const reservation = book(service, { unitId: a.id });
    service.db.prepare('UPDATE reservations SET source_connection_id = ? WHERE id = ?').run(created.id, reservation.id);
    expect(service.call('feeds:list')).toHaveLength(1);
    const removed = service.call('connections:remove', { id: created.id });
    expect(removed.status).toBe('removed');
    expect(removed.feeds[0]).toMatchObject({ importEnabled: false, exportEnabled: false });
    expect(service.call('feeds:list')).toEqual([]);
    expect(service.db.prepare('SELECT count(*) AS n FROM feeds WHERE export_token IS NOT NULL').get()).toEqual({ n: 0 });
    expect(service.call('reservations:get', { id: reservation.id })).toMatchObject({ sourceConnectionId: created.id, status: 'confirmed' });
    expectRefusedWithoutWrites(harness, () => service.call('connections:update', { id: created.id, status: 'active' }), { key: 'channels.rules.removed' });
    expectRefusedWithoutWrites(harness, () => service.call('connections:remove', { id: 999 }), { key: 'channels.rules.unknownConnection' });
  });
});

describe('connections:checkLink against a partner on 127.0.0.1', () => {
  it('sums up a good calendar: bookings from the first arrival to the last departure, blocked periods', async () => {
    const harness = openService();
    const partner = await startPartner();
    partner.serve(
      ics(
        calendar(
          event('a@fv', '20260703', '20260710', 'Réservation Martin'),
          event('b@fv', '20260801', '20260805', 'Réservé'),
          event('c@fv', '20260920', '20260928', 'Booked'),
          event('d@fv', '20260601', '20260603', 'Fermé'),
        ),
      ),
    );
    const { checkId } = harness.service.call('connections:checkLink', { url: partner.url() });
    const result = await waitForCheck(harness, checkId);
    expect(result).toMatchObject({ ok: true, bookings: 3, blocks: 1, first: '2026-07-03', last: '2026-09-28' });
  });

  it('tells a web page from a calendar', async () => {
    const harness = openService();
    const partner = await startPartner();
    partner.serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Connexion</body></html>');
    });
    const result = await waitForCheck(harness, harness.service.call('connections:checkLink', { url: partner.url() }).checkId);
    expect(result).toMatchObject({ ok: false, html: true, problem: { key: 'feeds.problem.html' } });
  });

  it('reports an unreachable link and an HTTP error in words', async () => {
    const harness = openService();
    const partner = await startPartner();
    partner.serve(status(404));
    const notFound = await waitForCheck(harness, harness.service.call('connections:checkLink', { url: partner.url() }).checkId);
    expect(notFound).toMatchObject({ ok: false, html: false, problem: { key: 'feeds.problem.notFound' } });
    const origin = partner.origin;
    await partner.close();
    const gone = await waitForCheck(harness, harness.service.call('connections:checkLink', { url: `${origin}/x.ics` }).checkId);
    expect(gone.ok).toBe(false);
  });

  it('refuses a link that is not http(s) at once, writing nothing', () => {
    const harness = openService();
    expectRefusedWithoutWrites(harness, () => harness.service.call('connections:checkLink', { url: 'webcal://example.com/a.ics' }), {
      issues: [{ path: ['url'], key: 'channels.rules.notHttp' }],
    });
  });
});

describe('the presets the page is tested with', () => {
  it('match main/channels/ (tests/renderer/channels/Wizard.test.tsx repeats them)', () => {
    const { service } = openService();
    const presets = service.call('channels:presets');
    const fv = presets.find((p) => p.channel === 'france_voyage')!;
    expect(fv.exportSteps).toEqual([1, 2, 3, 4].map((n) => `channels.franceVoyage.export.step${n}`));
    const deskline = presets.find((p) => p.channel === 'feratel_deskline')!;
    expect(deskline.importSteps).toEqual([1, 2, 3].map((n) => `channels.deskline.import.step${n}`));
    expect(deskline.prerequisites).toEqual(['channels.deskline.prerequisites.agreement']);
    expect(presets.find((p) => p.channel === 'amivac')!.importSteps).toEqual(['channels.ical.amivac.where']);
  });
});

describe('the presets’ texts', () => {
  it('exist in English and French for every key a preset names', async () => {
    const { resources } = await import('../../../shared/i18n');
    const { service } = openService();
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    for (const preset of service.call('channels:presets')) {
      for (const key of [...preset.prerequisites, preset.importTitle, ...preset.importSteps, preset.exportTitle, ...preset.exportSteps, ...preset.notes]) {
        expect(typeof lookup(resources.en.translation, key), `${preset.channel}: ${key}`).toBe('string');
        expect(typeof lookup(resources.fr.translation, key), `${preset.channel}: ${key}`).toBe('string');
      }
    }
  });
});
