import { almaEn, almaFr } from './alma';
import { channelsEn, channelsFr } from './channels';
import { cliEn, cliFr } from './cli';
import { desktopEn, desktopFr } from './desktop';
import { feedsEn, feedsFr } from './feeds';
import { en } from './en';
import { exportEn, exportFr } from './feeds-export';
import { fr } from './fr';
import { payoutsEn, payoutsFr } from './app/payouts';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** i18next resources, one namespace per language. */
export const resources = {
  fr: { translation: { ...fr, cli: cliFr, export: exportFr, feeds: feedsFr, desktop: desktopFr, channels: channelsFr, payouts: payoutsFr, alma: almaFr } },
  en: { translation: { ...en, cli: cliEn, export: exportEn, feeds: feedsEn, desktop: desktopEn, channels: channelsEn, payouts: payoutsEn, alma: almaEn } },
} as const;

/** French unless the system clearly asks for English: the owner is French first. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'fr') return 'fr';
    if (base === 'en') return 'en';
  }
  return 'fr';
}
