import { describe, expect, it } from 'vitest';
import { nightFormatter } from '../../renderer/src/format';

describe('nightFormatter', () => {
  it("shows the night's own date with its weekday, in French and in English", () => {
    expect(nightFormatter('fr-FR')('2026-07-10')).toBe('ven. 10 juil. 2026');
    expect(nightFormatter('en-GB')('2026-07-10')).toBe('Fri, 10 Jul 2026');
  });

  it('keeps the first and last nights of the year on their own day', () => {
    expect(nightFormatter('fr-FR')('2026-01-01')).toBe('jeu. 1 janv. 2026');
    expect(nightFormatter('fr-FR')('2026-12-31')).toBe('jeu. 31 déc. 2026');
  });
});
