import { afterEach, describe, expect, it } from 'vitest';
import { insertConnection, insertFeed } from '../../../main/db/channels';
import { startHeadless, type Headless } from '../../../main/headless';
import { calendar } from '../../helpers/feedImport';
import { ics, startPartner } from '../../helpers/partnerServer';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
let headless: Headless | undefined;
afterEach(async () => {
  await headless?.close();
  headless = undefined;
});

describe('headless mode runs the sync loop', () => {
  it('reads the partner calendars on start, and Sync now through the admin API reads them again', async () => {
    const partner = await startPartner();
    partner.serve(ics(calendar([['h1@airbnb.com', '2030-05-10', '2030-05-12']])));
    headless = await startHeadless({ dataDir: tempDir(), port: 0, sync: false });
    const { service } = headless;
    const unit = service.call('units:create', { name: 'Lavande', capacity: 2, baseRateCents: 8000 });
    const connection = insertConnection(service.db, { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null }, new Date());
    insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: partner.url(), importEnabled: true, exportEnabled: false, exportToken: null });
    const dataDir = service.dataDir;
    await headless.close();

    headless = await startHeadless({ dataDir, port: 0 });
    await headless.sync!.idle();
    expect(partner.requests).toHaveLength(1);
    expect(headless.service.call('reservations:list', {}).items).toEqual([expect.objectContaining({ arrival: '2030-05-10', sourceConnectionId: connection.id })]);

    const token = new URL(headless.adminUrl).searchParams.get('token');
    const answer = await fetch(`http://127.0.0.1:${headless.port}/api/sync:now`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(await answer.json()).toMatchObject({ ok: true, value: { connections: [{ connectionId: connection.id }] } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await headless.sync!.idle();
    expect(partner.requests).toHaveLength(2);
  });
});
