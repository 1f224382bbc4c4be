/**
 * Failures on demand: what a partner's server does on a bad day, seen from the client. Each is
 * what the protocol calls a transport failure (try again later), except partnerError and
 * credentialsError, which are well-formed OTA answers carrying <Errors>.
 */
import type { ServerResponse } from 'node:http';
import { errors, type OtaError } from './errors';

export const FAILURE_KINDS = ['http500', 'http503RetryAfter', 'http429', 'timeout', 'reset', 'html', 'partnerError', 'credentialsError'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface Failure {
  kind: FailureKind;
  /** http503RetryAfter and http429: the Retry-After header, in seconds (default 120 and 60). */
  retryAfterSeconds?: number;
  /** partnerError: the OTA error to answer (default type 12, code 448, "System error"). */
  type?: number;
  code?: number;
  shortText?: string;
  text?: string;
  /**
   * Process the request first (the partner's state changes), then fail the answer: the
   * "did it go through?" case a client must survive by sending the same thing again.
   */
  applied?: boolean;
}

export function isFailureKind(value: string): value is FailureKind {
  return (FAILURE_KINDS as readonly string[]).includes(value);
}

/** The OTA error a failure answers with, for the two kinds that answer with one. */
export function failureError(failure: Failure): OtaError | null {
  if (failure.kind === 'credentialsError') return errors.credentials('Wrong user name or password');
  if (failure.kind !== 'partnerError') return null;
  return {
    type: failure.type ?? 12,
    code: failure.code ?? 448,
    shortText: failure.shortText ?? 'System error',
    text: failure.text ?? 'Temporary failure, please try again later',
  };
}

/**
 * Answers (or does not) with a transport failure. `timeout` leaves the request hanging: the
 * server destroys its socket when it closes or goes offline.
 */
export function sendTransportFailure(failure: Failure, res: ServerResponse): void {
  switch (failure.kind) {
    case 'http500':
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
      return;
    case 'http503RetryAfter':
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(failure.retryAfterSeconds ?? 120) }).end('Service Unavailable');
      return;
    case 'http429':
      res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(failure.retryAfterSeconds ?? 60) }).end('Too Many Requests');
      return;
    case 'timeout':
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'html':
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!DOCTYPE html>\n<html lang="fr"><head><title>Maintenance</title></head><body><h1>Site en maintenance</h1><p>Nous revenons très vite.</p></body></html>\n');
      return;
    case 'partnerError':
    case 'credentialsError':
      throw new Error(`${failure.kind} is an OTA answer, not a transport failure`);
  }
}
