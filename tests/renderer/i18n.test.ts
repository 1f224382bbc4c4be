import { describe, expect, it } from 'vitest';
import { createI18n, initialLanguage, localeFor, rememberLanguage } from '../../renderer/src/i18n';

describe('page language', () => {
  it('formats French as fr-FR and English as en-GB, French for anything else', () => {
    expect(localeFor('fr')).toBe('fr-FR');
    expect(localeFor('en')).toBe('en-GB');
    expect(localeFor('de')).toBe('fr-FR');
  });

  it("starts in the owner's last choice, else the system's language, else French", () => {
    localStorage.clear();
    expect(initialLanguage(localStorage, ['en-US', 'fr'])).toBe('en');
    expect(initialLanguage(localStorage, ['de-DE'])).toBe('fr');
    localStorage.setItem('pigeonnier.language', 'fr');
    expect(initialLanguage(localStorage, ['en-US'])).toBe('fr');
    expect(initialLanguage(undefined, ['en'])).toBe('en');
  });

  it('remembers a language the owner switches to', async () => {
    localStorage.clear();
    const i18n = createI18n('fr');
    rememberLanguage(i18n, localStorage);
    await i18n.changeLanguage('en');
    expect(initialLanguage(localStorage, ['fr'])).toBe('en');
  });
});
