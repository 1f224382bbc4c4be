import { describe, expect, it } from 'vitest';
import { createService } from '../../../main/service';
import { openService, START } from '../../helpers/service';

describe('property:get / property:save', () => {
  it('has no property before the owner saves one', () => {
    const { service } = openService();
    expect(service.call('property:get')).toBeNull();
  });

  it('saves the property with the defaults a French owner expects, trimmed, stamped with the clock', () => {
    const { service } = openService();
    const saved = service.call('property:save', { name: '  Le Pigeonnier  ', type: 'gite' });
    expect(saved).toEqual({
      name: 'Le Pigeonnier',
      type: 'gite',
      addressLine: '',
      postalCode: '',
      city: '',
      region: '',
      country: 'FR',
      timeZone: 'Europe/Paris',
      termsOfSale: '',
      updatedAt: START,
    });
    expect(service.call('property:get')).toEqual(saved);
  });

  it('stores the time zone under its canonical name, whatever its case', () => {
    const { service } = openService();
    expect(service.call('property:save', { name: 'Gîte', type: 'gite', timeZone: 'america/guadeloupe' }).timeZone).toBe('America/Guadeloupe');
  });

  it('keeps one property: saving again replaces it and moves updatedAt', () => {
    const { service, clock } = openService();
    service.call('property:save', { name: 'Le Pigeonnier', type: 'gite', city: 'Sarlat' });
    clock.set('2026-05-02T08:00:00.000Z');
    const saved = service.call('property:save', {
      name: 'Ti Kaz',
      type: 'chambre_hotes',
      addressLine: '12 rue Schœlcher',
      postalCode: '97100',
      city: 'Basse-Terre',
      region: 'Guadeloupe',
      country: 'GP',
      timeZone: 'America/Guadeloupe',
      termsOfSale: 'Arrhes de 30 %.',
    });
    expect(saved).toMatchObject({ name: 'Ti Kaz', country: 'GP', timeZone: 'America/Guadeloupe', updatedAt: '2026-05-02T08:00:00.000Z' });
    expect(service.db.prepare('SELECT count(*) FROM property').pluck().get()).toBe(1);
    expect(service.call('property:get')).toEqual(saved);
  });

  it('announces the change', () => {
    const { service, events } = openService();
    service.call('property:save', { name: 'Le Pigeonnier', type: 'gite' });
    expect(events).toEqual([{ event: 'property:changed', payload: {} }]);
  });

  it('survives closing and reopening the data folder', () => {
    const { service, dataDir } = openService();
    service.call('property:save', { name: 'Le Pigeonnier', type: 'insolite', timeZone: 'Pacific/Noumea' });
    service.close();
    const again = createService({ dataDir });
    try {
      expect(again.migration.backupFile).toBeNull();
      expect(again.call('property:get')).toMatchObject({ name: 'Le Pigeonnier', type: 'insolite', timeZone: 'Pacific/Noumea' });
    } finally {
      again.close();
    }
  });
});
