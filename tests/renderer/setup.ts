import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // Views live in the URL's hash: each test starts on the first view.
  window.history.replaceState(null, '', '/');
});

/**
 * jsdom lays nothing out, so every element measures 0×0 and the planning's virtualiser would
 * draw no column. Give the grid's scroller the box it has on a laptop; nothing else reads it.
 */
const GRID_BOX = { clientWidth: 1100, clientHeight: 640 };
for (const [property, size] of Object.entries(GRID_BOX)) {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, property)!;
  Object.defineProperty(HTMLElement.prototype, property, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('grid-scroller') ? size : (original.get!.call(this) as number);
    },
  });
}
