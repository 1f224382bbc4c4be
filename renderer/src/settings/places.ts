/**
 * Countries and time zones the owner picks from: France and its overseas departments and
 * territories first (DESIGN §1), then France's neighbours. Names come from Intl in the page's
 * language, so no list of country names needs translating.
 */
export const COUNTRY_ZONES: Record<string, string> = {
  FR: 'Europe/Paris',
  GP: 'America/Guadeloupe',
  MQ: 'America/Martinique',
  GF: 'America/Cayenne',
  RE: 'Indian/Reunion',
  YT: 'Indian/Mayotte',
  PM: 'America/Miquelon',
  BL: 'America/St_Barthelemy',
  MF: 'America/Marigot',
  NC: 'Pacific/Noumea',
  PF: 'Pacific/Tahiti',
  WF: 'Pacific/Wallis',
  BE: 'Europe/Brussels',
  LU: 'Europe/Luxembourg',
  CH: 'Europe/Zurich',
  MC: 'Europe/Monaco',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  DE: 'Europe/Berlin',
};

export const COUNTRIES = Object.keys(COUNTRY_ZONES);
export const TIME_ZONES = [...new Set(Object.values(COUNTRY_ZONES))];

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
