/**
 * The desktop app's feed server follows the owner's settings: it listens where they say, moves
 * when they change, and a port already taken is reported instead of bringing the app down.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runFeedServer, type FeedServerRunner } from '../../../main/server/feedServerRunner';
import { connectChannel, getFeed } from '../../helpers/feeds';
import { addUnit, openService } from '../../helpers/service';

const runners: FeedServerRunner[] = [];
const blockers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
  await Promise.all(blockers.splice(0).map((b) => new Promise((resolve) => b.close(resolve))));
});

/** A port nothing listens on (the OS picks it, we let it go). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function setUp() {
  const harness = openService();
  const unit = addUnit(harness.service);
  const { tokens } = connectChannel(harness.service, [unit.id]);
  return { ...harness, token: tokens.get(unit.id)! };
}

describe('the feed server runner', () => {
  it('listens on loopback at the settings’ port, and moves when the owner changes it', async () => {
    const { service, token } = setUp();
    const [first, second] = [await freePort(), await freePort()];
    service.call('settings:saveFeedServer', { port: first });
    const runner = runFeedServer(service);
    runners.push(runner);
    await runner.settled();
    expect(runner.current()).toMatchObject({ host: '127.0.0.1', port: first });
    expect((runner.current()!.server.address() as net.AddressInfo).address).toBe('127.0.0.1');
    expect((await getFeed(first, token)).status).toBe(200);

    service.call('settings:saveFeedServer', { port: second });
    await runner.settled();
    expect(runner.current()).toMatchObject({ port: second });
    expect((await getFeed(second, token)).status).toBe(200);
    await expect(getFeed(first, token)).rejects.toThrow(/ECONNREFUSED/);
    // A change that does not touch the address leaves the server as it is.
    const server = runner.current();
    service.call('settings:saveFeedServer', { publicBaseUrl: 'https://gite.example.fr' });
    await runner.settled();
    expect(runner.current()).toBe(server);
  });

  it('reports a port already taken, and listens once the owner picks a free one', async () => {
    const { service, token } = setUp();
    const blocker = net.createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    service.call('settings:saveFeedServer', { port: taken });
    const runner = runFeedServer(service);
    runners.push(runner);
    await runner.settled();
    expect(runner.current()).toBeNull();
    expect(runner.lastError()).toMatchObject({ code: 'EADDRINUSE' });

    const free = await freePort();
    service.call('settings:saveFeedServer', { port: free });
    await runner.settled();
    expect(runner.lastError()).toBeNull();
    expect((await getFeed(free, token)).status).toBe(200);
  });

  it('stops listening when closed', async () => {
    const { service, token } = setUp();
    const port = await freePort();
    service.call('settings:saveFeedServer', { port });
    const runner = runFeedServer(service);
    await runner.settled();
    await runner.close();
    await expect(getFeed(port, token)).rejects.toThrow(/ECONNREFUSED/);
  });
});
