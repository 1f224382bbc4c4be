/**
 * The sync loop on a real service (real SQLite file) with a hand-moved clock, reading feeds
 * from a real partner on 127.0.0.1 whose answer per request the test decides (syncWorld.ts),
 * in a temp folder, all closed after each test.
 */
import { afterEach } from 'vitest';
import { calendar } from './calendarText';
import { startSyncWorld, type PartnerHandler, type SyncHarness, type SyncSetup } from './syncWorld';
import { useTempDirs } from './tempDir';

export type { PartnerHandler, SyncHarness, SyncSetup } from './syncWorld';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A calendar with one stay, the same bytes every time. */
export const STEADY_CALENDAR = calendar([['stay-1@airbnb.com', '2026-08-10', '2026-08-13']]);

export function serveCalendar(body = STEADY_CALENDAR): PartnerHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
    res.end(body);
  };
}

export async function openSync(setup: SyncSetup = {}): Promise<SyncHarness> {
  const world = await startSyncWorld(setup, tempDir(), serveCalendar());
  cleanups.push(() => world.close());
  return world;
}

export const MINUTE = 60_000;
