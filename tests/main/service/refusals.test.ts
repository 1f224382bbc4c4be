/**
 * Every refused input: the exact refusal (code, key, and each issue's path and key) and proof
 * that nothing was written — every row of every table is the same before and after, and no
 * event went out.
 *
 * The schedule each case runs against:
 *   unit 1 "La Grange" (capacity 4, stock 1), unit 2 "La Tour" (capacity 2, stock 1)
 *   file 1: La Grange 2026-07-10 → 07-13, confirmed, 2 guests
 *   file 2: La Grange 2026-07-20 → 07-22, confirmed, 4 guests
 *   file 3: La Tour   2026-07-10 → 07-12, cancelled
 *   an override on La Grange 2026-08-15 (rate), an overbooking alert is not present
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/errors';
import type { Service } from '../../../main/service';
import { snapshotTables } from '../../helpers/dbSnapshot';
import { addUnit, book, expectRefusedWithoutWrites, openService, type Harness } from '../../helpers/service';

let harness: Harness;
let service: Service;

beforeEach(() => {
  harness = openService();
  service = harness.service;
  service.call('property:save', { name: 'Le Pigeonnier', type: 'chambre_hotes', city: 'Sarlat' });
  addUnit(service, { name: 'La Grange', capacity: 4 });
  addUnit(service, { name: 'La Tour', capacity: 2 });
  book(service, { unitId: 1, arrival: '2026-07-10', departure: '2026-07-13', guests: 2 });
  book(service, { unitId: 1, arrival: '2026-07-20', departure: '2026-07-22', guests: 4 });
  book(service, { unitId: 2, arrival: '2026-07-10', departure: '2026-07-12', guests: 1 });
  service.call('reservations:cancel', { id: 3 });
  service.call('overrides:set', { unitIds: [1], firstNight: '2026-08-15', lastNight: '2026-08-15', changes: { rateCents: 12000 } });
  harness.events.length = 0;
});

const invalid = (...issues: ApiErrorBody['issues']): Partial<ApiErrorBody> => ({ code: 'invalid_input', key: 'errors.invalidInput', issues });

/** A valid new booking on free nights of La Grange, for cases to spoil one field of. */
const stay = (fields: Record<string, unknown> = {}) => ({
  unitId: 1,
  arrival: '2026-08-01',
  departure: '2026-08-04',
  guests: 2,
  guestName: 'Camille Martin',
  ...fields,
});

type Case = [name: string, call: string, input: unknown, expected: Partial<ApiErrorBody>];

function runCases(cases: Case[]) {
  it.each(cases)('%s', (_name, call, input, expected) => {
    expectRefusedWithoutWrites(harness, () => service.call(call as never, input), expected);
  });
}

