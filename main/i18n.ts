/**
 * Translation for the main process (command line, notifications): the same resources as the
 * page, in the language of the system's locale, French unless it asks for English.
 */
import i18next, { type TFunction } from 'i18next';
import type { ApiErrorBody } from '../shared/errors';
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

/** One line per problem, in words: the main message, then each field's issue. */
export function describeError(t: TFunction, error: ApiErrorBody): string {
  const lines = [t(error.key, error.params ?? {})];
  for (const issue of error.issues) lines.push(`  ${issue.path.join('.') || '-'}: ${t(issue.key, issue.params ?? {})}`);
  return lines.join('\n');
}
