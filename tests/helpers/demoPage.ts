/**
 * The end-to-end set-up the screen tests share: a demo data folder, `serve` on it, and a French
 * page in Chromium opened on the admin URL, collecting the page's errors.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './chromium';
import { runCli, startServe, type ServeProcess } from './cli';

export interface DemoPage {
  serve: ServeProcess;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface DemoPageOptions {
  /** Also count console errors (a page that reports a refused link check logs one on purpose). */
  consoleErrors?: boolean;
}

export async function openDemoPage(dataDir: string, problems: string[], options: DemoPageOptions = {}): Promise<DemoPage> {
  expect(runCli(['demo', '--data', dataDir]).status).toBe(0);
  const serve = await startServe(['--data', dataDir, '--port', '0']);
  const browser = await launchChromium();
  const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1366, height: 800 } });
  if (options.consoleErrors) {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
  }
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(serve.adminUrl);
  await page.getByRole('grid').waitFor();
  return {
    serve,
    browser,
    page,
    close: async () => {
      await browser.close();
      await serve.stop();
    },
  };
}

/** What the page's own API answers, with the admin token `serve` printed. */
export async function callApi<T>(serve: ServeProcess, name: string, input?: unknown): Promise<T> {
  const url = new URL(serve.adminUrl);
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(envelope.ok, JSON.stringify(envelope.error)).toBe(true);
  return envelope.value;
}