describe('reservations:create refuses', () => {
  runCases([
    ['an arrival equal to the departure', 'reservations:create', stay({ departure: '2026-08-01' }), invalid({ path: ['departure'], key: 'errors.departureNotAfterArrival' })],
    ['an arrival after the departure', 'reservations:create', stay({ arrival: '2026-08-05' }), invalid({ path: ['departure'], key: 'errors.departureNotAfterArrival' })],
    ['a date that does not exist (2026-02-30)', 'reservations:create', stay({ arrival: '2026-02-30', departure: '2026-03-02' }), invalid({ path: ['arrival'], key: 'errors.night' })],
    ['a 13th month', 'reservations:create', stay({ departure: '2026-13-01' }), invalid({ path: ['departure'], key: 'errors.night' })],
    ['a date written the French way', 'reservations:create', stay({ arrival: '01/08/2026' }), invalid({ path: ['arrival'], key: 'errors.night' })],
    [
      'a stay of 366 nights',
      'reservations:create',
      stay({ arrival: '2026-08-01', departure: '2027-08-02' }),
      invalid({ path: ['departure'], key: 'errors.stayTooLong', params: { max: 365 } }),
    ],
    ['an unknown unit', 'reservations:create', stay({ unitId: 99 }), invalid({ path: ['unitId'], key: 'errors.unknownUnit', params: { id: 99 } })],
    ['a unit id of 0', 'reservations:create', stay({ unitId: 0 }), invalid({ path: ['unitId'], key: 'errors.id', params: { limit: 0 } })],
    ['a unit id given as text', 'reservations:create', stay({ unitId: '1' }), invalid({ path: ['unitId'], key: 'errors.id' })],
    ['0 guests', 'reservations:create', stay({ guests: 0 }), invalid({ path: ['guests'], key: 'errors.guestsMin', params: { limit: 1 } })],
    ['-1 guests', 'reservations:create', stay({ guests: -1 }), invalid({ path: ['guests'], key: 'errors.guestsMin', params: { limit: 1 } })],
    ['2.5 guests', 'reservations:create', stay({ guests: 2.5 }), invalid({ path: ['guests'], key: 'errors.integer' })],
    ['guests given as text', 'reservations:create', stay({ guests: '2' }), invalid({ path: ['guests'], key: 'errors.integer' })],
    ['missing guests', 'reservations:create', stay({ guests: undefined }), invalid({ path: ['guests'], key: 'errors.required' })],
    [
      'more guests than the unit sleeps',
      'reservations:create',
      stay({ guests: 5 }),
      invalid({ path: ['guests'], key: 'errors.guestsOverCapacity', params: { capacity: 4, unit: 'La Grange' } }),
    ],
    ['an empty guest name', 'reservations:create', stay({ guestName: '' }), invalid({ path: ['guestName'], key: 'errors.required', params: { limit: 1 } })],
    ['a guest name of spaces', 'reservations:create', stay({ guestName: '   ' }), invalid({ path: ['guestName'], key: 'errors.required', params: { limit: 1 } })],
    ['a missing guest name', 'reservations:create', stay({ guestName: undefined }), invalid({ path: ['guestName'], key: 'errors.required' })],
    ['a guest name of 201 characters', 'reservations:create', stay({ guestName: 'x'.repeat(201) }), invalid({ path: ['guestName'], key: 'errors.tooLong', params: { limit: 200 } })],
    ['an e-mail without a domain', 'reservations:create', stay({ email: 'camille@' }), invalid({ path: ['email'], key: 'errors.email' })],
    ['an e-mail without an @', 'reservations:create', stay({ email: 'camille.martin.fr' }), invalid({ path: ['email'], key: 'errors.email' })],
    ['a phone made of letters', 'reservations:create', stay({ phone: 'call me' }), invalid({ path: ['phone'], key: 'errors.phone' })],
    ['a phone with five digits', 'reservations:create', stay({ phone: '12345' }), invalid({ path: ['phone'], key: 'errors.phone' })],
    ['a phone of dots and dashes only', 'reservations:create', stay({ phone: '--..--..' }), invalid({ path: ['phone'], key: 'errors.phone' })],
    ['a negative amount', 'reservations:create', stay({ amountCents: -100 }), invalid({ path: ['amountCents'], key: 'errors.amountNegative', params: { limit: 0 } })],
    ['an amount with a fraction of a cent', 'reservations:create', stay({ amountCents: 85.5 }), invalid({ path: ['amountCents'], key: 'errors.amount' })],
    ['an amount given as text', 'reservations:create', stay({ amountCents: '85,50' }), invalid({ path: ['amountCents'], key: 'errors.amount' })],
    ['a status the owner cannot create', 'reservations:create', stay({ status: 'cancelled' }), invalid({ path: ['status'], key: 'errors.choice' })],
    ['an unknown field', 'reservations:create', stay({ discount: 10 }), invalid({ path: [], key: 'errors.unknownField', params: { keys: 'discount' } })],
    ['allowOverbooking given as text', 'reservations:create', stay({ allowOverbooking: 'yes' }), invalid({ path: ['allowOverbooking'], key: 'errors.invalidType' })],
    ['no input at all', 'reservations:create', undefined, invalid({ path: [], key: 'errors.required' })],
    ['an array instead of an object', 'reservations:create', [stay()], invalid({ path: [], key: 'errors.invalidType' })],
    [
      'sold nights without allowOverbooking',
      'reservations:create',
      stay({ arrival: '2026-07-12', departure: '2026-07-14' }),
      { code: 'conflict', key: 'errors.overbooking', params: { unit: 'La Grange', nights: 1, firstNight: '2026-07-12', lastNight: '2026-07-12' }, issues: [] },
    ],
  ]);

  it('every problem of one input at once, so the form can show them all', () => {
    expectRefusedWithoutWrites(
      harness,
      () => service.call('reservations:create', stay({ guests: 0, guestName: '', email: 'x', phone: 'y' })),
      invalid(
        { path: ['guests'], key: 'errors.guestsMin', params: { limit: 1 } },
        { path: ['guestName'], key: 'errors.required', params: { limit: 1 } },
        { path: ['email'], key: 'errors.email' },
        { path: ['phone'], key: 'errors.phone' },
      ),
    );
  });
});

