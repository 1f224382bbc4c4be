// Renders assets/icon.svg to assets/icon.png (512×512) with Debian's Chromium, for packaging.
// Run by hand after changing the drawing: `node scripts/render-icon.mjs`.
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.goto(`file://${path.join(root, 'assets/icon.svg')}`);
await page.screenshot({ path: path.join(root, 'assets/icon.png'), omitBackground: true });
await browser.close();
