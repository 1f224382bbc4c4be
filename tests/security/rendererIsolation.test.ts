/**
 * Issue 10, security: the page cannot reach Node. Where each guarantee is tested:
 * - the window's webPreferences (isolated, sandboxed, no Node, web security, no webview):
 *   tests/main/app/window.test.ts, "is hardened";
 * - the preload exposes window.pigeonnier only, one function per call, and is bundled with
 *   nothing but electron: tests/main/app/preload.test.ts;
 * - IPC answers our main frame only: tests/main/app/ipc.test.ts;
 * - no navigation, no new window, no permission, the desktop CSP on every response:
 *   tests/main/app/security.test.ts;
 * - electronegativity finds nothing HIGH or MEDIUM, and is shown to catch an unsafe window:
 *   tests/main/app/electronegativity.test.ts (left there, beside the other shell tests).
 * This file adds what those do not: that window is the only one the sources make and nothing
 * loosens it anywhere; the built page has no inline script, no Node and no IPC of its own; the
 * page's code has no HTML or code injection sink; headless mode's CSP forbids eval and framing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_SECURITY_HEADERS } from '../../main/server/staticFiles';

const ROOT = path.resolve(__dirname, '../..');

function sources(folder: string): { file: string; text: string }[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|tsx|html)$/.test(f))
    .map((f) => ({ file: path.join(folder, f), text: fs.readFileSync(path.join(ROOT, folder, f), 'utf8') }));
}

function hits(files: { file: string; text: string }[], pattern: RegExp): string[] {
  return files.filter((f) => pattern.test(f.text)).map((f) => f.file);
}

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('the page cannot reach Node', () => {
  const all = [...sources('main'), ...sources('renderer'), ...sources('shared')];

  it('has one window, made in main/app/window.ts, and nothing anywhere loosens a web page', () => {
    expect(hits(all, /new\s+BrowserWindow\s*\(/)).toEqual([path.join('main', 'app', 'window.ts')]);
    expect(hits(all, /\bwebPreferences\b/)).toEqual([path.join('main', 'app', 'window.ts')]);
    const loosening = /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true|webviewTag\s*:\s*true|enableRemoteModule|@electron\/remote|\bBrowserView\b|\bWebContentsView\b|<webview|executeJavaScript|setWindowOpenHandler\([^)]*allow/;
    expect(hits(all, loosening)).toEqual([]);
    // The pattern does catch what it looks for.
    for (const unsafe of ['{ sandbox: false }', 'nodeIntegration: true', "require('@electron/remote')", 'new WebContentsView()']) expect(loosening.test(unsafe), unsafe).toBe(true);
  });

  it('gives the page’s own code no Node, no IPC of its own, no HTML or code injection sink', () => {
    const page = sources('renderer');
    expect(page.length).toBeGreaterThan(20);
    expect(hits(page, /\bipcRenderer\b|\brequire\s*\(|\bprocess\.(versions|binding|env)\b|__dirname|window\.require/)).toEqual([]);
    const sinks = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(/;
    expect(hits(page, sinks)).toEqual([]);
    for (const unsafe of ['<div dangerouslySetInnerHTML={{ __html: name }} />', 'el.innerHTML = name', 'eval(code)']) expect(sinks.test(unsafe), unsafe).toBe(true);
  });

  it('is built as scripts from its own folder only, with a CSP that allows no inline script or eval', () => {
    const dir = path.join(ROOT, 'out', 'renderer');
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim(), 'an inline script').toBe('');
      expect(attributes).toMatch(/\ssrc="\.\/assets\/[^"/]+\.js"/);
    }
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(directives(meta!)).toMatchObject({ 'script-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'" });
    expect(meta).not.toMatch(/unsafe-eval/);
    const bundles = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const bundle of bundles) {
      const code = fs.readFileSync(path.join(dir, 'assets', bundle), 'utf8');
      expect(code, bundle).not.toMatch(/\brequire\s*\(\s*["'`]|\bipcRenderer\b|process\.binding|["'`]node:[a-z_]+["'`]|["'`]child_process["'`]/);
    }
  });

  it('is served headless with a policy that runs its own scripts only and lets no one frame it', () => {
    const policy = directives(PAGE_SECURITY_HEADERS['content-security-policy']!);
    expect(policy).toMatchObject({ 'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'", 'frame-ancestors': "'none'", 'connect-src': "'self'" });
    expect(PAGE_SECURITY_HEADERS['content-security-policy']).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(PAGE_SECURITY_HEADERS).toMatchObject({ 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff' });
  });
});
