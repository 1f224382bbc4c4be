import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { insertConnection, insertFeed } from '../../../main/db/channels';
import { createService } from '../../../main/service';
import { CLI } from '../../helpers/cli';
import { calendar } from '../../helpers/feedImport';
import { ics, startPartner, status } from '../../helpers/partnerServer';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const run = promisify(execFile);

/** A data folder with two rooms, each reading its own calendar from the partner. */
function dataFolder(urls: string[]): string {
  const dataDir = path.join(tempDir(), 'data');
  const service = createService({ dataDir });
  const connection = insertConnection(
    service.db,
    { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
    new Date(),
  );
  urls.forEach((url, index) => {
    const unit = service.call('units:create', { name: `Chambre ${index + 1}`, capacity: 2, baseRateCents: 8000 });
    insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: url, importEnabled: true, exportEnabled: false, exportToken: null });
  });
  service.close();
  return dataDir;
}

describe('npm run cli -- sync', () => {
  it('runs one round now and reports each partner link, exit 0 even when one failed', async () => {
    const good = await startPartner();
    const broken = await startPartner();
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 33 * 86_400_000).toISOString().slice(0, 10);
    good.serve(ics(calendar([['a1@airbnb.com', inAMonth, later]])));
    broken.serve(status(500));
    const dataDir = dataFolder([good.url(), broken.url()]);

    // Asynchronously: the partners answer from this very process.
    const { stdout } = await run(process.execPath, [CLI, 'sync', '--data', dataDir, '--json'], { env: { ...process.env, LANG: 'en_GB.UTF-8' } });
    const report = JSON.parse(stdout) as { connections: { unit: string; channel: string; outcome: string; message: string | null; httpStatus: number | null }[] };
    expect(report.connections).toEqual([
      expect.objectContaining({ unit: 'Chambre 1', channel: 'airbnb', outcome: 'updated', message: null, httpStatus: 200 }),
      expect.objectContaining({ unit: 'Chambre 2', channel: 'airbnb', outcome: 'failed', httpStatus: 500, message: expect.stringMatching(/500/) }),
    ]);

    const listed = await run(process.execPath, [CLI, 'reservations', '--data', dataDir, '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ arrival: inAMonth, departure: later, status: 'confirmed' })]);
  });
});
