import type { ApiTransport } from '../../../shared/api';
import { TOKEN_QUERY_PARAMETER } from '../../../shared/bridge';
import { bridgeTransport } from './bridgeTransport';
import { httpTransport } from './httpTransport';

export const TOKEN_STORAGE_KEY = 'pigeonnier.token';

/** Electron's preload bridge when there is one, otherwise headless mode's HTTP API. */
export function pickTransport(win: Window = window): ApiTransport {
  if (win.pigeonnier) return bridgeTransport(win.pigeonnier);
  return httpTransport(takeToken(win));
}

/**
 * The token arrives once in the URL (`?token=…`). It is kept for the tab's life in
 * sessionStorage, so a reload still works, and removed from the address bar, so it does not
 * linger in the history or leak when the owner copies the link.
 */
export function takeToken(win: Window): string {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY_PARAMETER);
  if (fromUrl !== null) {
    url.searchParams.delete(TOKEN_QUERY_PARAMETER);
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  try {
    if (fromUrl) win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? fromUrl ?? '';
  } catch {
    // Storage can be disabled by the browser's privacy settings; the token then lasts this page only.
    return fromUrl ?? '';
  }
}
