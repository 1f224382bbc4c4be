/**
 * When a feed is read next (pure). On success: the owner's interval with a little jitter, so
 * thirty feeds set up the same evening do not all hit their partners in the same second. On
 * failure: exponential backoff from one minute up to an hour, and never before a partner's
 * Retry-After.
 */
export const MINUTE_MS = 60_000;
/** ±10 % of the interval. */
export const JITTER_FRACTION = 0.1;
export const FIRST_BACKOFF_MS = MINUTE_MS;
export const MAX_BACKOFF_MS = 60 * MINUTE_MS;

/** `random` is in [0, 1): 0 gives the earliest time, values near 1 the latest. */
export function nextAfterSuccess(now: number, intervalMinutes: number, random: number): number {
  const interval = intervalMinutes * MINUTE_MS;
  return now + Math.round(interval * (1 - JITTER_FRACTION + 2 * JITTER_FRACTION * random));
}

/** The wait after the n-th failure in a row (n ≥ 1): 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}

export function nextAfterFailure(now: number, failures: number, retryAt: number | null, random: number): number {
  // A little jitter on backoff too, but never earlier than the backoff itself.
  const backoff = backoffMs(failures);
  const planned = now + Math.round(backoff * (1 + JITTER_FRACTION * random));
  return retryAt !== null && retryAt > planned ? retryAt : planned;
}
