/**
 * Translation for the main process (command line, notifications): the same resources as the
 * page, in the language of the system's locale, French unless it asks for English.
 */
import i18next, { type TFunction } from 'i18next';
import { pickLanguage, resources, type Language } from '../shared/i18n';

export function systemLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const tags = [env.PIGEONNIER_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG, Intl.DateTimeFormat().resolvedOptions().locale];
  return pickLanguage(tags.filter((t): t is string => !!t && t !== 'C' && t !== 'POSIX'));
}

export function createTranslator(language: Language = systemLanguage()): TFunction {
  const instance = i18next.createInstance();
  // initAsync: false makes init synchronous: the resources are in memory, nothing to load.
  void instance.init({ lng: language, fallbackLng: 'en', resources, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t.bind(instance);
}
