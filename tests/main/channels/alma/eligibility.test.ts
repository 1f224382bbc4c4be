/**
 * Who may open Alma Heritage (seed 000): "tous les hébergements hors hôtels et campings", only
 * "en France métropolitaine". Every reason that applies is given, with its values.
 */
import { describe, expect, it } from 'vitest';
import { almaEligibility } from '../../../../main/channels/alma/eligibility';
import type { Property } from '../../../../shared/domain';

const sarlat: Pick<Property, 'type' | 'country' | 'postalCode' | 'timeZone'> = {
  type: 'chambre_hotes',
  country: 'FR',
  postalCode: '24200',
  timeZone: 'Europe/Paris',
};

const keys = (property: Parameters<typeof almaEligibility>[0]) => almaEligibility(property).reasons.map((r) => r.key);

describe('Alma Heritage eligibility', () => {
  it('lets in every kind of metropolitan accommodation that is not a hotel or a campsite, Corsica included', () => {
    for (const type of ['gite', 'chambre_hotes', 'meuble', 'insolite', 'other'] as const) {
      expect(almaEligibility({ ...sarlat, type })).toEqual({ eligible: true, reasons: [] });
    }
    expect(almaEligibility({ ...sarlat, postalCode: '20000' }).eligible).toBe(true); // Ajaccio
    expect(almaEligibility({ ...sarlat, postalCode: '20 200' }).eligible).toBe(true); // Bastia, typed with a space
    expect(almaEligibility({ ...sarlat, postalCode: '' }).eligible).toBe(true); // no postal code yet: nothing says it is overseas
  });

  it('asks for the property first when there is none', () => {
    expect(almaEligibility(null)).toEqual({ eligible: false, reasons: [{ key: 'alma.eligibility.noProperty' }] });
  });

  it('refuses hotels and campsites, saying which', () => {
    expect(almaEligibility({ ...sarlat, type: 'hotel' })).toEqual({ eligible: false, reasons: [{ key: 'alma.eligibility.hotel' }] });
    expect(almaEligibility({ ...sarlat, type: 'camping' })).toEqual({ eligible: false, reasons: [{ key: 'alma.eligibility.camping' }] });
  });

  it('refuses the overseas departments and collectivities by their own country codes', () => {
    for (const country of ['GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'NC', 'PF', 'WF']) {
      expect(almaEligibility({ ...sarlat, country, postalCode: '97100', timeZone: 'America/Guadeloupe' }).reasons).toEqual([
        { key: 'alma.eligibility.overseas', params: { country } },
      ]);
    }
  });

  it('refuses an overseas postal code under country FR (97xxx, 98xxx)', () => {
    expect(almaEligibility({ ...sarlat, postalCode: '97400' }).reasons).toEqual([{ key: 'alma.eligibility.overseasPostalCode', params: { postalCode: '97400' } }]);
    expect(keys({ ...sarlat, postalCode: '98800' })).toEqual(['alma.eligibility.overseasPostalCode']); // Nouméa
    expect(keys({ ...sarlat, postalCode: '98000' })).toEqual(['alma.eligibility.overseasPostalCode']); // Monaco's, typed under FR
  });

  it('refuses a time zone that is not metropolitan France’s', () => {
    expect(almaEligibility({ ...sarlat, timeZone: 'America/Martinique' }).reasons).toEqual([
      { key: 'alma.eligibility.overseasTimeZone', params: { timeZone: 'America/Martinique' } },
    ]);
    expect(keys({ ...sarlat, timeZone: 'Indian/Reunion' })).toEqual(['alma.eligibility.overseasTimeZone']);
  });

  it('refuses another country: Monaco is not France, nor is Belgium', () => {
    expect(almaEligibility({ ...sarlat, country: 'MC', postalCode: '98000', timeZone: 'Europe/Monaco' }).reasons).toEqual([
      { key: 'alma.eligibility.notFrance', params: { country: 'MC' } },
    ]);
    expect(keys({ ...sarlat, country: 'BE', postalCode: '1000', timeZone: 'Europe/Brussels' })).toEqual(['alma.eligibility.notFrance']);
  });

  it('gives every reason at once: a hotel in Guadeloupe hears both', () => {
    expect(keys({ type: 'hotel', country: 'GP', postalCode: '97110', timeZone: 'America/Guadeloupe' })).toEqual([
      'alma.eligibility.overseas',
      'alma.eligibility.hotel',
    ]);
    expect(keys({ ...sarlat, type: 'camping', postalCode: '97200' })).toEqual(['alma.eligibility.overseasPostalCode', 'alma.eligibility.camping']);
  });
});
