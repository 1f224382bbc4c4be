/**
 * The headless HTTP bridge for the contract of shared/api.ts (protocol in shared/bridge.ts):
 * POST /api/<call> and the event stream GET /api/events. The token is checked before anything
 * else, the body before the service sees it; every answer is an ApiEnvelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEnvelope, ApiEventMessage } from '../../shared/api';
import { API_PREFIX, EVENTS_PATH, HTTP_STATUS_BY_CODE } from '../../shared/bridge';
import type { ApiErrorBody } from '../../shared/errors';
import type { Service } from '../service';
import { tokenMatches } from './adminToken';

const MAX_BODY_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 25_000;

function sendEnvelope(res: ServerResponse, envelope: ApiEnvelope<unknown>): void {
  const status = envelope.ok ? 200 : HTTP_STATUS_BY_CODE[envelope.error.code];
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function refuse(res: ServerResponse, error: Omit<ApiErrorBody, 'issues'>, status?: number, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ ok: false, error: { ...error, issues: [] } });
  res.writeHead(status ?? HTTP_STATUS_BY_CODE[error.code], { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Reads a JSON body up to the cap; undefined for an empty body (a call without input). */
async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: number; key: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, key: 'errors.tooLong' };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, key: 'errors.format' };
  }
}

function streamEvents(service: Service, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = service.subscribe((message: ApiEventMessage) => {
    res.write(`event: ${message.event}\ndata: ${JSON.stringify(message.payload)}\n\n`);
  });
  // A comment now and then keeps proxies and idle timeouts from closing a quiet stream.
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const stop = () => {
    clearInterval(keepalive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}

/** Handles the request if it is for /api; returns false to let the caller serve something else. */
export async function handleAdminApi(service: Service, token: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    // "//..%2f…" reads as an authority that is no host: no call can be named that way.
    return false;
  }
  if (!url.pathname.startsWith(API_PREFIX) && url.pathname !== API_PREFIX.slice(0, -1)) return false;

  if (!tokenMatches(token, bearer(req))) {
    refuse(res, { code: 'unauthorized', key: 'errors.unauthorized' }, 401, { 'www-authenticate': 'Bearer realm="Pigeonnier"' });
    return true;
  }
  if (url.pathname === EVENTS_PATH) {
    if (req.method !== 'GET') refuse(res, { code: 'invalid_input', key: 'errors.method' }, 405, { allow: 'GET' });
    else streamEvents(service, req, res);
    return true;
  }
  if (req.method !== 'POST') {
    refuse(res, { code: 'invalid_input', key: 'errors.method' }, 405, { allow: 'POST' });
    return true;
  }
  const body = await readJson(req);
  if (!body.ok) {
    refuse(res, { code: 'invalid_input', key: body.key }, body.status);
    return true;
  }
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
  } catch {
    name = url.pathname.slice(API_PREFIX.length);
  }
  sendEnvelope(res, service.invoke(name, body.value));
  return true;
}
