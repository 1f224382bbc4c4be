/**
 * How far ahead Alma Heritage is told about (pure). The partner sells up to a year ahead; nights
 * before today (in the property's zone) are never sent (the partner refuses them), and open
 * outbox ranges ("every night", from a change to a room's defaults) are clamped to the horizon.
 * Each day the horizon gains a night, which must be queued once (api_sync_state.queued_through).
 */
import { addDays, type Night } from '../../../shared/nights';

/** Nights sent ahead of today, today included. */
export const HORIZON_NIGHTS = 365;

export interface NightRange {
  first: Night;
  last: Night;
}

export function horizonOf(today: Night): NightRange {
  return { first: today, last: addDays(today, HORIZON_NIGHTS - 1) };
}

/** The part of first..last inside the horizon, or null when none of it is. Compared as text: nights sort as strings. */
export function clampToHorizon(range: NightRange, horizon: NightRange): NightRange | null {
  const first = range.first > horizon.first ? range.first : horizon.first;
  const last = range.last < horizon.last ? range.last : horizon.last;
  return first <= last ? { first, last } : null;
}

/**
 * The nights that entered the horizon since it was last queued through `queuedThrough`: all of
 * it the first time, nothing when up to date, otherwise the new nights at its end.
 */
export function newHorizonNights(horizon: NightRange, queuedThrough: Night | null): NightRange | null {
  if (queuedThrough === null) return horizon;
  if (queuedThrough >= horizon.last) return null;
  const first = addDays(queuedThrough, 1);
  return { first: first > horizon.first ? first : horizon.first, last: horizon.last };
}
