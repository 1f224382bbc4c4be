// Renders assets/tray/<state>.svg to the tray's PNGs, each at 16 px and 32 px (@2x):
//   <state>-light.png   dark drawing, for light taskbars and panels (Windows light mode)
//   <state>-dark.png    light drawing, for dark ones (Windows dark mode, most Linux top bars)
//   <state>Template.png black only, a macOS template image (the menu bar recolours it)
// The badge keeps its colour in the first two, so the state shows at a glance; in the template
// its shape alone tells the states apart. Run by hand after changing a drawing:
// `node scripts/render-tray-icons.mjs`.
import path from 'node:path';
import { renderSvgs } from './svg-to-png.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'assets/tray');
const BADGES = { inStep: '#2e9d57', syncing: '#2f7fd8', failing: '#d93b3b', conflict: '#e08a00', paused: '#8a8a8a' };
const VARIANTS = [
  { suffix: '-light', glyph: '#2b2b2b', badge: (colour) => colour },
  { suffix: '-dark', glyph: '#f2f2f2', badge: (colour) => colour },
  { suffix: 'Template', glyph: '#000000', badge: () => '#000000' },
];

const jobs = [];
for (const [state, colour] of Object.entries(BADGES)) {
  for (const variant of VARIANTS) {
    const css = `.glyph{fill:${variant.glyph}}.badge{fill:${variant.badge(colour)};stroke:${variant.badge(colour)}}`;
    for (const [scale, size] of [['', 16], ['@2x', 32]]) {
      jobs.push({ svg: path.join(dir, `${state}.svg`), css, size, out: path.join(dir, `${state}${variant.suffix}${scale}.png`) });
    }
  }
}
await renderSvgs(jobs);
console.log(`${jobs.length} tray icons written to ${path.relative(root, dir)}/`);