describe('reservations:update refuses', () => {
  runCases([
    [
      'an earlier departure that falls before the arrival (partial change)',
      'reservations:update',
      { id: 1, changes: { departure: '2026-07-09' } },
      invalid({ path: ['changes', 'departure'], key: 'errors.departureNotAfterArrival' }),
    ],
    [
      'a later arrival that reaches the departure (partial change)',
      'reservations:update',
      { id: 1, changes: { arrival: '2026-07-13' } },
      invalid({ path: ['changes', 'departure'], key: 'errors.departureNotAfterArrival' }),
    ],
    [
      'a departure pushed past 365 nights',
      'reservations:update',
      { id: 1, changes: { departure: '2027-07-11' } },
      invalid({ path: ['changes', 'departure'], key: 'errors.stayTooLong', params: { max: 365 } }),
    ],
    ['a date that does not exist', 'reservations:update', { id: 1, changes: { departure: '2026-06-31' } }, invalid({ path: ['changes', 'departure'], key: 'errors.night' })],
    ['a payout date that does not exist', 'reservations:update', { id: 1, changes: { payoutDate: '2026-02-30' } }, invalid({ path: ['changes', 'payoutDate'], key: 'errors.night' })],
    ['an unknown file', 'reservations:update', { id: 99, changes: { guests: 2 } }, { code: 'not_found', key: 'errors.unknownReservation', params: { id: 99 }, issues: [] }],
    ['no changes', 'reservations:update', { id: 1, changes: {} }, invalid({ path: ['changes'], key: 'errors.nothingToChange' })],
    ['a change to an unknown field', 'reservations:update', { id: 1, changes: { status: 'confirmed' } }, invalid({ path: ['changes'], key: 'errors.unknownField', params: { keys: 'status' } })],
    ['a move to an unknown unit', 'reservations:update', { id: 1, changes: { unitId: 99 } }, invalid({ path: ['changes', 'unitId'], key: 'errors.unknownUnit', params: { id: 99 } })],
    [
      'more guests than the unit sleeps',
      'reservations:update',
      { id: 1, changes: { guests: 5 } },
      invalid({ path: ['changes', 'guests'], key: 'errors.guestsOverCapacity', params: { capacity: 4, unit: 'La Grange' } }),
    ],
    [
      'a move to a smaller unit than the party',
      'reservations:update',
      { id: 2, changes: { unitId: 2 } },
      invalid({ path: ['changes', 'guests'], key: 'errors.guestsOverCapacity', params: { capacity: 2, unit: 'La Tour' } }),
    ],
    ['removing the guest name of a booking', 'reservations:update', { id: 1, changes: { guestName: null } }, invalid({ path: ['changes', 'guestName'], key: 'errors.required' })],
    ['removing the guest count of a booking', 'reservations:update', { id: 1, changes: { guests: null } }, invalid({ path: ['changes', 'guests'], key: 'errors.required' })],
    ['a bad e-mail', 'reservations:update', { id: 1, changes: { email: 'camille@@example.fr' } }, invalid({ path: ['changes', 'email'], key: 'errors.email' })],
    ['a negative commission', 'reservations:update', { id: 1, changes: { commissionCents: -1 } }, invalid({ path: ['changes', 'commissionCents'], key: 'errors.amountNegative', params: { limit: 0 } })],
    [
      'a move onto sold nights without allowOverbooking',
      'reservations:update',
      { id: 2, changes: { arrival: '2026-07-11', departure: '2026-07-14' } },
      { code: 'conflict', key: 'errors.overbooking', params: { unit: 'La Grange', nights: 2, firstNight: '2026-07-11', lastNight: '2026-07-12' }, issues: [] },
    ],
    ['a file id of -1', 'reservations:update', { id: -1, changes: { guests: 2 } }, invalid({ path: ['id'], key: 'errors.id', params: { limit: 0 } })],
  ]);
});

