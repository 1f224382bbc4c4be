/**
 * The session's and every web contents' guards (Electron's security checklist): no permission
 * is ever granted (the page needs no camera, location, notifications or clipboard reads: the
 * main process notifies), a content security policy header on every response, no webviews,
 * no navigation away from the page, no new windows. Links to the web go to the browser, and
 * only after isSafeExternalUrl agrees.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from './externalLinks';

/**
 * The same policy as renderer/index.html's meta tag, tightened: the page loads its own scripts
 * and styles only, talks to nothing (IPC is not a fetch), embeds nothing. 'unsafe-inline' for
 * styles stays because the meta tag has it; the stricter of the two applies anyway.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Headers = Record<string, string[]>;

/** The response's headers with our policy, replacing any other (in whatever case it came). */
export function withContentSecurityPolicy(headers: Headers | undefined): Headers {
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...kept, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

export interface Logger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Refused a permission request from the page: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Electron's docs: the header is the policy's preferred delivery. For file:// pages the meta
  // tag in index.html is what applies where Electron does not pass through this hook.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

export interface WebContentsGuards {
  isOurPage(url: string): boolean;
  log: Logger;
}

/** The app's only way out to the browser: the URL is checked first, whoever asked. */
export function openExternally(url: string, log: Logger): void {
  if (!isSafeExternalUrl(url)) {
    log.warn(`Refused to open a link: ${url.slice(0, 200)}`);
    return;
  }
  // Reviewed for electronegativity's OPEN_EXTERNAL check: isSafeExternalUrl allows https: and mailto: only.
  void shell.openExternal(url).catch((error: unknown) => log.warn(`Could not open ${url} in the browser`, error)); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
}

/** For every web contents the app creates (app 'web-contents-created'), ours or not. */
export function hardenWebContents(contents: WebContents, guards: WebContentsGuards): void {
  const leave = (url: string) => openExternally(url, guards.log);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Routes change the hash, which is not a navigation; anything else would replace the page.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    if (!guards.isOurPage(event.url)) leave(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
}
