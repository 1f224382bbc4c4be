import type { ApiCallName, ApiEnvelope, ApiTransport } from '../../../shared/api';
import { API_PREFIX, EVENTS_PATH } from '../../../shared/bridge';
import { failure, isEnvelope, networkFailure } from './envelopes';
import { followEventStream } from './eventStream';

export interface HttpTransportOptions {
  /** Injected by tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
  /** Prefix of every URL; empty means the page's own origin, which is how headless mode serves it. */
  baseUrl?: string;
  /** First wait before reopening the event stream; it grows while the service stays away. */
  reconnectDelayMs?: number;
}

/**
 * The headless-mode transport (protocol in shared/bridge.ts). It never throws: whatever goes
 * wrong on the way becomes an envelope, so the page has one path for every refusal.
 */
export function httpTransport(token: string, options: HttpTransportOptions = {}): ApiTransport {
  // Called through a wrapper because the browser's fetch refuses to run detached from window.
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  const authorization = { Authorization: `Bearer ${token}` };

  async function invoke(name: ApiCallName, input: unknown): Promise<ApiEnvelope<unknown>> {
    const hasInput = input !== undefined;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${API_PREFIX}${name}`, {
        method: 'POST',
        headers: hasInput ? { ...authorization, 'Content-Type': 'application/json' } : authorization,
        body: hasInput ? JSON.stringify(input) : undefined,
      });
      text = await response.text();
    } catch {
      return networkFailure();
    }
    const envelope = parseEnvelope(text);
    // A 401 may come from something in front of the service (a proxy) with a body of its own.
    if (response.status === 401) return envelope && !envelope.ok ? envelope : failure('unauthorized', 'errors.unauthorized');
    return envelope ?? failure('internal', 'errors.internal');
  }

  const subscribe = followEventStream({
    open: (signal) =>
      fetchImpl(`${baseUrl}${EVENTS_PATH}`, {
        headers: { ...authorization, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal,
      }),
    reconnectDelayMs: options.reconnectDelayMs ?? 1000,
  });

  return { invoke, subscribe };
}

function parseEnvelope(text: string): ApiEnvelope<unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isEnvelope(value) ? value : null;
  } catch {
    return null;
  }
}
