import { describe, expect, it } from 'vitest';

describe('the time zone this run is meant to use', () => {
  it('is the one the machine clock reports', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ === 'UTC' ? 'UTC' : process.env.TZ);
    const offsets: Record<string, number> = { UTC: 0, 'Europe/Paris': -60, 'America/Guadeloupe': 240, 'Pacific/Noumea': -660 };
    expect(new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(offsets[process.env.TZ!]);
  });
});
