import { describe, expect, it, vi } from 'vitest';
import type { ApiEventMessage } from '../../../shared/api';
import { httpTransport } from '../../../renderer/src/api/httpTransport';

type FetchArgs = Parameters<typeof fetch>;

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** An SSE body delivered in the given chunks, cut wherever the test likes, as a network would. */
function eventStreamResponse(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function headersOf(init: FetchArgs[1]): Headers {
  return new Headers(init?.headers);
}

describe('httpTransport calls', () => {
  it('POSTs to /api/<name> with the bearer token and the input as JSON', async () => {
    const fetchImpl = vi.fn(async (..._args: FetchArgs) => jsonResponse(200, { ok: true, value: { id: 3 } }));
    const transport = httpTransport('s3cret', { fetch: fetchImpl });

    await expect(transport.invoke('reservations:get', { id: 3 })).resolves.toEqual({ ok: true, value: { id: 3 } });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/reservations:get');
    expect(init?.method).toBe('POST');
    expect(headersOf(init).get('Authorization')).toBe('Bearer s3cret');
    expect(headersOf(init).get('Content-Type')).toBe('application/json');
    expect(init?.body).toBe('{"id":3}');
  });

  it('sends an empty body for a call without input', async () => {
    const fetchImpl = vi.fn(async (..._args: FetchArgs) => jsonResponse(200, { ok: true, value: [] }));
    await httpTransport('t', { fetch: fetchImpl }).invoke('units:list', undefined);
    expect(fetchImpl.mock.calls[0]![1]?.body).toBeUndefined();
  });

  it('reads the refusal from the body whatever the HTTP status', async () => {
    const error = { code: 'conflict', key: 'errors.overbooking', params: { unit: 'Tilleul' }, issues: [] };
    const transport = httpTransport('t', { fetch: async () => jsonResponse(409, { ok: false, error }) });
    await expect(transport.invoke('reservations:create', {})).resolves.toEqual({ ok: false, error });
  });

  it('answers unauthorized for a 401 whose body is not an envelope', async () => {
    const transport = httpTransport('wrong', { fetch: async () => new Response('Unauthorized', { status: 401 }) });
    await expect(transport.invoke('units:list', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'unauthorized', key: 'errors.unauthorized', issues: [] },
    });
  });

  it('answers errors.network when the service cannot be reached', async () => {
    const transport = httpTransport('t', { fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(transport.invoke('units:list', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', key: 'errors.network', issues: [] },
    });
  });

  it('answers the internal error for a body that is not an envelope', async () => {
    const transport = httpTransport('t', { fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    await expect(transport.invoke('units:list', undefined)).resolves.toMatchObject({ ok: false, error: { key: 'errors.internal' } });
  });
});

describe('httpTransport events', () => {
  it('reads pushed events from GET /api/events with the bearer token, across chunk boundaries', async () => {
    const fetchImpl = vi.fn(async (..._args: FetchArgs) =>
      eventStreamResponse([
        ': connected\n\n',
        'event: reservations:changed\ndata: {"reservationIds":',
        '[4,5]}\n\nevent: some:futureEvent\ndata: {}\n\n',
        'event: units:changed\ndata: {}\n\n',
      ]),
    );
    const transport = httpTransport('s3cret', { fetch: fetchImpl, reconnectDelayMs: 60_000 });
    const received: ApiEventMessage[] = [];
    const stop = transport.subscribe((message) => received.push(message));

    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received).toEqual([
      { event: 'reservations:changed', payload: { reservationIds: [4, 5] } },
      { event: 'units:changed', payload: {} },
    ]);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/events');
    expect(headersOf(init).get('Authorization')).toBe('Bearer s3cret');
    stop();
  });

  it('reconnects after the stream ends, and stops when the last listener leaves', async () => {
    const signals: AbortSignal[] = [];
    const fetchImpl = vi.fn(async (_url: FetchArgs[0], init?: FetchArgs[1]) => {
      signals.push(init!.signal!);
      return eventStreamResponse([`event: property:changed\ndata: {}\n\n`]);
    });
    const transport = httpTransport('t', { fetch: fetchImpl, reconnectDelayMs: 5 });
    const received: ApiEventMessage[] = [];
    const stop = transport.subscribe((message) => received.push(message));

    await vi.waitFor(() => expect(fetchImpl.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(received.length).toBeGreaterThanOrEqual(2);
    stop();
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    const callsWhenStopped = fetchImpl.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fetchImpl.mock.calls.length).toBe(callsWhenStopped);
  });

  it('tries again after a refused or failed connection', async () => {
    const fetchImpl = vi
      .fn<(...args: FetchArgs) => Promise<Response>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response('', { status: 401 }))
      .mockImplementation(async () => eventStreamResponse(['event: units:changed\ndata: {}\n\n']));
    const transport = httpTransport('t', { fetch: fetchImpl, reconnectDelayMs: 1 });
    const received: ApiEventMessage[] = [];
    const stop = transport.subscribe((message) => received.push(message));

    await vi.waitFor(() => expect(received).toContainEqual({ event: 'units:changed', payload: {} }));
    expect(fetchImpl.mock.calls.length).toBeGreaterThanOrEqual(3);
    stop();
  });

  it('after a drop, the reopened stream first tells the page to read again what it shows; the first connection does not', async () => {
    const fetchImpl = vi
      .fn<(...args: FetchArgs) => Promise<Response>>()
      // The service is not up yet when the page subscribes: still a first connection once it is.
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(eventStreamResponse(['event: units:changed\ndata: {}\n\n']))
      .mockImplementation(async () => eventStreamResponse(['event: property:changed\ndata: {}\n\n']));
    const transport = httpTransport('t', { fetch: fetchImpl, reconnectDelayMs: 1 });
    const received: ApiEventMessage[] = [];
    const stop = transport.subscribe((message) => received.push(message));

    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(3));
    stop();
    expect(received.slice(0, 3)).toEqual([
      { event: 'units:changed', payload: {} },
      { event: 'app:resync', payload: {} },
      { event: 'property:changed', payload: {} },
    ]);
  });
});
