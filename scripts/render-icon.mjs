// Renders assets/icon.svg to assets/icon.png (512×512) with Debian's Chromium, for packaging.
// Run by hand after changing the drawing: `node scripts/render-icon.mjs`.
import path from 'node:path';
import { renderSvgs } from './svg-to-png.mjs';

const root = path.resolve(import.meta.dirname, '..');
await renderSvgs([{ svg: path.join(root, 'assets/icon.svg'), size: 512, out: path.join(root, 'assets/icon.png') }]);
