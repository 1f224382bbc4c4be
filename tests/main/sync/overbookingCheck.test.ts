/**
 * The import's quick overbooking filter must find every night the reference check
 * (availability:overbookings) finds, on random schedules: stays, stock overrides, closed nights.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/nights';
import { overbookedSpan } from '../../../main/sync/overbookingCheck';
import { addUnit, openService } from '../../helpers/service';

describe('overbookedSpan', () => {
  it('spans exactly the overbooked nights the reference check reports', () => {
    const stay = fc.record({ start: fc.integer({ min: 0, max: 30 }), nights: fc.integer({ min: 1, max: 6 }) });
    const override = fc.record({ day: fc.integer({ min: 0, max: 35 }), stock: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), closed: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.array(stay, { maxLength: 8 }), fc.array(override, { maxLength: 5 }), (stock, stays, overrides) => {
        const { service } = openService();
        const unit = addUnit(service, { stock });
        const first = '2026-07-01';
        for (const o of overrides) {
          service.call('overrides:set', { unitIds: [unit.id], firstNight: addDays(first, o.day), lastNight: addDays(first, o.day), changes: { stock: o.stock, closed: o.closed } });
        }
        for (const s of stays) {
          service.call('reservations:create', { unitId: unit.id, arrival: addDays(first, s.start), departure: addDays(first, s.start + s.nights), guests: 1, guestName: 'X', allowOverbooking: true });
        }
        const last = addDays(first, 40);
        const reference = service.call('availability:overbookings', { firstNight: first, lastNight: last }).map((o) => o.night);
        const span = overbookedSpan(service.db, unit.id, first, last);
        expect(span).toEqual(reference.length ? [reference[0], reference[reference.length - 1]] : null);
        service.close();
      }),
      { numRuns: 60 },
    );
  });
});
