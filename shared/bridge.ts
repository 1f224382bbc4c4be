/**
 * How the page reaches the main process, whichever transport carries the calls.
 *
 * Desktop: the preload exposes `window.pigeonnier` (this interface) with contextBridge: one
 *   function per call of the contract, built from shared/apiNames.ts, and an event subscription.
 * Headless (`serve`): HTTP on the same origin as the page —
 *   POST /api/<call name>, JSON body = the call's input (empty body for none),
 *   header `Authorization: Bearer <token>`; the answer is always an ApiEnvelope as JSON
 *   (HTTP 200 ok, 400 invalid_input, 404 not_found/unknown_call, 409 conflict, 401
 *   unauthorized, 500 internal).
 *   GET /api/events with the same header: a text/event-stream of `event: <name>` and
 *   `data: <payload as JSON>` messages.
 *   The page receives the token once in its URL (`/?token=…`), keeps it in sessionStorage and
 *   removes it from the address bar.
 */
import type { ApiCallName, ApiEnvelope, ApiEventListener } from './api';

/** One function per call; each answers the call's envelope (validated again in the main process). */
export type PigeonnierCalls = { readonly [K in ApiCallName]: (input?: unknown) => Promise<ApiEnvelope<unknown>> };

export interface PigeonnierBridge {
  readonly calls: PigeonnierCalls;
  onEvent(listener: ApiEventListener): () => void;
}

export const TOKEN_QUERY_PARAMETER = 'token';
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';

/** HTTP status for each refusal code of the bridge. */
export const HTTP_STATUS_BY_CODE = {
  invalid_input: 400,
  unauthorized: 401,
  not_found: 404,
  unknown_call: 404,
  conflict: 409,
  internal: 500,
} as const;
