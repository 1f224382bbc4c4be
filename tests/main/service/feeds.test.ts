import { describe, expect, it } from 'vitest';
import { feedServerSettings } from '../../../main/handlers/feeds';
import { connectChannel } from '../../helpers/feeds';
import { addUnit, expectRefusedWithoutWrites, openService } from '../../helpers/service';

const LINK = /^http:\/\/127\.0\.0\.1:4780\/feeds\/[A-Za-z0-9_-]{32}\.ics$/;

describe('feeds:list', () => {
  it('lists every outgoing link, by connection then unit, at the local address by default', () => {
    const { service } = openService();
    const lavande = addUnit(service, { name: 'Chambre Lavande' });
    const tilleul = addUnit(service, { name: 'Chambre Tilleul' });
    const airbnb = connectChannel(service, [lavande.id, tilleul.id], 'airbnb', 'Airbnb');
    const gites = connectChannel(service, [tilleul.id], 'feratel_deskline', 'Gîtes de France');
    const links = service.call('feeds:list');
    expect(links.map(({ connectionId, channel, connectionName, unitId, unit }) => ({ connectionId, channel, connectionName, unitId, unit }))).toEqual([
      { connectionId: airbnb.connectionId, channel: 'airbnb', connectionName: 'Airbnb', unitId: lavande.id, unit: 'Chambre Lavande' },
      { connectionId: airbnb.connectionId, channel: 'airbnb', connectionName: 'Airbnb', unitId: tilleul.id, unit: 'Chambre Tilleul' },
      { connectionId: gites.connectionId, channel: 'feratel_deskline', connectionName: 'Gîtes de France', unitId: tilleul.id, unit: 'Chambre Tilleul' },
    ]);
    for (const link of links) expect(link.url).toMatch(LINK);
    expect(links[0]!.url).toContain(airbnb.tokens.get(lavande.id)!);
    expect(new Set(links.map((l) => l.url)).size).toBe(3);
  });

  it('leaves out feeds whose export is off', () => {
    const { service } = openService();
    const unit = addUnit(service);
    const { connectionId } = connectChannel(service, [unit.id]);
    service.db.prepare('UPDATE feeds SET export_enabled = 0 WHERE connection_id = ?').run(connectionId);
    expect(service.call('feeds:list')).toEqual([]);
  });
});

describe('feeds:regenerateToken', () => {
  it('gives the feed a new random token, keeps the others, and announces the change', () => {
    const { service, events } = openService();
    const a = addUnit(service);
    const b = addUnit(service);
    const { connectionId, tokens } = connectChannel(service, [a.id, b.id]);
    events.length = 0;
    const link = service.call('feeds:regenerateToken', { connectionId, unitId: a.id });
    expect(link).toMatchObject({ connectionId, unitId: a.id });
    expect(link.url).toMatch(LINK);
    expect(link.url).not.toContain(tokens.get(a.id)!);
    const listed = service.call('feeds:list');
    expect(listed.find((l) => l.unitId === a.id)!.url).toBe(link.url);
    expect(listed.find((l) => l.unitId === b.id)!.url).toContain(tokens.get(b.id)!);
    expect(events).toEqual([{ event: 'feeds:changed', payload: {} }]);
  });

  it('refuses a connection and unit that have no outgoing feed, changing nothing', () => {
    const harness = openService();
    const unit = addUnit(harness.service);
    const { connectionId } = connectChannel(harness.service, [unit.id]);
    expectRefusedWithoutWrites(harness, () => harness.service.call('feeds:regenerateToken', { connectionId, unitId: unit.id + 1 }), {
      code: 'not_found',
      key: 'export.errors.unknownFeed',
    });
    expectRefusedWithoutWrites(harness, () => harness.service.call('feeds:regenerateToken', { connectionId: 'one', unitId: unit.id }), {
      code: 'invalid_input',
    });
  });
});

describe('the feed server settings', () => {
  it('default to this computer only, port 4780, and say the links cannot be reached from outside', () => {
    const { service } = openService();
    expect(service.call('settings:getFeedServer')).toEqual({
      host: '127.0.0.1',
      port: 4780,
      publicBaseUrl: null,
      linkBase: 'http://127.0.0.1:4780',
      linksLocalOnly: true,
    });
  });

  it('save part by part; a public address goes into every link and the links are then reachable', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    connectChannel(service, [unit.id]);
    events.length = 0;
    const opened = service.call('settings:saveFeedServer', { host: '0.0.0.0', port: 8443 });
    expect(opened).toMatchObject({ host: '0.0.0.0', port: 8443, publicBaseUrl: null, linkBase: 'http://127.0.0.1:8443', linksLocalOnly: true });
    const published = service.call('settings:saveFeedServer', { publicBaseUrl: ' https://gite.example.fr/calendriers/ ' });
    expect(published).toMatchObject({ host: '0.0.0.0', port: 8443, publicBaseUrl: 'https://gite.example.fr/calendriers', linksLocalOnly: false });
    expect(service.call('feeds:list')[0]!.url).toMatch(/^https:\/\/gite\.example\.fr\/calendriers\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(events.map((e) => e.event)).toEqual(['feeds:changed', 'feeds:changed']);
    // An empty address goes back to the local one.
    expect(service.call('settings:saveFeedServer', { publicBaseUrl: '' }).linkBase).toBe('http://127.0.0.1:8443');
    expect(service.call('settings:saveFeedServer', { host: '::1' }).linkBase).toBe('http://[::1]:8443');
  });

  it('refuses an interface that is not an address, a port out of range and a public address partners could not use', () => {
    const harness = openService();
    const call = (input: unknown) => () => harness.service.call('settings:saveFeedServer', input);
    expectRefusedWithoutWrites(harness, call({ host: 'localhost' }), { code: 'invalid_input', issues: [{ path: ['host'], key: 'errors.format' }] });
    expectRefusedWithoutWrites(harness, call({ port: 0 }), { code: 'invalid_input', issues: [{ path: ['port'], key: 'errors.tooSmall', params: { limit: 1 } }] });
    expectRefusedWithoutWrites(harness, call({ port: 70000 }), { code: 'invalid_input', issues: [{ path: ['port'], key: 'errors.tooBig', params: { limit: 65535 } }] });
    for (const url of ['ftp://gite.example.fr', 'gite.example.fr', 'https://user:secret@gite.example.fr', 'https://gite.example.fr/?a=1', 'javascript:alert(1)']) {
      expectRefusedWithoutWrites(harness, call({ publicBaseUrl: url }), { code: 'invalid_input', issues: [{ path: ['publicBaseUrl'], key: 'errors.format' }] });
    }
    expectRefusedWithoutWrites(harness, call({}), { code: 'invalid_input', issues: [{ path: [], key: 'errors.nothingToChange' }] });
  });

  it('reads a stored value it cannot understand as the defaults', () => {
    const { service } = openService();
    service.db.prepare("INSERT INTO settings (key, value) VALUES ('feedServer', '{\"port\":\"eighty\"}')").run();
    expect(feedServerSettings(service.db)).toEqual({ host: '127.0.0.1', port: 4780, publicBaseUrl: null });
  });
});
