import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, pickLanguage, resources, type Language } from '../../shared/i18n';

/** Formatting locale per language: the owner reads "12 juil." or "12 Jul", never "Jul 12". */
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const LANGUAGE_STORAGE_KEY = 'pigeonnier.language';

export function localeFor(language: string): string {
  return LOCALES[isLanguage(language) ? language : 'fr'];
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** A fresh instance per page (and per test), so one test switching language cannot leak into the next. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders; escaping here too would show "&amp;" to the owner.
    interpolation: { escapeValue: false },
    // The messages are bundled, so they can be ready before the first render.
    initAsync: false,
  });
  return instance;
}

/** The owner's last choice on this machine, else the system's languages, else French. */
export function initialLanguage(storage: Storage | undefined, preferred: readonly string[]): Language {
  try {
    const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage disabled: fall back on the system's languages.
  }
  return pickLanguage(preferred);
}

export function rememberLanguage(instance: i18n, storage: Storage | undefined): void {
  instance.on('languageChanged', (language) => {
    try {
      storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Not remembered: the next start follows the system again, which is acceptable.
    }
  });
}
