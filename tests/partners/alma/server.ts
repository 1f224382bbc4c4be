/**
 * Alma Heritage's side of the channel, on 127.0.0.1: one POST endpoint speaking the messages of
 * docs/alma-protocol.md, strict like a real partner (what the protocol does not allow is
 * refused with OTA <Errors>, never accepted silently), with its own state, failures on demand
 * and an offline switch. It shares no code with the app's connector (main/channels/alma/) on
 * purpose: two readings of one text, checked against each other.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { instantToSeconds, isNight, todayInParis, type Night } from './dates';
import { answer, credentialErrors, envelopeErrors, isXmlContentType } from './envelope';
import { failureError, sendTransportFailure, type Failure, type FailureKind } from './failures';
import { book, cancel, modify, tryBook, type BookingInput, type BookingOutcome, type StayChange } from './guest';
import { handleAvailNotif } from './messages/availNotif';
import type { Handler } from './messages/common';
import { handleNotifReport } from './messages/notifReport';
import { handlePing } from './messages/ping';
import { handleRateAmountNotif } from './messages/rateAmountNotif';
import { handleRead } from './messages/read';
import { handleResNotif } from './messages/resNotif';
import { DEMO_PROPERTY } from './property';
import { AlmaState, type AlmaEvent, type AlmaProperty, type DecisionRecord, type RequestLogEntry, type Reservation } from './state';
import { parseRequest } from './xml';

export { AlmaBookingRefused, type BookingInput, type BookingOutcome, type RefusalReason, type StayChange } from './guest';
export { FAILURE_KINDS, type Failure, type FailureKind } from './failures';
export { DEMO_PROPERTY } from './property';
export type { AlmaEvent, AlmaProperty, AlmaState, DecisionRecord, InventorySnapshot, NightInventory, OwnerDecision, PlanNight, RequestLogEntry, Reservation, ReservationStatus, ResStatus, Restrictions } from './state';

/** Request root → answer root and handler. */
const MESSAGES: Record<string, { answer: string; handle: Handler }> = {
  OTA_PingRQ: { answer: 'OTA_PingRS', handle: handlePing },
  OTA_HotelAvailNotifRQ: { answer: 'OTA_HotelAvailNotifRS', handle: handleAvailNotif },
  OTA_HotelRateAmountNotifRQ: { answer: 'OTA_HotelRateAmountNotifRS', handle: handleRateAmountNotif },
  OTA_ReadRQ: { answer: 'OTA_ResRetrieveRS', handle: handleRead },
  OTA_NotifReportRQ: { answer: 'OTA_NotifReportRS', handle: handleNotifReport },
  OTA_HotelResNotifRQ: { answer: 'OTA_HotelResNotifRS', handle: handleResNotif },
};

export type MessageName = 'OTA_PingRQ' | 'OTA_HotelAvailNotifRQ' | 'OTA_HotelRateAmountNotifRQ' | 'OTA_ReadRQ' | 'OTA_NotifReportRQ' | 'OTA_HotelResNotifRQ';
export const MESSAGE_NAMES = Object.keys(MESSAGES) as MessageName[];

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface AlmaSimulatorOptions {
  hotelCode?: string;
  userName?: string;
  password?: string;
  /** Room type code → rate plan codes. */
  rooms?: Record<string, string[]>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The endpoint's path, default '/ota'. */
  path?: string;
  /** The partner's today, default today in Paris. */
  today?: Night;
  /** The partner's clock (TimeStamps, CreateDateTime, ackedAt), default the real one. */
  now?: () => Date;
  /** The first reservation is AH-R-{this}, default 10001. */
  firstReservationNumber?: number;
  /** Called after each request is answered (or failed), e.g. to print the traffic. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface AlmaSimulator {
  /** The service address to give the connector: `http://127.0.0.1:{port}{path}`. */
  readonly url: string;
  readonly port: number;
  readonly property: AlmaProperty;
  /** Alma's books: stockOf, restrictionsOf, rateOf, inventorySnapshot, reservation(s), … */
  readonly state: AlmaState;
  /** A guest books on Alma's site; throws AlmaBookingRefused (with `reason`) when Alma would refuse. */
  book(input: BookingInput): string;
  /** The same, answering the refusal instead of throwing it. */
  tryBook(input: BookingInput): BookingOutcome;
  cancel(number: string): void;
  modify(number: string, change: StayChange): void;
  reservation(number: string): Reservation | undefined;
  events(): AlmaEvent[];
  decisions(): DecisionRecord[];
  requests(): RequestLogEntry[];
  /** The next `times` requests (those named `filter`, if given) fail this way. Queued in order. */
  failNext(times: number, failure: FailureKind | Failure, filter?: MessageName): void;
  /** Forgets the failures not yet used. */
  clearFailures(): void;
  /**
   * Offline, as a laptop whose network dropped sees a partner: no connection can be made (the
   * listening socket is closed, so connecting fails with ECONNREFUSED) and every open
   * connection is destroyed (a request in flight fails with a reset). Online listens again on
   * the same port.
   */
  setOffline(offline: boolean): Promise<void>;
  readonly offline: boolean;
  setToday(night: Night): void;
  close(): Promise<void>;
}

interface PendingFailure {
  remaining: number;
  failure: Failure;
  filter: MessageName | undefined;
}

