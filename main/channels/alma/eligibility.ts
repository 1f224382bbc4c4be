/**
 * Who may open the Alma Heritage channel (seed 000): "tous les hébergements hors hôtels et
 * campings", "accessible uniquement aux comptes … basés en France métropolitaine". Pure: from
 * the property as saved in Settings. Every reason that applies is given at once, so the owner
 * fixes them in one visit (a hotel in Guadeloupe hears both).
 *
 * Metropolitan France is told from three facts, any of which can betray an overseas property:
 * - the country: overseas departments and collectivities have their own ISO codes (GP, MQ …);
 *   Monaco (MC) is not France, whatever its postal codes look like;
 * - the postal code: 97xxx and 98xxx are overseas (and 980xx Monaco); Corsica's 20xxx is
 *   metropolitan;
 * - the time zone: metropolitan France, Corsica included, has exactly one, Europe/Paris.
 */
import type { AlmaEligibility, AlmaMessage } from '../../../shared/alma';
import type { Property } from '../../../shared/domain';

/** France's overseas departments, regions and collectivities, as ISO 3166-1 codes of their own. */
const FRENCH_OVERSEAS = new Set(['GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'NC', 'PF', 'WF', 'TF']);

/** Metropolitan France's only IANA zone (Corsica included). */
export const METROPOLITAN_TIME_ZONE = 'Europe/Paris';

const OVERSEAS_POSTAL_CODE = /^9[78]\d{3}$/;

const reason = (name: string, params?: Record<string, string | number>): AlmaMessage =>
  params ? { key: `alma.eligibility.${name}`, params } : { key: `alma.eligibility.${name}` };

export function almaEligibility(property: Pick<Property, 'type' | 'country' | 'postalCode' | 'timeZone'> | null): AlmaEligibility {
  if (!property) return { eligible: false, reasons: [reason('noProperty')] };
  const reasons: AlmaMessage[] = [];
  const country = property.country.trim().toUpperCase();
  const postalCode = property.postalCode.replace(/\s/g, '');

  if (FRENCH_OVERSEAS.has(country)) reasons.push(reason('overseas', { country }));
  else if (country !== 'FR') reasons.push(reason('notFrance', { country }));
  else if (OVERSEAS_POSTAL_CODE.test(postalCode)) reasons.push(reason('overseasPostalCode', { postalCode }));
  else if (property.timeZone !== METROPOLITAN_TIME_ZONE) reasons.push(reason('overseasTimeZone', { timeZone: property.timeZone }));

  if (property.type === 'hotel') reasons.push(reason('hotel'));
  if (property.type === 'camping') reasons.push(reason('camping'));
  return { eligible: reasons.length === 0, reasons };
}
