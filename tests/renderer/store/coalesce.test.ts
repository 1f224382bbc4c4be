import { describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../../renderer/src/store/coalesce';

describe('coalesce', () => {
  it('runs once when nothing else is in flight', async () => {
    let runs = 0;
    const reload = coalesce(async () => {
      runs++;
    });
    await reload();
    await reload();
    expect(runs).toBe(2);
  });

  it('runs once more after the current run however many requests arrive meanwhile', async () => {
    const releases: (() => void)[] = [];
    let runs = 0;
    const reload = coalesce(() => {
      runs++;
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    const first = reload();
    const others = [reload(), reload(), reload()];
    expect(runs).toBe(1);
    releases[0]!();
    await first;
    await vi.waitFor(() => expect(runs).toBe(2));
    releases[1]!();
    await Promise.all(others);
    expect(runs).toBe(2);
  });

  it('still runs the queued request after a failed run', async () => {
    let runs = 0;
    const reload = coalesce(async () => {
      runs++;
      if (runs === 1) throw new Error('first run fails');
    });
    const first = reload();
    const second = reload();
    await expect(first).rejects.toThrow('first run fails');
    await second;
    expect(runs).toBe(2);
  });
});