export async function startAlmaSimulator(options: AlmaSimulatorOptions = {}): Promise<AlmaSimulator> {
  const property: AlmaProperty = {
    hotelCode: options.hotelCode ?? DEMO_PROPERTY.hotelCode,
    userName: options.userName ?? DEMO_PROPERTY.userName,
    password: options.password ?? DEMO_PROPERTY.password,
    rooms: options.rooms ?? DEMO_PROPERTY.rooms,
  };
  const today = options.today ?? todayInParis();
  if (!isNight(today)) throw new RangeError(`today is not a date YYYY-MM-DD: ${today}`);
  const state = new AlmaState(property, { today, now: options.now ?? (() => new Date()), firstReservationNumber: options.firstReservationNumber ?? 10001 });
  const path = options.path ?? '/ota';
  const failures: PendingFailure[] = [];
  const sockets = new Set<Socket>();
  let offline = false;
  let closed = false;

  const takeFailure = (message: string | null): Failure | undefined => {
    const pending = failures.find((f) => f.filter === undefined || f.filter === message);
    if (!pending) return undefined;
    if (--pending.remaining === 0) failures.splice(failures.indexOf(pending), 1);
    return pending.failure;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = instantToSeconds(state.now());
    const record = (entry: Omit<RequestLogEntry, 'at'>) => {
      const full = { at, ...entry };
      state.logRequest(full);
      options.onRequest?.(full);
    };
    const reject = (status: number, reason: string, message: string | null, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${reason}\n`);
      record({ message, outcome: 'rejected', httpStatus: status, errorCodes: [], failure: null, body });
    };

    if (new URL(req.url ?? '/', 'http://x').pathname !== path) return reject(404, `Not found: the endpoint is ${path}`, null, '');
    if (req.method !== 'POST') return reject(405, 'Method not allowed: POST only', null, '', { allow: 'POST' });
    const bytes = await readBody(req);
    if (bytes === null) return reject(413, `Body larger than ${MAX_BODY_BYTES} bytes`, null, '');
    const body = decodeUtf8(bytes);
    const parsed = body === null ? null : parseRequest(body);
    const message = parsed?.ok ? parsed.root.name : null;
    const answerName = (message && MESSAGES[message]?.answer) ?? 'OTA_ErrorRS';

    const failure = takeFailure(message);
    const fail = (failure: Failure) => {
      const error = failureError(failure);
      if (error) {
        const echoToken = parsed?.ok ? parsed.root.attr('EchoToken') : undefined;
        res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(answer(answerName, at, echoToken, { errors: [error] }));
      } else {
        sendTransportFailure(failure, res);
      }
      record({ message, outcome: 'failure', httpStatus: failure.kind === 'timeout' || failure.kind === 'reset' ? null : res.statusCode, errorCodes: error ? [error.code] : [], failure: failure.kind, body: body ?? '' });
    };
    if (failure && !failure.applied) return fail(failure);
    // An "applied" failure loses the answer whatever it was, a refusal included.
    const refuse = (status: number, reason: string, name: string | null) => (failure ? fail(failure) : reject(status, reason, name, body ?? ''));

    if (!isXmlContentType(req.headers['content-type'])) return refuse(415, 'Content-Type must be application/xml; charset=utf-8', message);
    if (body === null) return refuse(400, 'The body is not UTF-8', null);
    if (!parsed!.ok) return refuse(400, parsed!.reason, null);
    const root = parsed!.root;
    const spec = MESSAGES[root.name];
    if (!spec) return refuse(400, `Unknown message ${root.name}; this endpoint answers ${MESSAGE_NAMES.join(', ')}`, root.name);
    // The protocol: 401 only when the request carries no credentials at all.
    if (!root.at('POS', 'Source', 'RequestorID')) return refuse(401, 'No credentials: POS/Source/RequestorID is missing', root.name);

    const outcome = envelopeErrors(root) ?? credentialErrors(root, property) ?? spec.handle(root, state);
    if (failure) return fail(failure);
    const isError = 'errors' in outcome;
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(answer(spec.answer, at, root.attr('EchoToken'), outcome));
    record({ message: root.name, outcome: isError ? 'error' : 'ok', httpStatus: 200, errorCodes: isError ? outcome.errors.map((e) => e.code) : [], failure: null, body });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the simulator must show in the test, not hang it.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`Simulator error: ${String(error)}\n`);
      console.error('Alma simulator:', error);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    property: structuredClone(property),
    state,
    book: (input) => book(state, input),
    tryBook: (input) => tryBook(state, input),
    cancel: (number) => cancel(state, number),
    modify: (number, change) => modify(state, number, change),
    reservation: (number) => state.reservation(number),
    events: () => state.events(),
    decisions: () => state.decisions(),
    requests: () => state.requests(),
    failNext(times, failure, filter) {
      if (!Number.isSafeInteger(times) || times < 1) throw new RangeError(`failNext needs a count ≥ 1, not ${times}`);
      failures.push({ remaining: times, failure: typeof failure === 'string' ? { kind: failure } : { ...failure }, filter });
    },
    clearFailures: () => void failures.splice(0),
    async setOffline(value) {
      if (closed) throw new Error('The simulator is closed');
      if (value === offline) return;
      offline = value;
      if (value) await stop();
      else await listen(port);
    },
    get offline() {
      return offline;
    },
    setToday(night) {
      if (!isNight(night)) throw new RangeError(`Not a date YYYY-MM-DD: ${night}`);
      state.today = night;
    },
    async close() {
      closed = true;
      await stop();
    },
  };
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
