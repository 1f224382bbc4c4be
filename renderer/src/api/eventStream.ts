import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { API_EVENT_NAMES, type ApiEventListener, type ApiEventMessage, type ApiEventName } from '../../../shared/api';

export interface EventStreamOptions {
  /** Opens the stream; the signal aborts it when nobody listens any more. */
  open(signal: AbortSignal): Promise<Response>;
  reconnectDelayMs: number;
}

/** However long the service stays away, the page tries again at least this often. */
const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * Server-sent events read with fetch rather than EventSource, because EventSource cannot send
 * the Authorization header. The stream is opened on the first subscriber, reopened after it
 * ends or fails (waiting longer after each failed attempt), and closed after the last one.
 */
export function followEventStream(options: EventStreamOptions): (listener: ApiEventListener) => () => void {
  const listeners = new Set<ApiEventListener>();
  let controller: AbortController | null = null;
  let baseDelay = options.reconnectDelayMs;

  function dispatch(message: EventSourceMessage): void {
    const event = message.event;
    if (!isApiEventName(event)) return; // a newer service may push events this page does not know
    let payload: unknown;
    try {
      payload = message.data === '' ? {} : JSON.parse(message.data);
    } catch {
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener({ event, payload } as ApiEventMessage);
      } catch (error) {
        console.error(`Pigeonnier: a listener of ${event} failed`, error);
      }
    }
  }

  /**
   * Reads one connection to its end; true when the service answered with a stream.
   * `reconnecting`: a stream of this run was open before (this is not the first connection).
   */
  async function readOnce(signal: AbortSignal, reconnecting: boolean): Promise<boolean> {
    let response: Response;
    try {
      response = await options.open(signal);
    } catch {
      return false;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      return false;
    }
    // Back after a drop: events pushed while the stream was down are gone, so the page reads again
    // what it shows (listening already, so nothing changed from here on is missed either).
    if (reconnecting) dispatch({ event: 'app:resync', data: '', id: undefined });
    const parser = createParser({ onEvent: dispatch, onRetry: (ms) => (baseDelay = ms) });
    const reader = response.body.getReader();
    // Not every fetch honours the signal once the body flows; cancelling the reader always stops it.
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop);
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch {
      // The connection dropped: the loop below reconnects.
    } finally {
      signal.removeEventListener('abort', stop);
    }
    return true;
  }

  async function run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    let opened = false;
    while (!signal.aborted) {
      const read = await readOnce(signal, opened);
      opened ||= read;
      failures = read ? 0 : failures + 1;
      if (signal.aborted) return;
      await wait(Math.min(baseDelay * 2 ** failures, MAX_RECONNECT_DELAY_MS), signal);
    }
  }

  return (listener) => {
    listeners.add(listener);
    if (!controller) {
      controller = new AbortController();
      void run(controller.signal);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && controller) {
        controller.abort();
        controller = null;
      }
    };
  };
}

function isApiEventName(name: string | undefined): name is ApiEventName {
  return API_EVENT_NAMES.includes(name as ApiEventName);
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
