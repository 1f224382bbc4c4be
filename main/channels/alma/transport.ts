/**
 * One OpenTravel exchange over HTTP (docs/alma-protocol.md, "Transport"): POST one XML
 * document, read one back. Per-phase timeouts (connect, headers, idle body) and an overall
 * deadline (a server dripping a byte a second passes every idle timeout); a cap on the body
 * (no OTA answer of ours comes near it); Retry-After read on 429 and 503; every failure a value,
 * never a throw. The User-Agent and the Retry-After reading are the calendar fetcher's
 * (main/sync/fetchFeed.ts), so partners see one Pigeonnier.
 */
import { Agent, request } from 'undici';
import { retryAfter, USER_AGENT } from '../../sync/fetchFeed';
import { almaMessage, type AlmaFailure } from './result';

export interface TransportOptions {
  /** Overall deadline for one exchange, from connecting to the last byte of the answer. */
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  now: () => Date;
}

export const DEFAULT_TRANSPORT_OPTIONS: TransportOptions = {
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  now: () => new Date(),
};

export type Exchange = { ok: true; body: string } | { ok: false; failure: AlmaFailure };

export interface Transport {
  post(xml: string): Promise<Exchange>;
  close(): Promise<void>;
}

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

class Failed extends Error {
  constructor(readonly failure: AlmaFailure) {
    super(failure.message.key);
  }
}

const network = (key: string, params?: Record<string, string | number>) => new Failed({ kind: 'network', message: almaMessage(key, params) });
const timeout = (key: string, ms: number) => new Failed({ kind: 'timeout', message: almaMessage(key, { seconds: seconds(ms) }) });
const malformed = (key: string, params?: Record<string, string | number>) => new Failed({ kind: 'malformed', message: almaMessage(key, params) });

function networkFailure(error: unknown, options: TransportOptions, headersTimeoutMs: number): Failed {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
  const code = cause?.code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return timeout('connectTimeout', options.connectTimeoutMs);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return timeout('timeout', headersTimeoutMs);
  if (code === 'UND_ERR_BODY_TIMEOUT') return timeout('stalled', headersTimeoutMs);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return network('dns');
  if (code === 'ECONNREFUSED') return network('refused');
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) return network('tls');
  return network('network', { detail: (cause?.message ?? String(error)).slice(0, 120) });
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function refusedStatus(status: number, retryAfterHeader: string | null, now: Date): Failed {
  if (status === 429 || status === 503) {
    const at = retryAfter(retryAfterHeader, now);
    const retryAfterMs = at ? Math.max(0, at.getTime() - now.getTime()) : null;
    const message =
      retryAfterMs === null ? almaMessage('busy', { status }) : almaMessage('busyWait', { status, seconds: seconds(retryAfterMs) });
    return new Failed({ kind: 'http', status, retryAfterMs, message });
  }
  const key = status === 401 || status === 403 ? 'forbidden' : status === 404 ? 'notFound' : 'httpStatus';
  return new Failed({ kind: 'http', status, retryAfterMs: null, message: almaMessage(key, { status }) });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function createTransport(serviceUrl: string, overrides: Partial<TransportOptions> = {}): Transport {
  const options = { ...DEFAULT_TRANSPORT_OPTIONS, ...overrides };
  const connectTimeoutMs = Math.min(options.connectTimeoutMs, options.timeoutMs);
  const phaseTimeoutMs = options.timeoutMs;
  const agent = new Agent({ connectTimeout: connectTimeoutMs, headersTimeout: phaseTimeoutMs, bodyTimeout: phaseTimeoutMs });
  const megabytes = Math.max(1, Math.round(options.maxBytes / 1048576));

  async function exchange(url: URL, xml: string, signal: AbortSignal): Promise<string> {
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method: 'POST',
        dispatcher: agent,
        signal,
        headers: {
          'user-agent': USER_AGENT,
          'content-type': 'application/xml; charset=utf-8',
          accept: 'application/xml, text/xml;q=0.9',
        },
        body: xml,
      });
    } catch (error) {
      throw signal.aborted ? error : networkFailure(error, { ...options, connectTimeoutMs }, phaseTimeoutMs);
    }
    const { statusCode, headers, body } = response;
    if (statusCode < 200 || statusCode > 299) {
      await body.dump().catch(() => {});
      throw refusedStatus(statusCode, header(headers['retry-after']), options.now());
    }
    const declared = Number(header(headers['content-length']));
    if (declared > options.maxBytes) {
      await body.dump({ limit: 0 }).catch(() => {});
      throw malformed('tooLarge', { megabytes });
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        total += chunk.byteLength;
        if (total > options.maxBytes) {
          body.destroy();
          throw malformed('tooLarge', { megabytes });
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof Failed || signal.aborted) throw error;
      const failure = networkFailure(error, options, phaseTimeoutMs);
      // The connection dropped mid-answer: a cut-off document, whatever the socket says.
      throw failure.failure.message.key === 'alma.errors.network' ? network('truncated') : failure;
    }
    try {
      return utf8.decode(Buffer.concat(chunks, total));
    } catch {
      throw malformed('notUtf8');
    }
  }

  return {
    async post(xml) {
      let url: URL;
      try {
        url = new URL(serviceUrl);
      } catch {
        return { ok: false, failure: { kind: 'network', message: almaMessage('badUrl') } };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return { ok: false, failure: { kind: 'network', message: almaMessage('notHttp', { scheme: url.protocol.replace(/:$/, '') }) } };
      }
      const controller = new AbortController();
      const deadline = timeout('deadline', options.timeoutMs);
      const timer = setTimeout(() => controller.abort(deadline), options.timeoutMs);
      try {
        return { ok: true, body: await exchange(url, xml, controller.signal) };
      } catch (error) {
        const failed = error instanceof Failed ? error : controller.signal.aborted ? deadline : networkFailure(error, options, phaseTimeoutMs);
        return { ok: false, failure: failed.failure };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.close(),
  };
}
