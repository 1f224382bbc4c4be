import { randomBytes } from 'node:crypto';

/**
 * The secret part of an outgoing link (/feeds/<token>.ics). Whoever has the link can read
 * which nights are taken, so it must be unguessable: 192 random bits, URL-safe.
 */
export function newFeedToken(): string {
  return randomBytes(24).toString('base64url');
}
