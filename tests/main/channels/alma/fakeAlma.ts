/**
 * A fake Alma Heritage for the client's tests (client.test.ts, clientTransport.test.ts): a local
 * HTTP server (tests/helpers/partnerServer) that reads each OTA request in full, keeps it in
 * `received`, and answers it echoing its EchoToken; and the client pointed at it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import { createAlmaClient, type AlmaClient, type AlmaCredentials, type AlmaResult } from '../../../../main/channels/alma/client';
import type { StockRun } from '../../../../main/channels/alma/messages';
import { startPartner, type Partner, type Reply } from '../../../helpers/partnerServer';
import { attrs, readDocument, type OtaElement } from './otaDocument';
import { expectTranslated } from './translated';

export const NS = 'http://www.opentravel.org/OTA/2003/05';
const NOW = new Date('2026-11-21T09:00:00.123Z');

export interface Received { headers: IncomingMessage['headers']; method: string; xml: string; root: string; element: OtaElement; echoToken: string }

/** What the fake Alma Heritage received, in order (bodies read in full); emptied after each test. */
export const received: Received[] = [];
/** Clients to close after the test: the fake's own, and those a test makes itself. */
export const clients: AlmaClient[] = [];

/** Empties `received` and closes the clients after each test of the calling file. */
export function useFakeAlma(): void {
  afterEach(async () => {
    received.length = 0;
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
}

type Answer = string | { status?: number; headers?: Record<string, string>; body: string | Buffer };

/** Reads the request document, then answers it; `answer` gets the request to echo its token. */
export function ota(answer: (request: Received) => Answer): Reply {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const xml = Buffer.concat(chunks).toString('utf8');
      const { root, element } = readDocument(xml);
      const request = { headers: req.headers, method: req.method ?? '', xml, root, element, echoToken: attrs(element).EchoToken ?? '' };
      received.push(request);
      const reply = answer(request);
      const { status: code = 200, headers = {}, body } = typeof reply === 'string' ? { body: reply } : reply;
      res.writeHead(code, { 'content-type': 'application/xml; charset=utf-8', ...headers });
      res.end(body);
    });
  };
}


export const rsName = (request: Received) => request.root.replace(/RQ$/, 'RS').replace('OTA_ReadRS', 'OTA_ResRetrieveRS');
export const document = (request: Received, body: string, root = rsName(request)) =>
  `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${NS}" Version="1.0" TimeStamp="2026-11-21T09:00:01Z" EchoToken="${request.echoToken}">${body}</${root}>`;
export const success = (extra = '') => ota((request) => document(request, `<Success/>${extra}`));
export const errors = (...list: string[]) => ota((request) => document(request, `<Errors>${list.join('')}</Errors>`));

export async function alma(reply: Reply | Reply[], overrides: Partial<AlmaCredentials> = {}, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<{ client: AlmaClient; partner: Partner }> {
  const partner = await startPartner();
  partner.serve(...(Array.isArray(reply) ? reply : [reply]));
  const client = createAlmaClient(
    { serviceUrl: partner.url('/ota'), propertyCode: 'AH-1234', userName: 'gite-des-lilas', password: `s3cr<&"'>t`, ...overrides },
    { now: () => NOW, ...options },
  );
  clients.push(client);
  return { client, partner };
}

export function failureOf<T>(result: AlmaResult<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  expectTranslated(result.failure.message);
  return result.failure;
}

export const stock = (count: number, roomCode = 'CH-ROSE'): StockRun[] =>
  Array.from({ length: count }, (_, i) => {
    const night = new Date(Date.UTC(2026, 11, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10);
    return { roomCode, first: night, last: night, bookingLimit: i % 2 };
  });
