/**
 * `npm run bench -- grid`: the planning grid in Chromium against headless mode. The figure is
 * the time to render the planning and scroll it across a year for 20 rooms (a booking every
 * few days in each), divided by the same for 1 room across one month: with the grid virtualised
 * both ways and its data loaded a few months at a time, the big schedule should cost little
 * more than the small one (aim ≤ 3).
 *
 * One measurement, the same for both: open the page (its token link), wait until the planning
 * shows data in every cell in view ("render", from navigation start, so loading the page and
 * its first API calls count); then scroll right a screen at a time, waiting for each step to be
 * drawn (two animation frames), until the target is passed, and wait until every cell in view
 * has its data ("scroll"). The two schedules in turn, round after round, each in a fresh browser
 * context, after a warm-up round; the median of each, and their ratio. Lines:
 * render + scroll, the first render alone, and one scroll step (a screen).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { addDays, nightAt, weekday } from '../../shared/nights';
import { startHeadless, type Headless } from '../../main/headless';
import { createService } from '../../main/service';
import { launchChromium } from '../helpers/chromium';
import { alternate, median, medianRatio, type BenchLine } from './run';

const ROUNDS = 5;
const VIEWPORT = { width: 1366, height: 800 };
const COLUMN_WIDTH = 56;

interface Schedule {
  rooms: number;
  /** How far ahead the stays go, and how far the owner scrolls. */
  days: number;
}

/** Rooms with weekend rates and a stay every few days, through the service's own calls. */
function seed(dataDir: string, schedule: Schedule): void {
  const service = createService({ dataDir });
  try {
    service.call('property:save', { name: 'Bench', type: 'chambre_hotes' });
    const unitIds = Array.from({ length: schedule.rooms }, (_, i) => service.call('units:create', { name: `Chambre ${i + 1}`, capacity: 4, baseRateCents: 8000 + 500 * (i % 5) }).id);
    const today = nightAt(service.now(), 'Europe/Paris');
    for (let day = 0; day < schedule.days; day++) {
      const night = addDays(today, day);
      if (weekday(night) >= 5 && weekday(night) <= 6) service.call('overrides:set', { unitIds, firstNight: night, lastNight: night, changes: { rateCents: 11000 } });
    }
    unitIds.forEach((unitId, room) => {
      for (let day = room % 3; day < schedule.days; day += 4 + (room % 3)) {
        const arrival = addDays(today, day);
        service.call('reservations:create', { unitId, arrival, departure: addDays(arrival, 2 + (day % 3)), guests: 2, guestName: `Guest ${room}-${day}`, allowOverbooking: true });
      }
    });
  } finally {
    service.close();
  }
}

interface Measure {
  renderMs: number;
  scrollMs: number;
  steps: number;
  cells: number;
}

/** In the page: resolves at the time (since navigation) the grid shows data in every cell in view. */
const RENDERED = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const ready = () => {
    const grid = document.querySelector('.grid-scroller');
    return grid !== null && grid.querySelector('.cell__info') !== null && grid.querySelector('.cell--loading') === null;
  };
  while (!ready()) await frame();
  return performance.now();
})()`;

/** In the page: scrolls right a screen at a time until \`days\` nights have passed, then waits for their data. */
const scrollAcross = (days: number) => `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const grid = document.querySelector('.grid-scroller');
  const target = Math.min(grid.scrollLeft + ${days} * ${COLUMN_WIDTH}, grid.scrollWidth - grid.clientWidth);
  const step = grid.clientWidth - 200;
  const start = performance.now();
  let steps = 0;
  while (grid.scrollLeft < target - 1) {
    grid.scrollLeft = Math.min(target, grid.scrollLeft + step);
    await frame();
    await frame();
    steps++;
  }
  while (grid.querySelector('.cell--loading')) await frame();
  return { scrollMs: performance.now() - start, steps, cells: grid.querySelectorAll('[role="gridcell"]').length };
})()`;

async function measure(browser: Browser, adminUrl: string, days: number): Promise<Measure> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(adminUrl);
    // Strings, not functions: tsx would wrap functions with a helper the page does not have.
    const renderMs = await page.evaluate<number>(RENDERED);
    const scrolled = await page.evaluate<Omit<Measure, 'renderMs'>>(scrollAcross(days));
    return { renderMs, ...scrolled };
  } finally {
    await context.close();
  }
}

export default async function bench(): Promise<BenchLine[]> {
  // What the build says goes to stderr: stdout holds the result lines only.
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/ensure-built.mjs')], { stdio: ['ignore', process.stderr, process.stderr] });
  const rendererDir = path.resolve(import.meta.dirname, '../../out/renderer');
  const big: Schedule = { rooms: 20, days: 365 };
  const small: Schedule = { rooms: 1, days: 31 };
  const dirs = [big, small].map((schedule) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-grid-bench-'));
    seed(dir, schedule);
    return dir;
  });
  const servers: Headless[] = [];
  let browser: Browser | undefined;
  try {
    for (const dataDir of dirs) servers.push(await startHeadless({ dataDir, port: 0, rendererDir }));
    browser = await launchChromium();
    const results: { big: Measure[]; small: Measure[] } = { big: [], small: [] };
    const run = (schedule: Schedule, adminUrl: string, into: Measure[]) => async () => {
      const measured = await measure(browser!, adminUrl, schedule.days);
      into.push(measured);
      return measured.renderMs + measured.scrollMs;
    };
    // The warm-up round (Chromium's own first start, the bundles' first load) is no part of either figure.
    const totals = await alternate({ big: run(big, servers[0]!.adminUrl, results.big), small: run(small, servers[1]!.adminUrl, results.small) }, ROUNDS);
    const measured = { big: results.big.slice(-ROUNDS), small: results.small.slice(-ROUNDS) };
    const render = (ms: Measure[]) => ms.map((m) => m.renderMs);
    const perStep = (ms: Measure[]) => ms.map((m) => m.scrollMs / Math.max(1, m.steps));
    const steps = (ms: Measure[]) => `${ms[0]!.steps} steps, ${ms[0]!.cells} cells drawn`;
    return [
      {
        name: 'grid render+scroll, 20 rooms × 1 year',
        figure: median(totals.big),
        unit: 'ms',
        ratio: medianRatio(totals.big, totals.small),
        baseline: `1 room × 1 month at ${median(totals.small).toFixed(0)} ms (${steps(measured.big)} vs ${steps(measured.small)})`,
      },
      {
        name: 'grid first render, 20 rooms',
        figure: median(render(measured.big)),
        unit: 'ms',
        ratio: medianRatio(render(measured.big), render(measured.small)),
        baseline: `1 room at ${median(render(measured.small)).toFixed(0)} ms`,
      },
      {
        name: 'grid scroll step (one screen), 20 rooms',
        figure: median(perStep(measured.big)),
        unit: 'ms',
        ratio: medianRatio(perStep(measured.big), perStep(measured.small)),
        baseline: `1 room at ${median(perStep(measured.small)).toFixed(1)} ms`,
      },
    ];
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}
