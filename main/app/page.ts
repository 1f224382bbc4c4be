/**
 * Where the page comes from, and how to recognise it: the built page on disk, or in
 * development electron-vite's dev server on this machine. The IPC wrapper and the navigation
 * guards trust a frame only when its URL is this page (any route: hash and query ignored).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface PageLocation {
  /** What the window loads. */
  readonly source: { file: string } | { url: string };
  isOurs(url: string): boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * `devUrl` is honoured only when it points at this machine over http(s): a stray environment
 * variable must not make the window load, and trust, a page from the network.
 */
export function pageLocation(htmlFile: string, devUrl?: string): PageLocation {
  const dev = devUrl ? parse(devUrl) : null;
  if (dev && /^https?:$/.test(dev.protocol) && LOOPBACK.has(dev.hostname)) {
    return {
      source: { url: dev.href },
      isOurs: (url) => parse(url)?.origin === dev.origin,
    };
  }
  const file = path.resolve(htmlFile);
  const href = pathToFileURL(file).href;
  return {
    source: { file },
    isOurs(url) {
      const parsed = parse(url);
      if (!parsed || parsed.protocol !== 'file:' || parsed.host !== '') return false;
      parsed.hash = '';
      parsed.search = '';
      // Compare decoded paths so %20 and a space (or a drive letter's case) cannot differ.
      return parsed.href === href || fileURLToPath(parsed) === file;
    },
  };
}
