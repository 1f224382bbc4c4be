/**
 * The owner's screens in a real browser against `serve` on the demo data: the planning shows
 * the coming guests; a direct booking typed into the form lands on the planning and closes its
 * nights in that room's outgoing calendar; English and back; no console error on the way.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, nightAt } from '../../shared/nights';
import { runCli, type ServeProcess } from '../helpers/cli';
import { callApi, openDemoPage, type DemoPage } from '../helpers/demoPage';
import { nightsOf, parseWithIcalJs } from '../helpers/icsNights';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
let serve: ServeProcess;
let page: Page;
const problems: string[] = [];
/** The demo's "today": it counts its stays from today in Paris. */
const today = nightAt(new Date(), 'Europe/Paris');

interface DemoFile {
  guestName: string;
  arrival: string;
  unit: string;
}

let demoFiles: DemoFile[];

let demo: DemoPage;

beforeAll(async () => {
  const data = path.join(tempDir(), 'data');
  demo = await openDemoPage(data, problems, { consoleErrors: true });
  ({ serve, page } = demo);
  demoFiles = JSON.parse(runCli(['reservations', '--data', data, '--json']).stdout) as DemoFile[];
});

afterAll(async () => demo?.close());

const call = <T,>(name: string, input?: unknown) => callApi<T>(serve, name, input);

describe('the owner’s screens in Chromium', () => {
  it('open on the planning with the demo’s coming guests on it, and the later ones as the owner scrolls', async () => {
    // The grid opens a few days before today; the demo's guests of the next week are in view.
    const soon = demoFiles.filter((f) => f.arrival <= addDays(today, 8));
    expect(soon.length).toBeGreaterThanOrEqual(2);
    for (const file of soon) await page.getByRole('button', { name: new RegExp(`^${file.guestName},`) }).waitFor();
    await expect(page.locator('[aria-current="date"]').count()).resolves.toBe(1);

    // Emily Clarke arrives in 51 days: scrolling there loads and draws her stay.
    const later = demoFiles.find((f) => f.guestName === 'Emily Clarke')!;
    await expect(page.getByRole('button', { name: /^Emily Clarke,/ }).count()).resolves.toBe(0);
    await page.locator('.grid-scroller').evaluate((grid) => (grid.scrollLeft += 56 * 45));
    await page.getByRole('button', { name: /^Emily Clarke,/ }).waitFor();
    expect(later.unit).toBe('Chambre Lavande');
    await page.getByRole('button', { name: 'Revenir à aujourd’hui' }).click();
  });

  it('takes a direct booking in the form, draws it on the planning, and closes its nights in the room’s outgoing calendar', async () => {
    const arrival = addDays(today, 20);
    const departure = addDays(today, 23);
    await page.getByRole('button', { name: 'Nouvelle réservation' }).click();
    await page.getByLabel('Chambre', { exact: true }).selectOption({ label: 'Chambre Lavande (2 personnes)' });
    await page.getByLabel('Arrivée').fill(arrival);
    await page.getByLabel('Départ').fill(departure);
    await page.getByLabel('Nom du client').fill('Zoé Fontaine');
    await page.getByLabel('Téléphone').fill('06 11 22 33 44');
    await page.getByText('Toutes les nuits sont libres.').waitFor();
    await page.getByRole('button', { name: 'Reprendre ce montant' }).click();
    await page.getByRole('button', { name: 'Enregistrer la réservation' }).click();
    await page.getByRole('heading', { level: 2, name: /Zoé Fontaine/ }).waitFor();

    // On the planning, three weeks ahead: reached with the keyboard (a week per Page Down).
    await page.getByRole('link', { name: 'Planning' }).click();
    const grid = page.getByRole('grid');
    await grid.focus();
    for (let i = 0; i < 3; i++) await grid.press('PageDown');
    const bar = page.getByRole('button', { name: /^Zoé Fontaine, Direct,/ });
    await bar.waitFor();
    const host = bar.locator('xpath=ancestor::*[@role="gridcell"][1]');
    await expect(host.getAttribute('data-night')).resolves.toBe(arrival);
    await expect(host.getAttribute('data-unit')).resolves.toBe(
      String((await call<{ id: number; name: string }[]>('units:list')).find((u) => u.name === 'Chambre Lavande')!.id),
    );

    // That room's outgoing calendar, as a partner fetches it, now blocks exactly those nights.
    const links = await call<{ unit: string; url: string }[]>('feeds:list');
    const lavande = links.find((l) => l.unit === 'Chambre Lavande')!;
    const ics = await (await fetch(lavande.url)).text();
    const blocked = nightsOf(parseWithIcalJs(ics));
    expect(blocked).toEqual(expect.arrayContaining([arrival, addDays(arrival, 1), addDays(arrival, 2)]));
    expect(blocked).not.toContain(departure);
    expect(ics).not.toContain('Zoé');
  });

  it('switches to English and back to French', async () => {
    const monthFr = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
    const monthEn = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
    await page.getByRole('link', { name: 'Planning' }).click();
    await page.getByRole('button', { name: 'Revenir à aujourd’hui' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('link', { name: 'Reservations' }).waitFor();
    await page.getByRole('button', { name: 'Back to today' }).waitFor();
    await expect(page.getByRole('grid').textContent()).resolves.toContain(monthEn);

    await page.getByRole('link', { name: 'Reservations' }).click();
    await page.getByRole('heading', { name: 'Reservation files' }).waitFor();
    await page.getByRole('columnheader', { name: 'Arrival' }).waitFor();

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Dossiers de réservation' }).waitFor();
    await page.getByRole('link', { name: 'Planning' }).click();
    await expect(page.getByRole('grid').textContent()).resolves.toContain(monthFr);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
  });

  it('shows no console error on the way', () => {
    expect(problems).toEqual([]);
  });
});
