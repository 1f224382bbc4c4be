/**
 * Downloads a partner's calendar (DESIGN §4): http(s) only; a User-Agent naming the app;
 * conditional GET with the validators replayed byte for byte; per-phase timeouts (connect,
 * headers, idle body) and a total deadline (a server dripping one byte a second passes every
 * idle timeout); a size cap counted on the decompressed bytes; at most five redirects, never
 * from https to http; Retry-After honoured on 429 and 503 (reported for the scheduler).
 * Every failure comes back as a translatable reason, never as a throw.
 */
import { Agent, fetch, type Response } from 'undici';
import { version } from '../../package.json';
import { problem, type FeedProblem } from '../ical/feedProblem';

export interface FetchOptions {
  deadlineMs: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Extra certificate authority to trust (tests serve https with their own). */
  ca?: string | Buffer;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  deadlineMs: 60_000,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

export const USER_AGENT = `Pigeonnier/${version}`;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { kind: 'ok'; status: number; body: Uint8Array; etag: string | null; lastModified: string | null }
  | { kind: 'notModified'; status: number }
  | { kind: 'failed'; status: number | null; problem: FeedProblem; bytes: number | null; retryAt: Date | null };

export interface FeedFetcher {
  (url: string, validators: Validators): Promise<FetchOutcome>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

class Failure extends Error {
  constructor(
    readonly problem: FeedProblem,
    readonly status: number | null = null,
    readonly retryAt: Date | null = null,
  ) {
    super(problem.key);
  }
}

/** Retry-After is seconds or an HTTP date; null when absent or unreadable. */
export function retryAfter(value: string | null, now: Date): Date | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(Math.max(at, now.getTime()));
}

function refusedStatus(response: Response, now: Date): Failure {
  const { status } = response;
  if (status === 429 || status === 503) {
    const retryAt = retryAfter(response.headers.get('retry-after'), now);
    const reason = retryAt ? problem('busyWait', { status, seconds: seconds(retryAt.getTime() - now.getTime()) }) : problem('busy', { status });
    return new Failure(reason, status, retryAt);
  }
  if (status === 404 || status === 410) return new Failure(problem('notFound', { status }), status);
  if (status === 401 || status === 403) return new Failure(problem('forbidden', { status }), status);
  return new Failure(problem('httpStatus', { status }), status);
}

function networkFailure(error: unknown, options: FetchOptions): Failure {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
  const code = cause?.code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new Failure(problem('connectTimeout', { seconds: seconds(options.connectTimeoutMs) }));
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new Failure(problem('timeout', { seconds: seconds(options.headersTimeoutMs) }));
  if (code === 'UND_ERR_BODY_TIMEOUT') return new Failure(problem('stalled', { seconds: seconds(options.bodyTimeoutMs) }));
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new Failure(problem('dns'));
  if (code === 'ECONNREFUSED') return new Failure(problem('refused'));
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) return new Failure(problem('tls'));
  if (code.startsWith('Z_') || code === 'ERR_ZLIB') return new Failure(problem('badCompression'));
  return new Failure(problem('network', { detail: (cause?.message ?? String(error)).slice(0, 120) }));
}

async function readBody(response: Response, options: FetchOptions): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  // A compressed body's length says nothing of its size once inflated: checked while reading too.
  if (!response.headers.get('content-encoding') && declared > options.maxBytes) {
    // Left unread, the body would hold its connection open, and closing the fetcher would wait for it for ever.
    await response.body?.cancel().catch(() => {});
    throw new Failure(problem('tooLarge', { megabytes: Math.round(options.maxBytes / 1048576) }), response.status);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > options.maxBytes) throw new Failure(problem('tooLarge', { megabytes: Math.round(options.maxBytes / 1048576) }), response.status);
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks, total);
}

export function createFeedFetcher(overrides: Partial<FetchOptions> = {}, now: () => Date = () => new Date()): FeedFetcher {
  const options = { ...DEFAULT_FETCH_OPTIONS, ...overrides };
  const agent = new Agent({
    connectTimeout: options.connectTimeoutMs,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    ...(options.ca ? { connect: { ca: options.ca } } : {}),
  });

  async function fetchOnce(url: string, validators: Validators, signal: AbortSignal, seen: { status: number | null }): Promise<FetchOutcome> {
    let current = url;
    const visited = new Set<string>();
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        throw new Failure(problem('badUrl'));
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Failure(problem('notHttp', { scheme: parsed.protocol.replace(/:$/, '') }));
      visited.add(parsed.href);
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: 'text/calendar, text/plain;q=0.8, */*;q=0.5',
        'accept-encoding': 'gzip, deflate',
      };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      let response: Response;
      try {
        response = await fetch(parsed.href, { dispatcher: agent, redirect: 'manual', headers, signal });
      } catch (error) {
        throw signal.aborted ? error : networkFailure(error, options);
      }
      seen.status = response.status;
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) throw new Failure(problem('httpStatus', { status: response.status }), response.status);
        const next = new URL(location, parsed);
        if (parsed.protocol === 'https:' && next.protocol === 'http:') throw new Failure(problem('insecureRedirect'), response.status);
        if (visited.has(next.href)) throw new Failure(problem('redirectLoop'), response.status);
        if (hop + 1 > options.maxRedirects) throw new Failure(problem('tooManyRedirects', { max: options.maxRedirects }), response.status);
        current = next.href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return { kind: 'notModified', status: 304 };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => {});
        throw refusedStatus(response, now());
      }
      let body: Uint8Array;
      try {
        body = await readBody(response, options);
      } catch (error) {
        if (error instanceof Failure || signal.aborted) throw error;
        const failure = networkFailure(error, options);
        // The connection dropped mid-body: a cut-off download, whatever the socket says.
        throw failure.problem.key === 'feeds.problem.network' ? new Failure(problem('truncated'), response.status) : new Failure(failure.problem, response.status);
      }
      return { kind: 'ok', status: response.status, body, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    }
  }

  const fetcher = (async (url: string, validators: Validators): Promise<FetchOutcome> => {
    const controller = new AbortController();
    const deadline = new Failure(problem('deadline', { seconds: seconds(options.deadlineMs) }));
    const timer = setTimeout(() => controller.abort(deadline), options.deadlineMs);
    const seen = { status: null as number | null };
    try {
      return await fetchOnce(url, validators, controller.signal, seen);
    } catch (error) {
      const failure = error instanceof Failure ? error : controller.signal.aborted ? deadline : networkFailure(error, options);
      return { kind: 'failed', status: failure.status ?? seen.status, problem: failure.problem, bytes: null, retryAt: failure.retryAt };
    } finally {
      clearTimeout(timer);
    }
  }) as FeedFetcher;
  fetcher.close = () => agent.close();
  return fetcher;
}
