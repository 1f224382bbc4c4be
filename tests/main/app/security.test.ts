import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl } from '../../../main/app/externalLinks';
import { pageLocation } from '../../../main/app/page';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, withContentSecurityPolicy } from '../../../main/app/security';
import { FakeWebContents, resetFakeElectron, session, shell } from './fakeElectron';
import { recordingLog } from './recordingLog';

vi.mock('electron', () => import('./fakeElectron'));

const PAGE_FILE = '/opt/Pigeonnier/out/renderer/index.html';
const OUR_URL = `file://${PAGE_FILE}`;

function guarded() {
  const contents = new FakeWebContents();
  contents.mainFrame.url = OUR_URL;
  const log = recordingLog();
  hardenWebContents(contents as never, { isOurPage: pageLocation(PAGE_FILE).isOurs, log });
  return { contents, log };
}

describe('navigation and new windows', () => {
  beforeEach(resetFakeElectron);

  it('prevents every navigation of the page, even to itself', () => {
    const { contents } = guarded();
    expect(contents.fire('will-navigate', { url: OUR_URL })).toBe(true);
    expect(contents.fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.fire('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(contents.fire('will-attach-webview', {})).toBe(true);
    expect(shell.opened).toEqual(['https://evil.example/']);
  });

  it('denies every new window; https and mailto links open in the browser, nothing else does', async () => {
    const { contents, log } = guarded();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of ['https://www.gites-de-france.com/fr', 'mailto:camille@example.fr', 'http://plain.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:', 'https://bank.fr@evil.example/']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://www.gites-de-france.com/fr', 'mailto:camille@example.fr']);
    expect(log.lines.filter((l) => l.startsWith('warn: Refused to open a link'))).toHaveLength(5);
  });

  it('tells which links may leave the app', () => {
    expect(isSafeExternalUrl('https://extranet.example/calendar')).toBe(true);
    expect(isSafeExternalUrl('mailto:guest@example.com')).toBe(true);
    for (const url of ['http://example.com', 'https://user:pw@example.com', 'file:///C:/Windows', 'javascript:void(0)', 'vbscript:x', 'not a url', 'https://', 'smb://share/x']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('recognises our page by its file, whatever its route, and only a loopback dev server', () => {
    const page = pageLocation(PAGE_FILE);
    expect(page.source).toEqual({ file: PAGE_FILE });
    expect(page.isOurs(`${OUR_URL}#/reservations/12`)).toBe(true);
    expect(page.isOurs(`${OUR_URL}?lang=fr`)).toBe(true);
    expect(page.isOurs('file:///opt/Pigeonnier/out/renderer/other.html')).toBe(false);
    expect(page.isOurs('file://server/opt/Pigeonnier/out/renderer/index.html')).toBe(false);
    expect(page.isOurs('https://evil.example/opt/Pigeonnier/out/renderer/index.html')).toBe(false);
    const dev = pageLocation(PAGE_FILE, 'http://localhost:5173/');
    expect(dev.source).toEqual({ url: 'http://localhost:5173/' });
    expect(dev.isOurs('http://localhost:5173/#/planning')).toBe(true);
    expect(dev.isOurs('http://localhost:5174/')).toBe(false);
    // A dev URL off this machine is ignored: the built page is loaded instead.
    expect(pageLocation(PAGE_FILE, 'https://evil.example/').source).toEqual({ file: PAGE_FILE });
  });
});

describe('the session', () => {
  beforeEach(resetFakeElectron);

  it('denies every permission request and check', () => {
    const log = recordingLog();
    hardenSession(session.defaultSession as never, log);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.defaultSession.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.defaultSession.permissionCheckHandler!({}, 'media', OUR_URL, {})).toBe(false);
    expect(session.defaultSession.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
    expect(log.lines).toContain('warn: Refused a permission request from the page: media');
  });

  it('puts the content security policy on every response, replacing any other', () => {
    hardenSession(session.defaultSession as never, recordingLog());
    const callback = vi.fn();
    session.defaultSession.headersHandler!({ responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["default-src *"] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('has a policy that allows only the page’s own scripts and nothing to frame, post or embed', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'object-src': "'none'",
      'frame-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });
});
