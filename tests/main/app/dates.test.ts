import { describe, expect, it } from 'vitest';
import { formatMoment, formatNight, formatStay } from '../../../main/app/dates';

describe('dates in the tray and notifications', () => {
  const now = new Date('2026-07-01T15:00:00.000Z');

  it('say a moment as a time today and with its day otherwise, in the computer’s zone', () => {
    expect(formatMoment('2026-07-01T07:05:00.000Z', now, { language: 'fr', timeZone: 'Europe/Paris' })).toBe('09:05');
    expect(formatMoment('2026-06-30T07:05:00.000Z', now, { language: 'fr', timeZone: 'Europe/Paris' })).toBe('30 juin, 09:05');
    expect(formatMoment('2026-06-30T07:05:00.000Z', now, { language: 'en', timeZone: 'America/Guadeloupe' })).toBe('30 Jun, 03:05');
    // Just before midnight in Paris is still "today" there, whatever UTC says.
    expect(formatMoment('2026-07-01T21:30:00.000Z', new Date('2026-07-01T21:45:00.000Z'), { language: 'fr', timeZone: 'Europe/Paris' })).toBe('23:30');
    expect(formatMoment('garbage', now, { language: 'fr' })).toBe('garbage');
  });

  it('say nights without any zone shifting them', () => {
    expect(formatNight('2026-07-10', 'fr')).toBe('10 juil.');
    expect(formatNight('2026-12-31', 'en')).toBe('31 Dec');
    expect(formatStay('2026-07-10', '2026-07-13', 'en')).toBe('10 Jul → 13 Jul');
    expect(formatNight('not a night', 'fr')).toBe('not a night');
  });
});
