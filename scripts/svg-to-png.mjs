// Renders SVG drawings to PNG with Debian's Chromium (playwright-core, no browser download):
// one browser for a batch of { svg, css, size, out } jobs. Used by render-icon.mjs and
// render-tray-icons.mjs; run those by hand after changing a drawing.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export async function renderSvgs(jobs) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 64, height: 64 }, deviceScaleFactor: 1 });
    for (const { svg, css = '', size, out } of jobs) {
      await page.setViewportSize({ width: size, height: size });
      const drawing = fs.readFileSync(svg, 'utf8').replace(/<svg([^>]*?)\swidth="[^"]*"\sheight="[^"]*"/, '<svg$1 width="100%" height="100%"');
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}${css}</style>${drawing}`);
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    }
  } finally {
    await browser.close();
  }
}
