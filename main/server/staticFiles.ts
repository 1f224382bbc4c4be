/**
 * Serves the built page (out/renderer) in headless mode. sirv lists the files once at start and
 * serves only those, so no path can reach outside the folder; unknown paths get index.html
 * (the page routes itself).
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/** The page never needs more than its own origin; the token in its URL must not leak by Referer. */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** The built page beside the built command line (out/main → out/renderer), or out/renderer from the sources. */
export function defaultRendererDir(): string {
  const besideBundle = path.resolve(__dirname, '../renderer');
  if (fs.existsSync(path.join(besideBundle, 'index.html'))) return besideBundle;
  return path.resolve(__dirname, '../../out/renderer');
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function staticPage(rendererDir: string): RequestHandler {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The Pigeonnier page has not been built. Run `npm run build`, then start again.\n');
    };
  }
  const serve = sirv(rendererDir, {
    single: true,
    dev: false,
    etag: true,
    setHeaders(res, pathname) {
      for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) res.setHeader(name, value);
      // Hashed assets never change; the page itself must always be fresh.
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req, res) =>
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
}
