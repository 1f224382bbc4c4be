/**
 * A partner's calendar server on 127.0.0.1 (http, or https with the certificate in
 * tests/fixtures/tls), serving a scripted sequence of replies — one per request, the last one
 * repeated — and recording every request with its raw header bytes. Closed after each test.
 */
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach } from 'vitest';

export type Reply = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  /** Header name (lower case) → value bytes exactly as received. */
  headers: Record<string, Buffer>;
}

export interface Partner {
  origin: string;
  url(pathname?: string): string;
  requests: RecordedRequest[];
  /** Replaces the script: the n-th request gets the n-th reply, later ones the last. */
  serve(...replies: Reply[]): void;
  close(): Promise<void>;
}

const TLS_DIR = path.resolve(__dirname, '../fixtures/tls');
export const PARTNER_CA = fs.readFileSync(path.join(TLS_DIR, 'partner.crt'));

const running: Partner[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});

export async function startPartner(options: { tls?: boolean } = {}): Promise<Partner> {
  let script: Reply[] = [ics('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')];
  let served = 0;
  const requests: RecordedRequest[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, Buffer> = {};
    // Node decodes header bytes as latin-1: encoding back as latin-1 gives the bytes sent.
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i]!.toLowerCase()] = Buffer.from(req.rawHeaders[i + 1]!, 'latin1');
    requests.push({ path: req.url ?? '/', headers });
    const reply = script[Math.min(served, script.length - 1)]!;
    served++;
    reply(req, res);
  };
  const server = options.tls
    ? https.createServer({ key: fs.readFileSync(path.join(TLS_DIR, 'partner.key')), cert: PARTNER_CA }, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const partner: Partner = {
    origin,
    url: (pathname = '/calendar.ics') => `${origin}${pathname}`,
    requests,
    serve: (...replies) => {
      script = replies;
      served = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.push(partner);
  return partner;
}

/** A calendar with 200 and the given headers. */
export function ics(body: string | Buffer, headers: Record<string, string> = {}): Reply {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', ...headers });
    res.end(body);
  };
}

export function gzipped(body: string): Reply {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar', 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(body));
  };
}

export function status(code: number, headers: Record<string, string> = {}, body = ''): Reply {
  return (_req, res) => {
    res.writeHead(code, headers);
    res.end(body);
  };
}

export function redirect(location: string, code = 302): Reply {
  return status(code, { location });
}

/** Bytes written straight to the socket, then the connection closed: for what Node's server would not send. */
export function raw(bytes: Buffer | string): Reply {
  return (req) => {
    req.socket.end(bytes);
  };
}

/** Accepts the request and never answers. */
export function silent(): Reply {
  return () => {};
}

/** Headers at once, then one small chunk (a line, or e.g. a single byte) every `everyMs`, forever. */
export function drip(everyMs: number, chunk = 'X-PADDING:drip\r\n'): Reply {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    res.write('BEGIN:VCALENDAR\r\n');
    const timer = setInterval(() => res.write(chunk), everyMs);
    req.socket.on('close', () => clearInterval(timer));
  };
}

/** Headers and the first line at once, then nothing: the body never comes. */
export function stall(): Reply {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    res.write('BEGIN:VCALENDAR\r\n');
  };
}

/** Bytes written straight to the socket (none: before any header), then a TCP reset (RST), not a clean close. */
export function reset(bytes: string = ''): Reply {
  return (req) => {
    if (!bytes) return void req.socket.resetAndDestroy();
    req.socket.write(bytes, () => req.socket.resetAndDestroy());
  };
}

export interface HeldReply {
  reply: Reply;
  /** Resolves when the request has come in (and is being held). */
  arrived: Promise<void>;
  /** Lets the held request get its reply. */
  release(): void;
}

/** A reply kept waiting until the test releases it: the read stays open while the test acts. */
export function held(reply: Reply): HeldReply {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    arrived,
    release,
    reply: (req, res) => {
      arrive();
      void released.then(() => reply(req, res));
    },
  };
}
