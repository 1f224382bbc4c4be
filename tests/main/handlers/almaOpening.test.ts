/**
 * alma:eligibility and alma:open on a real service and SQLite file (issue 9): who may open the
 * channel (no hotels, campsites or overseas properties), the request recorded as a pending API
 * connection with the date Alma Heritage's e-mail is due, one channel at a time. Every refusal
 * writes nothing and pushes nothing. The property and the clock: ./almaService.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectRefusedWithoutWrites, openService, type Harness } from '../../helpers/service';
import { almaCalls, openAlmaProperty, type AlmaProperty } from './almaService';

let property: AlmaProperty;
let harness: Harness;
let grange: number;

beforeEach(() => {
  property = openAlmaProperty();
  ({ harness, grange } = property);
});

const { call, open, settingsJson } = almaCalls(() => property);

describe('who may open Alma Heritage', () => {
  it('says an eligible property may, and opening it refuses hotels, campsites and overseas properties without writing', () => {
    expect(call('alma:eligibility')).toEqual({ eligible: true, reasons: [] });

    harness.service.call('property:save', { name: 'Hôtel du Centre', type: 'hotel', postalCode: '24200' });
    expect(call('alma:eligibility')).toEqual({ eligible: false, reasons: [{ key: 'alma.eligibility.hotel' }] });
    expectRefusedWithoutWrites(harness, () => open(), {
      code: 'conflict',
      key: 'alma.rules.notEligible',
      issues: [{ path: ['property'], key: 'alma.eligibility.hotel' }],
    });

    harness.service.call('property:save', { name: 'Camping des Pins', type: 'camping', postalCode: '40200' });
    expectRefusedWithoutWrites(harness, () => open(), { key: 'alma.rules.notEligible', issues: [{ path: ['property'], key: 'alma.eligibility.camping' }] });

    harness.service.call('property:save', { name: 'Ti Kaz', type: 'gite', country: 'GP', postalCode: '97100', timeZone: 'America/Guadeloupe' });
    expectRefusedWithoutWrites(harness, () => open(), {
      key: 'alma.rules.notEligible',
      issues: [{ path: ['property'], key: 'alma.eligibility.overseas', params: { country: 'GP' } }],
    });

    harness.service.call('property:save', { name: 'Case créole', type: 'gite', country: 'FR', postalCode: '97400', timeZone: 'Indian/Reunion' });
    expectRefusedWithoutWrites(harness, () => open(), {
      key: 'alma.rules.notEligible',
      issues: [{ path: ['property'], key: 'alma.eligibility.overseasPostalCode', params: { postalCode: '97400' } }],
    });
  });

  it('asks for the property first on an empty schedule', () => {
    const empty = openService();
    expect(empty.service.call('alma:eligibility')).toEqual({ eligible: false, reasons: [{ key: 'alma.eligibility.noProperty' }] });
    expectRefusedWithoutWrites(empty, () => empty.service.call('alma:open'), { issues: [{ path: ['property'], key: 'alma.eligibility.noProperty' }] });
  });
});

describe('opening the channel', () => {
  it('records the request as a pending API connection at 13 %, with the date the e-mail should arrive by', () => {
    harness.events.length = 0;
    const view = open();
    expect(view.connection).toMatchObject({ channel: 'alma_heritage', name: 'Alma Heritage', kind: 'api', status: 'pending', commissionBasisPoints: 1300 });
    expect(view).toMatchObject({
      stage: 'requested',
      requestedAt: '2026-05-01T10:00:00.000Z',
      expectedBy: '2026-05-13',
      serviceUrl: null,
      passwordSaved: false,
      passwordProtection: null,
      rooms: [],
      commissionBasisPoints: 1300,
    });
    expect(JSON.parse(settingsJson(view.connection.id))).toEqual({ requestedAt: '2026-05-01T10:00:00.000Z', expectedBy: '2026-05-13' });
    expect(harness.events).toEqual([{ event: 'connections:changed', payload: {} }]);
    expect(call('alma:get')).toEqual(view);
  });

  it('is refused while a channel is open, and allowed again once it is removed', () => {
    const first = open();
    expectRefusedWithoutWrites(harness, () => open(), { code: 'conflict', key: 'alma.rules.alreadyOpen' });
    harness.service.call('connections:remove', { id: first.connection.id });
    expect(call('alma:get')).toBeNull();
    harness.clock.set('2026-07-10T08:00:00.000Z'); // Friday 10 July: 14 July is a holiday
    const second = open();
    expect(second.connection.id).not.toBe(first.connection.id);
    // Mon 13 (1), [Tue 14], Wed 15 (2), Thu 16 (3), Fri 17 (4), Mon 20 (5), Tue 21 (6), Wed 22 (7)
    expect(second.expectedBy).toBe('2026-07-22');
  });

  it('cannot be made through the iCal wizard’s call', () => {
    expectRefusedWithoutWrites(harness, () => harness.service.call('connections:create', { channel: 'alma_heritage', rooms: [{ unitId: grange }] }), {
      issues: [{ path: ['channel'], key: 'channels.rules.notIcal' }],
    });
  });
});