describe('reservations:cancel refuses', () => {
  runCases([
    ['an unknown file', 'reservations:cancel', { id: 99 }, { code: 'not_found', key: 'errors.unknownReservation', params: { id: 99 }, issues: [] }],
    ['a file already cancelled', 'reservations:cancel', { id: 3 }, { code: 'conflict', key: 'errors.alreadyClosed', params: { status: 'cancelled' }, issues: [] }],
    ['a reason of 1001 characters', 'reservations:cancel', { id: 1, reason: 'x'.repeat(1001) }, invalid({ path: ['reason'], key: 'errors.tooLong', params: { limit: 1000 } })],
    ['an id given as text', 'reservations:cancel', { id: '1' }, invalid({ path: ['id'], key: 'errors.id' })],
  ]);
});

describe('reads refuse', () => {
  runCases([
    ['reservations:get of an unknown file', 'reservations:get', { id: 99 }, { code: 'not_found', key: 'errors.unknownReservation', params: { id: 99 }, issues: [] }],
    ['reservations:history of an unknown file', 'reservations:history', { id: 99 }, { code: 'not_found', key: 'errors.unknownReservation', params: { id: 99 }, issues: [] }],
    ['reservations:check of an unknown unit', 'reservations:check', { unitId: 99, arrival: '2026-08-01', departure: '2026-08-02' }, invalid({ path: ['unitId'], key: 'errors.unknownUnit', params: { id: 99 } })],
    [
      'reservations:check with the departure first',
      'reservations:check',
      { unitId: 1, arrival: '2026-08-02', departure: '2026-08-01' },
      invalid({ path: ['departure'], key: 'errors.departureNotAfterArrival' }),
    ],
    ['reservations:list with an unknown status', 'reservations:list', { statuses: ['lost'] }, invalid({ path: ['statuses', 0], key: 'errors.choice' })],
    ['reservations:list with a limit of 0', 'reservations:list', { limit: 0 }, invalid({ path: ['limit'], key: 'errors.tooSmall', params: { limit: 1 } })],
    ['reservations:list with an unknown source', 'reservations:list', { source: 'airbnb' }, invalid({ path: ['source'], key: 'errors.invalidValue' })],
    ['availability:get of an unknown unit', 'availability:get', { unitIds: [1, 99], firstNight: '2026-08-01', lastNight: '2026-08-02' }, invalid({ path: ['unitIds', 1], key: 'errors.unknownUnit', params: { id: 99 } })],
    ['availability:get of an inverted range', 'availability:get', { firstNight: '2026-08-02', lastNight: '2026-08-01' }, invalid({ path: ['lastNight'], key: 'errors.rangeInverted' })],
    ['property:get with an input', 'property:get', { id: 1 }, invalid({ path: [], key: 'errors.invalidType' })],
  ]);
});

