/**
 * The Alma Heritage connector's client: each method is exactly one message of
 * docs/alma-protocol.md (pushes split into requests of at most 500 messages). It keeps no state
 * between calls beyond its HTTP connections: what was sent and acknowledged is the outbox's
 * business, and every answer is judged on its own.
 */
import { randomUUID } from 'node:crypto';
import type { AlmaAck, AlmaDecision, AlmaReservationEvent, PartnerError, RateRun, RestrictionRun, StockRun } from './messages';
import { readAnswer } from './ota/answer';
import {
  buildDecisionRQ,
  buildNotifReportRQ,
  buildPingRQ,
  buildRatesRQ,
  buildReadRQ,
  buildRestrictionsRQ,
  buildStockRQ,
  PING_ECHO,
  type Envelope,
} from './ota/build';
import { readReservations } from './ota/reservations';
import { child, text, type XmlNode } from './ota/xml';
import { almaMessage, failed, type AlmaResult } from './result';
import { createTransport } from './transport';

export type { AlmaFailure, AlmaResult } from './result';

export interface AlmaCredentials { serviceUrl: string; propertyCode: string; userName: string; password: string }

export interface AlmaClient {
  ping(): Promise<AlmaResult<void>>;
  /** Chunks of ≤ 500 messages, stops at the first failed chunk. No runs: nothing sent, ok. */
  pushStock(runs: StockRun[]): Promise<AlmaResult<void>>;
  pushRestrictions(runs: RestrictionRun[]): Promise<AlmaResult<void>>;
  pushRates(runs: RateRun[]): Promise<AlmaResult<void>>;
  /** One OTA_ReadRQ (≤ 50 events); events that cannot be taken come back in `rejected`, not in the value. */
  readReservations(): Promise<AlmaResult<AlmaReservationEvent[]>>;
  /** One OTA_NotifReportRQ per 500 acks; call only once the events are committed. No acks: nothing sent, ok. */
  acknowledge(acks: AlmaAck[]): Promise<AlmaResult<void>>;
  sendDecision(decision: AlmaDecision): Promise<AlmaResult<void>>;
  close(): Promise<void>;
}

export interface AlmaClientOptions {
  /** Overall deadline of one request (default 30 s); the connect timeout is at most this too. */
  timeoutMs?: number;
  now?: () => Date;
  /** Largest answer read (default 5 MB); bigger is not an answer of ours. */
  maxBytes?: number;
}

/** The most messages (AvailStatusMessage, RateAmountMessage, acknowledged events) in one request. */
export const MAX_MESSAGES_PER_REQUEST = 500;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_MESSAGES_PER_REQUEST) result.push(items.slice(i, i + MAX_MESSAGES_PER_REQUEST));
  return result;
}

/** An ISO instant without milliseconds, as in the protocol's examples. */
const timeStamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function createAlmaClient(credentials: AlmaCredentials, options: AlmaClientOptions = {}): AlmaClient {
  const now = options.now ?? (() => new Date());
  const transport = createTransport(credentials.serviceUrl, {
    now,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });

  const envelope = (): Envelope => ({
    propertyCode: credentials.propertyCode,
    userName: credentials.userName,
    password: credentials.password,
    echoToken: randomUUID(),
    timeStamp: timeStamp(now()),
  });

  interface Prepared { echoToken: string; xml: string }

  /** Builds before any byte is sent: a value the builder refuses (a bug) throws here, not half-way through a push. */
  function prepare(build: (envelope: Envelope) => string): Prepared {
    const request = envelope();
    return { echoToken: request.echoToken, xml: build(request) };
  }

  /** One request, one answer: the answer's root, warnings, or the failure. */
  async function send({ echoToken, xml }: Prepared, answerRoot: string): Promise<AlmaResult<XmlNode>> {
    const exchange = await transport.post(xml);
    if (!exchange.ok) return failed(exchange.failure);
    const answer = readAnswer(exchange.body, answerRoot, echoToken);
    return answer.ok ? { ok: true, value: answer.root, warnings: answer.warnings } : failed(answer.failure);
  }

  async function sendInChunks<T>(items: T[], build: (envelope: Envelope, chunk: T[]) => string, answerRoot: string): Promise<AlmaResult<void>> {
    const requests = chunks(items).map((chunk) => prepare((request) => build(request, chunk)));
    const warnings: PartnerError[] = [];
    for (const request of requests) {
      const result = await send(request, answerRoot);
      if (!result.ok) return result;
      warnings.push(...result.warnings);
    }
    return { ok: true, value: undefined, warnings };
  }

  const done = (result: AlmaResult<XmlNode>): AlmaResult<void> => (result.ok ? { ok: true, value: undefined, warnings: result.warnings } : result);

  return {
    async ping() {
      const result = await send(prepare(buildPingRQ), 'OTA_PingRS');
      if (!result.ok) return result;
      const echoed = text(child(result.value, 'EchoData'));
      if (echoed !== PING_ECHO) return failed({ kind: 'malformed', message: almaMessage('pingEcho', { received: echoed.slice(0, 80) }) });
      return done(result);
    },
    pushStock: (runs) => sendInChunks(runs, buildStockRQ, 'OTA_HotelAvailNotifRS'),
    pushRestrictions: (runs) => sendInChunks(runs, buildRestrictionsRQ, 'OTA_HotelAvailNotifRS'),
    pushRates: (runs) => sendInChunks(runs, buildRatesRQ, 'OTA_HotelRateAmountNotifRS'),
    async readReservations() {
      const result = await send(prepare(buildReadRQ), 'OTA_ResRetrieveRS');
      if (!result.ok) return result;
      const { events, rejected } = readReservations(result.value);
      return { ok: true, value: events, warnings: result.warnings, rejected };
    },
    acknowledge: (acks) => sendInChunks(acks, buildNotifReportRQ, 'OTA_NotifReportRS'),
    async sendDecision(decision) {
      return done(await send(prepare((request) => buildDecisionRQ(request, decision)), 'OTA_HotelResNotifRS'));
    },
    close: () => transport.close(),
  };
}
