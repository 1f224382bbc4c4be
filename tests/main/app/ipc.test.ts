import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/app/ipcChannels';
import { isOurMainFrame, wireIpc } from '../../../main/app/ipc';
import { pageLocation } from '../../../main/app/page';
import type { Service } from '../../../main/service';
import { snapshotTables } from '../../helpers/dbSnapshot';
import { openService } from '../../helpers/service';
import { FakeFrame, FakeWebContents, ipcMain, resetFakeElectron } from './fakeElectron';
import { recordingLog } from './recordingLog';

vi.mock('electron', () => import('./fakeElectron'));

const PAGE = '/opt/Pigeonnier/resources/app.asar/out/renderer/index.html';
const page = pageLocation(PAGE);

/** Our window's web contents showing our page, the service behind IPC, and a count of what reached the service. */
function wired() {
  const harness = openService();
  const ours = new FakeWebContents();
  ours.mainFrame.url = `file://${PAGE}#/planning`;
  let reached = 0;
  const counted: Pick<Service, 'invoke' | 'subscribe'> = {
    invoke: (name, input) => {
      reached++;
      return harness.service.invoke(name, input);
    },
    subscribe: (listener) => harness.service.subscribe(listener),
  };
  const log = recordingLog();
  const unwire = wireIpc({
    ipcMain,
    service: counted,
    isTrusted: (event) => isOurMainFrame(event, ours as never, page.isOurs),
    send: (channel, message) => ours.send(channel, message),
    log,
  });
  const call = (sender: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]) =>
    ipcMain.invoke(INVOKE_CHANNEL, { sender, senderFrame: frame }, ...args) as { ok: boolean; value?: unknown; error?: { code: string; key: string; issues: unknown[] } };
  return { ...harness, ours, call, log, unwire, reached: () => reached };
}

/** The call is refused with this code, the service never saw it and no table changed. */
function expectRefused(world: ReturnType<typeof wired>, run: () => { ok: boolean; error?: { code: string; issues?: unknown[] } }, code: string) {
  const before = snapshotTables(world.service.db);
  const result = run();
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(world.reached()).toBe(0);
  expect(snapshotTables(world.service.db)).toEqual(before);
  return result;
}

const NEW_UNIT = { name: 'La Grange', capacity: 4, baseRateCents: 8500 };

describe('the IPC wrapper', () => {
  beforeEach(resetFakeElectron);

  it('answers our main frame: the call reaches the service and the database changes', () => {
    const world = wired();
    const result = world.call(world.ours, world.ours.mainFrame, 'units:create', NEW_UNIT);
    expect(result).toMatchObject({ ok: true, value: { name: 'La Grange' } });
    expect(world.reached()).toBe(1);
    expect(world.service.call('units:list')).toHaveLength(1);
  });

  it('refuses a call name that is not in the contract', () => {
    const world = wired();
    const result = expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, 'db:dropEverything', {}), 'unknown_call');
    expect(result).toMatchObject({ error: { key: 'errors.unknownCall', params: { name: 'db:dropEverything' } } });
    expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, { toString: () => 'units:list' }, undefined), 'unknown_call');
    expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, '__proto__', undefined), 'unknown_call');
  });

  it('refuses bad arguments with the contract’s issues before the service sees them', () => {
    const world = wired();
    const result = expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, 'units:create', { ...NEW_UNIT, capacity: -3, extra: 'x' }), 'invalid_input');
    expect(result.error?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['capacity'] })]));
    expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, 'units:create', 'La Grange'), 'invalid_input');
    expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, 'units:list', { unexpected: true }), 'invalid_input');
  });

  it('drops a message from another web contents, even showing our page', () => {
    const world = wired();
    const other = new FakeWebContents();
    other.mainFrame.url = world.ours.mainFrame.url;
    expectRefused(world, () => world.call(other, other.mainFrame, 'units:create', NEW_UNIT), 'unauthorized');
    // Our contents named as the sender but a frame of the other one.
    expectRefused(world, () => world.call(world.ours, other.mainFrame, 'units:create', NEW_UNIT), 'unauthorized');
    expect(world.log.lines.some((l) => l.startsWith('warn: IPC pigeonnier:invoke: dropped'))).toBe(true);
  });

  it('drops a message from a subframe of our window', () => {
    const world = wired();
    expectRefused(world, () => world.call(world.ours, world.ours.subframe(), 'units:create', NEW_UNIT), 'unauthorized');
  });

  it('drops a message when our main frame shows another page, or has no frame', () => {
    const world = wired();
    world.ours.mainFrame.url = 'https://evil.example/index.html';
    expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, 'units:create', NEW_UNIT), 'unauthorized');
    world.ours.mainFrame.url = 'file:///tmp/other/index.html';
    expectRefused(world, () => world.call(world.ours, world.ours.mainFrame, 'units:create', NEW_UNIT), 'unauthorized');
    world.ours.mainFrame.url = `file://${PAGE}`;
    expectRefused(world, () => world.call(world.ours, null, 'units:create', NEW_UNIT), 'unauthorized');
  });

  it('pushes the service’s events to our window on the event channel, and unwires cleanly', () => {
    const world = wired();
    world.service.call('units:create', NEW_UNIT);
    expect(world.ours.sent).toContainEqual([EVENT_CHANNEL, { event: 'units:changed', payload: {} }]);
    world.unwire();
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    const count = world.ours.sent.length;
    world.service.call('units:create', { ...NEW_UNIT, name: 'Le Fournil' });
    expect(world.ours.sent).toHaveLength(count);
  });
});
