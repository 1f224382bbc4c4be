/**
 * What every exchange with Alma Heritage ends in: a value (with the partner's warnings, which
 * the owner should see even on success) or a failure that says whose move it is. Failures are
 * values, never throws: the outbox stores them and the screens translate `message`.
 *
 * - network / timeout / http / malformed: a transport failure (docs/alma-protocol.md
 *   "Transport"): keep the change queued and try again later (`retryAfterMs` when the partner
 *   said how long to wait).
 * - partner: Alma Heritage read the request and answered `<Errors>`; `credentials` (error type 4
 *   or 6) stops the channel until the owner fixes the user name, password or property code.
 */
import type { AlmaMessage, AlmaRejectedReservation, PartnerError } from './messages';

export type AlmaFailure =
  | { kind: 'network' | 'timeout' | 'malformed'; message: AlmaMessage }
  | { kind: 'http'; status: number; retryAfterMs: number | null; message: AlmaMessage }
  | { kind: 'partner'; errors: PartnerError[]; /** type 4 or 6: the owner must fix credentials */ credentials: boolean; message: AlmaMessage };

export type AlmaResult<T> =
  | {
      ok: true;
      value: T;
      warnings: PartnerError[];
      /** readReservations only: the events that could not be taken as sent (see AlmaRejectedReservation). */
      rejected?: AlmaRejectedReservation[];
    }
  | { ok: false; failure: AlmaFailure };

/** The i18n key of a connector error (shared/i18n/alma.ts, `alma.errors.*`). */
export function almaMessage(key: string, params?: Record<string, string | number>): AlmaMessage {
  return params ? { key: `alma.errors.${key}`, params } : { key: `alma.errors.${key}` };
}

export function failed(failure: AlmaFailure): { ok: false; failure: AlmaFailure } {
  return { ok: false, failure };
}
