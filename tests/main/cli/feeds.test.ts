import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../../main/service';
import { runCli, startServe } from '../../helpers/cli';
import { nightsOf, parseWithIcalJs, parseWithNodeIcal } from '../../helpers/icsNights';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

interface Link {
  connectionId: number;
  channel: string;
  unitId: number;
  unit: string;
  url: string;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run cli -- feeds', () => {
  it('lists the demo’s outgoing links as JSON: one per room for France-Voyage', () => {
    const data = path.join(tempDir(), 'data');
    expect(runCli(['demo', '--data', data]).status).toBe(0);
    const result = runCli(['feeds', '--data', data, '--json']);
    expect(result.status).toBe(0);
    const links = JSON.parse(result.stdout) as Link[];
    expect(links.map((l) => Object.keys(l))).toEqual(Array(3).fill(['connectionId', 'channel', 'unitId', 'unit', 'url']));
    expect(links.map((l) => l.unit)).toEqual(['Chambre Lavande', 'Chambre Tilleul', 'Suite du Pigeonnier']);
    for (const link of links) {
      expect(link).toMatchObject({ connectionId: 1, channel: 'france_voyage' });
      expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:4780\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
    }
  });

  it('says in words where to copy each link, in French too, and that these links stay on this computer', () => {
    const data = path.join(tempDir(), 'data');
    runCli(['demo', '--data', data]);
    const english = runCli(['feeds', '--data', data]);
    expect(english.status).toBe(0);
    expect(english.stdout).toMatch(/^Chambre Lavande → france_voyage \(France-Voyage\): http:\/\/127\.0\.0\.1:4780\/feeds\/\S+\.ics$/m);
    expect(english.stderr).toContain('a booking site cannot reach them');
    const french = runCli(['feeds', '--data', data], 'fr_FR.UTF-8');
    expect(french.stderr).toContain('un site de réservation ne peut pas les joindre');
    const empty = runCli(['feeds', '--data', path.join(tempDir(), 'empty'), '--json']);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  });

  it('demo → serve → feeds: every link it prints serves the room’s calendar', async () => {
    const data = path.join(tempDir(), 'data');
    expect(runCli(['demo', '--data', data]).status).toBe(0);
    // The owner has set the feed server's port (here a free one) and serves on it.
    const port = await freePort();
    const service = createService({ dataDir: data });
    service.call('settings:saveFeedServer', { port });
    const bookings = service.call('reservations:list', {}).items;
    service.close();

    const serve = await startServe(['--data', data, '--port', String(port)]);
    try {
      const links = JSON.parse(runCli(['feeds', '--data', data, '--json']).stdout) as Link[];
      expect(links).toHaveLength(3);
      for (const link of links) {
        expect(new URL(link.url).port).toBe(String(port));
        const response = await fetch(link.url);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
        const body = await response.text();
        const nights = nightsOf(parseWithIcalJs(body));
        expect(nightsOf(parseWithNodeIcal(body))).toEqual(nights);
        // Every night of this room's demo bookings is blocked; no guest's name is given away.
        for (const booking of bookings.filter((b) => b.unitId === link.unitId)) {
          expect(nights).toContain(booking.arrival);
          expect(body).not.toContain(booking.guestName!);
        }
      }
    } finally {
      expect(await serve.stop('SIGTERM')).toBe(0);
    }
  });
});
