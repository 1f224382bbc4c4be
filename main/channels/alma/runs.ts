/**
 * Consecutive nights with the same value become one run (first … last, both inclusive): that is
 * how OpenTravel's StatusApplicationControl Start/End is read, and it keeps a year of unchanged
 * stock down to one message instead of 365.
 */
import { addDays, compareNights, type Night } from '../../../shared/nights';

export interface Run<T> { first: Night; last: Night; value: T }

/**
 * Merges nights (sorted, each at most once) into runs: a run goes on while the next night is
 * the day after its last one and `same` says the values are equal; a gap or a different value
 * starts a new run. Unsorted or repeated nights are a bug in the caller and throw, because a
 * silently merged run would tell the partner something we never meant.
 */
export function toRuns<T>(nights: { night: Night; value: T }[], same: (a: T, b: T) => boolean): Run<T>[] {
  const runs: Run<T>[] = [];
  let current: Run<T> | null = null;
  for (const { night, value } of nights) {
    if (current) {
      if (compareNights(night, current.last) <= 0) throw new RangeError(`Nights out of order: ${night} after ${current.last}`);
      if (night === addDays(current.last, 1) && same(current.value, value)) {
        current.last = night;
        continue;
      }
    } else {
      // Checks the first night too (compareNights checks every later one).
      addDays(night, 0);
    }
    current = { first: night, last: night, value };
    runs.push(current);
  }
  return runs;
}
