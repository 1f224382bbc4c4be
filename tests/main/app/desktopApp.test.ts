/**
 * The desktop app's life with Electron faked and everything else real: the service on a SQLite
 * file in a temporary user data folder, the feed server, and the sync loop reading a partner
 * calendar from a real HTTP server on 127.0.0.1.
 */
import http from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDesktopApp, type DesktopApp } from '../../../main/app/desktopApp';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/app/ipcChannels';
import { insertConnection, insertFeed } from '../../../main/db/channels';
import { createService } from '../../../main/service';
import { calendar } from '../../helpers/feedImport';
import { useTempDirs } from '../../helpers/tempDir';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, FakeNotification, FakeTray, ipcMain, Menu, net, powerMonitor, resetFakeElectron, session } from './fakeElectron';
import { recordingLog } from './recordingLog';

vi.mock('electron', () => import('./fakeElectron'));

const ROOT = path.resolve(__dirname, '../../..');
const tempDir = useTempDirs();
let partner: http.Server | null = null;
let started: DesktopApp | null = null;

/** A night `days` from today, as the loop's real clock sees it. */
function night(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A partner whose answers the test sets, one response held back until released if asked. */
async function startPartner() {
  let body = calendar([]);
  let hold: Promise<void> | null = null;
  let reads = 0;
  partner = http.createServer((_req, res) => {
    reads++;
    void (hold ?? Promise.resolve()).then(() => {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => partner!.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(partner.address() as AddressInfo).port}/airbnb.ics`,
    serve: (next: string) => (body = next),
    reads: () => reads,
    holdNext() {
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

/** A port nothing listens on (the OS picks it, we let it go). */
async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A user data folder whose database already has a room and (optionally) a partner calendar; the feed server on a free port. */
async function userData(feedUrl?: string): Promise<string> {
  const dir = tempDir();
  const service = createService({ dataDir: path.join(dir, 'data') });
  service.call('settings:saveFeedServer', { port: await freePort() });
  const unit = service.call('units:create', { name: 'La Grange', capacity: 4, baseRateCents: 8500 });
  if (feedUrl) {
    const connection = insertConnection(service.db, { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null }, new Date());
    insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: feedUrl, importEnabled: true, exportEnabled: false, exportToken: null });
  }
  service.close();
  return dir;
}

async function start(options: { feedUrl?: string; argv?: string[] } = {}) {
  const dir = await userData(options.feedUrl);
  app.paths = { userData: dir, appPath: ROOT, home: dir };
  const log = recordingLog();
  started = startDesktopApp({
    log,
    platform: 'linux',
    argv: options.argv ?? ['electron', '.'],
    env: { LANG: 'en_GB.UTF-8', XDG_CONFIG_HOME: path.join(dir, 'config') },
    paths: { preload: '/app/out/preload/index.js', html: path.join(ROOT, 'out/renderer/index.html'), assets: path.join(ROOT, 'assets') },
  });
  await started.ready;
  return { app: started, log, dir, tray: () => FakeTray.instances[0]!, window: () => BrowserWindow.instances[0] };
}

async function quitAndWait(): Promise<void> {
  FakeTray.instances[0]?.item('quit').click?.();
  await vi.waitFor(() => expect(app.quitted).toBe(true), { timeout: 10_000 });
}

describe('the desktop app', () => {
  beforeEach(resetFakeElectron);
  afterEach(async () => {
    if (started?.running()) await quitAndWait();
    started = null;
    await new Promise<void>((resolve) => (partner ? partner.close(() => resolve()) : resolve()));
    partner = null;
  });

  it('quits at once when another instance runs, starting nothing', async () => {
    app.lockGranted = false;
    app.paths = { userData: tempDir() };
    started = startDesktopApp({ log: recordingLog(), platform: 'linux', paths: { preload: 'p', html: 'h', assets: 'a' } });
    await started.ready;
    expect(app.quitRequests).toBe(1);
    expect(started.running()).toBeNull();
    expect(BrowserWindow.instances).toEqual([]);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('says why when it cannot start, and exits', async () => {
    const blocked = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocked, '');
    app.paths = { userData: blocked, appPath: ROOT };
    const log = recordingLog();
    started = startDesktopApp({ log, platform: 'linux', argv: [], env: {}, paths: { preload: 'p', html: path.join(ROOT, 'out/renderer/index.html'), assets: path.join(ROOT, 'assets') } });
    await started.ready;
    expect(app.exitCode).toBe(1);
    expect(dialog.errors).toEqual([['Pigeonnier', expect.stringContaining('could not start')]]);
    expect(log.lines.some((l) => l.startsWith('error: Pigeonnier could not start'))).toBe(true);
    expect(BrowserWindow.instances).toEqual([]);
  });

  it('starts: data in the user data folder, the window on our page, the tray, IPC, the guards', async () => {
    const { app: desktop, dir, tray, window } = await start();
    expect(desktop.running()!.service.dataDir).toBe(path.join(dir, 'data'));
    expect(window()!.loaded).toEqual({ file: path.join(ROOT, 'out/renderer/index.html') });
    expect(tray().image.path).toBe(path.join(ROOT, 'assets/tray/inStep-dark.png'));
    expect(tray().item('pause')).toBeDefined();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.headersHandler).not.toBeNull();
    expect(Menu.applicationMenu).toBeNull();
    await desktop.running()!.feedServer.settled();
    expect(desktop.running()!.feedServer.current()?.port).toBeGreaterThan(0);

    // The page's calls work over IPC once it has loaded.
    const contents = window()!.webContents;
    const result = ipcMain.invoke(INVOKE_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, 'units:list', undefined);
    expect(result).toMatchObject({ ok: true, value: [{ name: 'La Grange' }] });

    // Our window's own web contents got the navigation guards.
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('closing the window hides it: the app, the loop and the feed server keep running; a second launch shows it again', async () => {
    const { app: desktop, window } = await start();
    window()!.emit('ready-to-show');
    window()!.close();
    expect(window()!.destroyed).toBe(false);
    expect(window()!.visible).toBe(false);
    expect(app.quitted).toBe(false);
    expect(desktop.running()!.service.db.open).toBe(true);
    app.emit('second-instance', {}, ['electron', '.'], ROOT);
    expect(window()!.visible).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('started at login (--hidden) stays in the tray, its page loaded but hidden, until Open is chosen', async () => {
    const { tray, window } = await start({ argv: ['pigeonnier', '--hidden'] });
    expect(window()!.loaded).not.toBeNull();
    window()!.emit('ready-to-show');
    expect(window()!.visible).toBe(false);
    tray().item('open').click!();
    expect(window()!.visible).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('start at login writes and removes the autostart entry and the menu shows it', async () => {
    const { tray, dir } = await start();
    const entry = path.join(dir, 'config', 'autostart', 'pigeonnier.desktop');
    tray().item('startAtLogin').click!();
    expect(fs.readFileSync(entry, 'utf8')).toContain('--hidden');
    expect(tray().item('startAtLogin').checked).toBe(true);
    tray().item('startAtLogin').click!();
    expect(fs.existsSync(entry)).toBe(false);
  });

  it('pause and resume from the tray go through the service, remembered, and the tray follows', async () => {
    const { app: desktop, tray } = await start();
    tray().item('pause').click!();
    expect(desktop.running()!.service.call('settings:getSync').paused).toBe(true);
    expect(tray().image.path).toContain('paused-dark.png');
    tray().item('resume').click!();
    expect(desktop.running()!.service.call('settings:getSync').paused).toBe(false);
    expect(tray().item('pause')).toBeDefined();
  });

  it('a new booking read by the loop becomes a notification; clicking it opens that reservation file', async () => {
    const feed = await startPartner();
    const { app: desktop, tray, window } = await start({ feedUrl: feed.url });
    const service = desktop.running()!.service;
    // The first read only learns the calendar; a stay that appears later is a new booking.
    await vi.waitFor(() => expect(service.call('sync:status').lastRoundAt).not.toBeNull(), { timeout: 10_000 });
    feed.serve(calendar([['stay-1@airbnb.com', night(20), night(23)]]));
    tray().item('syncNow').click!();
    await vi.waitFor(() => expect(FakeNotification.instances).toHaveLength(1), { timeout: 10_000 });

    const [reservation] = service.call('reservations:list', {}).items;
    expect(FakeNotification.instances[0]!.options.title).toBe('New booking: La Grange');
    window()!.close();
    FakeNotification.instances[0]!.emit('click');
    expect(window()!.visible).toBe(true);
    window()!.webContents.finishLoad();
    expect(window()!.webContents.sent).toContainEqual([EVENT_CHANNEL, { event: 'app:navigate', payload: { target: 'reservation', id: reservation!.id } }]);
  });

  it('waking from sleep, unlocking, or the network coming back makes the loop read at once', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const feed = await startPartner();
      const { app: desktop } = await start({ feedUrl: feed.url });
      const { loop } = desktop.running()!;
      const settled = async (reads: number) => {
        await vi.waitFor(() => expect(feed.reads()).toBe(reads), { timeout: 10_000 });
        await loop.idle();
      };
      await settled(1);
      powerMonitor.emit('resume');
      await settled(2);
      powerMonitor.emit('unlock-screen');
      await settled(3);
      net.online = false;
      vi.advanceTimersByTime(30_000);
      net.online = true;
      vi.advanceTimersByTime(30_000);
      await settled(4);
      // Nothing is due for ten minutes: no read without a reason.
      vi.advanceTimersByTime(120_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(feed.reads()).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('quitting during a read lets it commit, then closes the database, then quits', async () => {
    const feed = await startPartner();
    const release = feed.holdNext();
    feed.serve(calendar([['stay-9@airbnb.com', night(30), night(32)]]));
    const { app: desktop, tray, window } = await start({ feedUrl: feed.url });
    const { service, loop } = desktop.running()!;
    await vi.waitFor(() => expect(loop.status().overall).toBe('syncing'), { timeout: 10_000 });

    tray().item('quit').click!();
    // Windows close for real, the tray goes, but Electron is held until the read is done.
    expect(window()!.destroyed).toBe(true);
    expect(tray().destroyed).toBe(true);
    expect(app.quitted).toBe(false);
    expect(service.db.open).toBe(true);
    expect(ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
    expect(powerMonitor.listenerCount('resume')).toBe(0);

    release();
    await vi.waitFor(() => expect(app.quitted).toBe(true), { timeout: 10_000 });
    expect(service.db.open).toBe(false);
    expect(desktop.running()).toBeNull();

    // What the read brought is on disk.
    const reopened = createService({ dataDir: service.dataDir });
    expect(reopened.call('reservations:list', {}).items.map((r) => r.arrival)).toEqual([night(30)]);
    reopened.close();
  });
});