describe('units refuse', () => {
  const unit = (fields: Record<string, unknown> = {}) => ({ name: 'Le Fournil', capacity: 2, baseRateCents: 7000, ...fields });
  runCases([
    ['a negative rate', 'units:create', unit({ baseRateCents: -1 }), invalid({ path: ['baseRateCents'], key: 'errors.amountNegative', params: { limit: 0 } })],
    ['a rate with a fraction of a cent', 'units:create', unit({ baseRateCents: 7000.5 }), invalid({ path: ['baseRateCents'], key: 'errors.amount' })],
    ['a rate in euros as text', 'units:create', unit({ baseRateCents: '70 €' }), invalid({ path: ['baseRateCents'], key: 'errors.amount' })],
    ['a negative stock', 'units:create', unit({ stock: -1 }), invalid({ path: ['stock'], key: 'errors.stockNegative', params: { limit: 0 } })],
    ['a capacity of 0', 'units:create', unit({ capacity: 0 }), invalid({ path: ['capacity'], key: 'errors.capacityMin', params: { limit: 1 } })],
    ['a minimum stay of 0', 'units:create', unit({ minStay: 0 }), invalid({ path: ['minStay'], key: 'errors.minStayMin', params: { limit: 1 } })],
    ['an empty name', 'units:create', unit({ name: ' ' }), invalid({ path: ['name'], key: 'errors.required', params: { limit: 1 } })],
    ['an unknown field', 'units:create', unit({ colour: 'blue' }), invalid({ path: [], key: 'errors.unknownField', params: { keys: 'colour' } })],
    ['units:update with nothing to change', 'units:update', { id: 1, changes: {} }, invalid({ path: ['changes'], key: 'errors.nothingToChange' })],
    ['units:update of an unknown unit', 'units:update', { id: 99, changes: { name: 'Ghost' } }, invalid({ path: ['id'], key: 'errors.unknownUnit' })],
    ['units:update to a negative stock', 'units:update', { id: 1, changes: { stock: -2 } }, invalid({ path: ['changes', 'stock'], key: 'errors.stockNegative', params: { limit: 0 } })],
    ['units:update of an unknown field', 'units:update', { id: 1, changes: { id: 2 } }, invalid({ path: ['changes'], key: 'errors.unknownField', params: { keys: 'id' } })],
  ]);
});

describe('overrides:set refuses', () => {
  const set = (fields: Record<string, unknown> = {}) => ({ unitIds: [1, 2], firstNight: '2026-09-01', lastNight: '2026-09-07', changes: { closed: true }, ...fields });
  runCases([
    ['an inverted range', 'overrides:set', set({ firstNight: '2026-09-07', lastNight: '2026-09-01' }), invalid({ path: ['lastNight'], key: 'errors.rangeInverted' })],
    [
      'a range longer than the limit (1099 nights)',
      'overrides:set',
      set({ firstNight: '2026-01-01', lastNight: '2029-01-03' }),
      invalid({ path: ['lastNight'], key: 'errors.rangeTooLong', params: { max: 1098 } }),
    ],
    ['no changes', 'overrides:set', set({ changes: {} }), invalid({ path: ['changes'], key: 'errors.nothingToChange' })],
    ['an unknown change', 'overrides:set', set({ changes: { price: 100 } }), invalid({ path: ['changes'], key: 'errors.unknownField', params: { keys: 'price' } })],
    ['an unknown unit among known ones', 'overrides:set', set({ unitIds: [1, 99, 2] }), invalid({ path: ['unitIds', 1], key: 'errors.unknownUnit', params: { id: 99 } })],
    [
      'two unknown units, naming each',
      'overrides:set',
      set({ unitIds: [98, 1, 99] }),
      invalid({ path: ['unitIds', 0], key: 'errors.unknownUnit', params: { id: 98 } }, { path: ['unitIds', 2], key: 'errors.unknownUnit', params: { id: 99 } }),
    ],
    ['no units', 'overrides:set', set({ unitIds: [] }), invalid({ path: ['unitIds'], key: 'errors.required', params: { limit: 1 } })],
    ['a negative stock', 'overrides:set', set({ changes: { stock: -1 } }), invalid({ path: ['changes', 'stock'], key: 'errors.stockNegative', params: { limit: 0 } })],
    ['a negative rate', 'overrides:set', set({ changes: { rateCents: -500 } }), invalid({ path: ['changes', 'rateCents'], key: 'errors.amountNegative', params: { limit: 0 } })],
    ['a fractional rate', 'overrides:set', set({ changes: { rateCents: 99.99 } }), invalid({ path: ['changes', 'rateCents'], key: 'errors.amount' })],
    ['closed given as 1', 'overrides:set', set({ changes: { closed: 1 } }), invalid({ path: ['changes', 'closed'], key: 'errors.invalidType' })],
    ['a first night that does not exist', 'overrides:set', set({ firstNight: '2026-09-31' }), invalid({ path: ['firstNight'], key: 'errors.night' })],
  ]);

  it('accepts a range of exactly the limit (1098 nights), to show where the line is', () => {
    const result = service.call('overrides:set', { unitIds: [2], firstNight: '2026-01-01', lastNight: '2029-01-02', changes: { closed: null } });
    expect(result.nightsChanged).toBe(1098);
  });
});

