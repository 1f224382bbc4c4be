/**
 * Checks a connector message resolves to real text in both languages, with every placeholder
 * filled: a key missing from shared/i18n/almaErrors.ts, or a parameter the text needs and the
 * code does not give, fails the test.
 */
import i18next from 'i18next';
import { expect } from 'vitest';
import type { AlmaMessage } from '../../../../main/channels/alma/messages';
import { almaErrorsEn, almaErrorsFr } from '../../../../shared/i18n/almaErrors';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'fr',
  resources: { en: { translation: { alma: { errors: almaErrorsEn } } }, fr: { translation: { alma: { errors: almaErrorsFr } } } },
  interpolation: { escapeValue: false },
  // Unfilled placeholders stay visible as {{name}} instead of vanishing.
  missingInterpolationHandler: (_text, match) => match[0],
});

export function expectTranslated(message: AlmaMessage): void {
  for (const lng of ['en', 'fr']) {
    expect(i18n.exists(message.key, { lng, ...message.params }), `${message.key} in ${lng}`).toBe(true);
    const text = i18n.t(message.key, { lng, ...message.params });
    expect(text, `${message.key} in ${lng}`).not.toMatch(/\{\{|alma\.errors/);
  }
}
