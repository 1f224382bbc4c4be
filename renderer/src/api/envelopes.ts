import type { ApiEnvelope } from '../../../shared/api';
import { isApiErrorBody, type ApiErrorCode } from '../../../shared/errors';

/** A refusal made on the page's side of the boundary, shaped like the ones the service sends. */
export function failure(code: ApiErrorCode, key: string): ApiEnvelope<never> {
  return { ok: false, error: { code, key, issues: [] } };
}

/**
 * The contract has no code for "could not reach the service at all", so it travels as
 * `internal` and the page tells it apart by its key.
 */
export function networkFailure(): ApiEnvelope<never> {
  return failure('internal', 'errors.network');
}

export function isEnvelope(value: unknown): value is ApiEnvelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && isApiErrorBody(candidate.error);
}
