import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe, type ServeProcess } from '../helpers/cli';
import { launchChromium } from '../helpers/chromium';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('headless mode in a real browser', () => {
  let serve: ServeProcess | undefined;
  afterAll(async () => {
    await serve?.stop();
  });

  it('shows the demo rooms and upcoming guests through the API, with the token out of the address bar and no console error', async () => {
    const data = path.join(tempDir(), 'data');
    expect(runCli(['demo', '--data', data]).status).toBe(0);
    const guests = (JSON.parse(runCli(['reservations', '--data', data, '--json']).stdout) as { guestName: string }[]).map((r) => r.guestName);
    serve = await startServe(['--data', data, '--port', '0']);

    const page = await browser.newPage({ locale: 'fr-FR' });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(serve.adminUrl);
    await page.getByText('La Maison des Hirondelles').first().waitFor();
    // The planning opens first: every room, and the guests of the coming days on it.
    for (const room of ['Chambre Lavande', 'Chambre Tilleul', 'Suite du Pigeonnier']) {
      await page.getByRole('rowheader', { name: room }).waitFor();
    }
    await page.getByRole('button', { name: /^Camille Martin,/ }).waitFor();
    // Every file, on the reservation files' view.
    await page.getByRole('link', { name: 'Réservations' }).click();
    for (const guest of guests) await page.getByText(guest).first().waitFor();
    // French by default, amounts in euros the French way (Camille: 3 nights at 85 €).
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.getByText(/255,00\s€/).first().isVisible()).resolves.toBe(true);

    // The secret leaves the address bar (and history) once the page has it.
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await page.reload();
    await page.getByText('Camille Martin').first().waitFor();

    expect(problems).toEqual([]);
    await page.close();
  });

  it('without the token the page cannot read anything', async () => {
    const data = path.join(tempDir(), 'data');
    expect(runCli(['demo', '--data', data]).status).toBe(0);
    const own = await startServe(['--data', data, '--port', '0']);
    try {
      const page = await browser.newPage({ locale: 'fr-FR' });
      const origin = new URL(own.adminUrl).origin;
      await page.goto(`${origin}/`);
      const status = await page.evaluate(async () => (await fetch('/api/reservations:list', { method: 'POST', body: '{}' })).status);
      expect(status).toBe(401);
      // The page says why it shows nothing (instead of merely not having rendered yet).
      await page.getByText('Ce lien demande le jeton secret').first().waitFor();
      expect(await page.content()).not.toContain('Camille Martin');
      await page.close();
    } finally {
      await own.stop();
    }
  });
});