describe('property:save refuses', () => {
  const property = (fields: Record<string, unknown> = {}) => ({ name: 'Le Pigeonnier', type: 'gite', ...fields });
  runCases([
    ['an unknown time zone', 'property:save', property({ timeZone: 'Europe/Sarlat' }), invalid({ path: ['timeZone'], key: 'errors.timeZone' })],
    ['a fixed offset instead of a time zone', 'property:save', property({ timeZone: '+01:00' }), invalid({ path: ['timeZone'], key: 'errors.timeZone' })],
    ['an empty name', 'property:save', property({ name: '' }), invalid({ path: ['name'], key: 'errors.required', params: { limit: 1 } })],
    ['a name of spaces', 'property:save', property({ name: '   ' }), invalid({ path: ['name'], key: 'errors.required', params: { limit: 1 } })],
    ['an unknown type', 'property:save', property({ type: 'castle' }), invalid({ path: ['type'], key: 'errors.choice' })],
    ['a country that is not a two-letter code', 'property:save', property({ country: 'France' }), invalid({ path: ['country'], key: 'errors.country' })],
    ['an unknown field', 'property:save', property({ stars: 4 }), invalid({ path: [], key: 'errors.unknownField', params: { keys: 'stars' } })],
  ]);
});

describe('alerts:dismiss refuses', () => {
  runCases([['an unknown alert', 'alerts:dismiss', { id: 7 }, { code: 'not_found', key: 'errors.unknownAlert', params: { id: 7 }, issues: [] }]]);
});

describe('invoke refuses', () => {
  it.each(['reservations:delete', 'RESERVATIONS:LIST', 'constructor', '__proto__', 'toString', ''])('the unknown call name %j', (name) => {
    const before = snapshotTables(service.db);
    expect(service.invoke(name, {})).toEqual({
      ok: false,
      error: { code: 'unknown_call', key: 'errors.unknownCall', params: { name }, issues: [] },
    });
    expect(snapshotTables(service.db)).toEqual(before);
    expect(harness.events).toEqual([]);
  });

  it('wrong types with an error envelope, writing nothing', () => {
    const before = snapshotTables(service.db);
    expect(service.invoke('units:create', { name: 42, capacity: 'two', baseRateCents: null })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        key: 'errors.invalidInput',
        issues: [
          { path: ['name'], key: 'errors.invalidType' },
          { path: ['capacity'], key: 'errors.integer' },
          { path: ['baseRateCents'], key: 'errors.amount' },
        ],
      },
    });
    expect(snapshotTables(service.db)).toEqual(before);
    expect(harness.events).toEqual([]);
  });
});

describe('the fixture these refusals run against', () => {
  it('is what the header says, so a refusal is not mistaken for a missing row', () => {
    expect(service.call('units:list').map((u) => [u.id, u.name, u.capacity, u.stock])).toEqual([
      [1, 'La Grange', 4, 1],
      [2, 'La Tour', 2, 1],
    ]);
    expect(service.call('reservations:list').items.map((r) => [r.id, r.unitId, r.arrival, r.departure, r.status])).toEqual([
      [1, 1, '2026-07-10', '2026-07-13', 'confirmed'],
      [3, 2, '2026-07-10', '2026-07-12', 'cancelled'],
      [2, 1, '2026-07-20', '2026-07-22', 'confirmed'],
    ]);
    expect(service.call('alerts:list')).toEqual([]);
  });
});
