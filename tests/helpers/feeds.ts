/**
 * Outgoing-feed fixtures: a channel connection with an export link per unit, stays that came
 * from a partner (written as the sync writes them), a real feed server on 127.0.0.1, and raw
 * HTTP requests (node:http sends a path exactly as given; fetch would normalise '/../').
 */
import http from 'node:http';
import { afterEach } from 'vitest';
import type { Channel, Reservation } from '../../shared/domain';
import { feedPath } from '../../shared/outgoingFeeds';
import { newFeedToken } from '../../main/channels/feedToken';
import { insertConnection, insertFeed } from '../../main/db/channels';
import type { Db } from '../../main/db/connection';
import { insertReservation, type ReservationFields } from '../../main/db/reservations';
import { startFeedServer, type RunningFeedServer, type ServerLimits } from '../../main/server/feedServer';
import { createFeedSource } from '../../main/server/feedSource';
import type { Service } from '../../main/service';

export interface Connected {
  connectionId: number;
  /** unit id → the token of its outgoing link. */
  tokens: Map<number, string>;
}

export function connectChannel(service: Service, unitIds: number[], channel: Channel = 'airbnb', name = 'Airbnb'): Connected {
  const connection = insertConnection(
    service.db,
    { channel, name, kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
    service.now(),
  );
  const tokens = new Map<number, string>();
  for (const unitId of unitIds) {
    const token = newFeedToken();
    insertFeed(service.db, { connectionId: connection.id, unitId, importUrl: null, importEnabled: false, exportEnabled: true, exportToken: token });
    tokens.set(unitId, token);
  }
  return { connectionId: connection.id, tokens };
}

/** A stay as the import records it: from a connection, with whatever the partner sent. */
export function partnerStay(db: Db, fields: Partial<ReservationFields> & Pick<ReservationFields, 'unitId' | 'sourceConnectionId' | 'arrival' | 'departure'>, now = new Date()): Reservation {
  return insertReservation(
    db,
    {
      partnerReference: null,
      externalId: null,
      kind: 'booking',
      status: 'confirmed',
      guests: null,
      guestName: null,
      email: null,
      phone: null,
      address: null,
      amountCents: null,
      commissionCents: null,
      payoutDate: null,
      notes: '',
      rawText: null,
      ...fields,
    },
    now,
  );
}

const running: RunningFeedServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** A feed server on a free loopback port over this service's database and clock; closed after the test. */
export async function serveFeeds(service: Service, limits?: Partial<ServerLimits>): Promise<RunningFeedServer> {
  const server = await startFeedServer({ source: createFeedSource(service.db, service.now), host: '127.0.0.1', port: 0, limits });
  running.push(server);
  return server;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with the path sent byte for byte as given. */
export function rawRequest(port: number, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export function getFeed(port: number, token: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(port, feedPath(token), 'GET', headers);
}
