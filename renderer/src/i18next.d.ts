import type { resources } from '../../shared/i18n';

/** Types t()'s keys from the English messages, so a mistyped key fails the type-check. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['en'];
  }
}
