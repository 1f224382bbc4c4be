import { describe, expect, it } from 'vitest';
import { toRuns } from '../../../../main/channels/alma/runs';

const same = (a: number, b: number) => a === b;
const nights = (pairs: [string, number][]) => pairs.map(([night, value]) => ({ night, value }));

describe('toRuns', () => {
  it('gives nothing for no nights', () => {
    expect(toRuns([], same)).toEqual([]);
  });

  it('keeps a single night as a run of one night', () => {
    expect(toRuns(nights([['2026-12-01', 1]]), same)).toEqual([{ first: '2026-12-01', last: '2026-12-01', value: 1 }]);
  });

  it('merges consecutive nights with equal values and splits on a change of value', () => {
    const input = nights([
      ['2026-12-01', 1],
      ['2026-12-02', 1],
      ['2026-12-03', 1],
      ['2026-12-04', 0],
      ['2026-12-05', 1],
    ]);
    expect(toRuns(input, same)).toEqual([
      { first: '2026-12-01', last: '2026-12-03', value: 1 },
      { first: '2026-12-04', last: '2026-12-04', value: 0 },
      { first: '2026-12-05', last: '2026-12-05', value: 1 },
    ]);
  });

  it('starts a new run after a gap even when the value is the same', () => {
    const input = nights([
      ['2026-12-01', 2],
      ['2026-12-02', 2],
      ['2026-12-04', 2],
    ]);
    expect(toRuns(input, same)).toEqual([
      { first: '2026-12-01', last: '2026-12-02', value: 2 },
      { first: '2026-12-04', last: '2026-12-04', value: 2 },
    ]);
  });

  it('runs across month and year ends', () => {
    const input = nights([
      ['2026-11-30', 1],
      ['2026-12-01', 1],
      ['2026-12-31', 3],
      ['2027-01-01', 3],
    ]);
    expect(toRuns(input, same)).toEqual([
      { first: '2026-11-30', last: '2026-12-01', value: 1 },
      { first: '2026-12-31', last: '2027-01-01', value: 3 },
    ]);
  });

  it('knows leap years: 28 February to 1 March is consecutive in 2027, not in 2028', () => {
    expect(toRuns(nights([['2027-02-28', 1], ['2027-03-01', 1]]), same)).toEqual([{ first: '2027-02-28', last: '2027-03-01', value: 1 }]);
    expect(toRuns(nights([['2028-02-28', 1], ['2028-03-01', 1]]), same)).toHaveLength(2);
    expect(toRuns(nights([['2028-02-28', 1], ['2028-02-29', 1], ['2028-03-01', 1]]), same)).toEqual([
      { first: '2028-02-28', last: '2028-03-01', value: 1 },
    ]);
  });

  it('compares values with the given function (objects by content)', () => {
    const state = (minStay: number) => ({ minStay, closed: false });
    const runs = toRuns(
      [
        { night: '2026-12-01', value: state(2) },
        { night: '2026-12-02', value: state(2) },
        { night: '2026-12-03', value: state(3) },
      ],
      (a, b) => a.minStay === b.minStay && a.closed === b.closed,
    );
    expect(runs.map((run) => [run.first, run.last, run.value.minStay])).toEqual([
      ['2026-12-01', '2026-12-02', 2],
      ['2026-12-03', '2026-12-03', 3],
    ]);
  });

  it('refuses unsorted or repeated nights and non-dates (a caller bug, not something to merge)', () => {
    expect(() => toRuns(nights([['2026-12-02', 1], ['2026-12-01', 1]]), same)).toThrow(RangeError);
    expect(() => toRuns(nights([['2026-12-01', 1], ['2026-12-01', 1]]), same)).toThrow(RangeError);
    expect(() => toRuns(nights([['2027-02-29', 1]]), same)).toThrow(RangeError);
  });
});
