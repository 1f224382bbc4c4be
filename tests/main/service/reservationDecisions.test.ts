/**
 * The owner's decisions on files that wait for them — confirm or refuse an on-request booking,
 * answer a "gone from the partner's feed" flag — and the accountant's CSV. Each decision writes
 * its history and events; each refusal writes nothing and announces nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../shared/errors';
import type { Service } from '../../../main/service';
import { setFlag } from '../../../main/db/reservations';
import { snapshotTables } from '../../helpers/dbSnapshot';
import { addUnit, book, expectRefusedWithoutWrites, openService, START, type Harness } from '../../helpers/service';

let harness: Harness;
let service: Service;

/**
 *   unit 1 "La Grange": file 1 confirmed 07-10 → 07-13, file 2 pending 07-20 → 07-22,
 *   file 3 confirmed 08-01 → 08-03 flagged "gone from feed", file 4 cancelled and flagged.
 */
beforeEach(() => {
  harness = openService();
  service = harness.service;
  addUnit(service, { name: 'La Grange', capacity: 4 });
  book(service, { unitId: 1, arrival: '2026-07-10', departure: '2026-07-13', amountCents: 25500 });
  book(service, { unitId: 1, arrival: '2026-07-20', departure: '2026-07-22', status: 'pending', guestName: 'Jan de Vries' });
  book(service, { unitId: 1, arrival: '2026-08-01', departure: '2026-08-03', guestName: 'Hannah Becker' });
  book(service, { unitId: 1, arrival: '2026-08-10', departure: '2026-08-12', guestName: 'Paul Girard' });
  service.call('reservations:cancel', { id: 4 });
  setFlag(service.db, 3, 'goneFromFeed', true, new Date(START));
  setFlag(service.db, 4, 'goneFromFeed', true, new Date(START));
  harness.events.length = 0;
});

const free = (first: string, last: string) => service.call('availability:get', { firstNight: first, lastNight: last })[0]!.nights.map((n) => n.free);
const history = (id: number) => service.call('reservations:history', { id }).map((h) => [h.action, h.changes]);
const invalid = (...issues: ApiErrorBody['issues']): Partial<ApiErrorBody> => ({ code: 'invalid_input', key: 'errors.invalidInput', issues });

describe('reservations:confirm', () => {
  it('confirms a pending booking, keeps its nights held, and writes the history', () => {
    const confirmed = service.call('reservations:confirm', { id: 2 });
    expect(confirmed.status).toBe('confirmed');
    expect(free('2026-07-20', '2026-07-21')).toEqual([0, 0]);
    expect(history(2).at(-1)).toEqual(['confirmed', { status: ['pending', 'confirmed'] }]);
    expect(harness.events).toEqual([{ event: 'reservations:changed', payload: { reservationIds: [2] } }]);
  });

  it.each<[string, unknown, Partial<ApiErrorBody>]>([
    ['a confirmed file', { id: 1 }, { code: 'conflict', key: 'errors.notPending', params: { status: 'confirmed' }, issues: [] }],
    ['a cancelled file', { id: 4 }, { code: 'conflict', key: 'errors.notPending', params: { status: 'cancelled' }, issues: [] }],
    ['an unknown file', { id: 99 }, { code: 'not_found', key: 'errors.unknownReservation', params: { id: 99 }, issues: [] }],
    ['an id given as text', { id: '2' }, invalid({ path: ['id'], key: 'errors.id' })],
  ])('refuses %s without writing anything', (_name, input, expected) => {
    expectRefusedWithoutWrites(harness, () => service.call('reservations:confirm', input as never), expected);
  });
});

describe('reservations:refuse', () => {
  it('refuses a pending booking, frees its nights, and keeps the reason in the history', () => {
    const refused = service.call('reservations:refuse', { id: 2, reason: '  Travaux dans la chambre ' });
    expect(refused.status).toBe('refused');
    expect(free('2026-07-20', '2026-07-21')).toEqual([1, 1]);
    expect(history(2).at(-1)).toEqual(['refused', { status: ['pending', 'refused'], reason: [null, 'Travaux dans la chambre'] }]);
    expect(harness.events).toEqual([
      { event: 'reservations:changed', payload: { reservationIds: [2] } },
      { event: 'availability:changed', payload: { unitIds: [1], firstNight: '2026-07-20', lastNight: '2026-07-21' } },
    ]);
  });

  it.each<[string, unknown, Partial<ApiErrorBody>]>([
    ['a confirmed file', { id: 1 }, { code: 'conflict', key: 'errors.notPending', params: { status: 'confirmed' }, issues: [] }],
    ['an unknown file', { id: 99 }, { code: 'not_found', key: 'errors.unknownReservation', params: { id: 99 }, issues: [] }],
    ['a reason of 1001 characters', { id: 2, reason: 'x'.repeat(1001) }, invalid({ path: ['reason'], key: 'errors.tooLong', params: { limit: 1000 } })],
    ['an unknown field', { id: 2, notify: true }, invalid({ path: [], key: 'errors.unknownField', params: { keys: 'notify' } })],
  ])('refuses %s without writing anything', (_name, input, expected) => {
    expectRefusedWithoutWrites(harness, () => service.call('reservations:refuse', input as never), expected);
  });
});

describe('reservations:resolveFlag', () => {
  it('keeps the stay: clears the flag, the file still holds its nights', () => {
    const kept = service.call('reservations:resolveFlag', { id: 3, flag: 'goneFromFeed', action: 'keep' });
    expect(kept.flags).toEqual([]);
    expect(kept.status).toBe('confirmed');
    expect(free('2026-08-01', '2026-08-02')).toEqual([0, 0]);
    expect(history(3).at(-1)).toEqual(['resolved', { goneFromFeed: [true, false], resolution: [null, 'keep'] }]);
    expect(harness.events).toEqual([{ event: 'reservations:changed', payload: { reservationIds: [3] } }]);
    expect(service.call('reservations:list', { needsAttention: true }).items.map((r) => r.id)).toEqual([4]);
  });

  it('cancels the stay: clears the flag, cancels the file, frees its nights, two history rows', () => {
    const cancelled = service.call('reservations:resolveFlag', { id: 3, flag: 'goneFromFeed', action: 'cancel' });
    expect([cancelled.status, cancelled.flags]).toEqual(['cancelled', []]);
    expect(free('2026-08-01', '2026-08-02')).toEqual([1, 1]);
    expect(history(3).slice(-2)).toEqual([
      ['resolved', { goneFromFeed: [true, false], resolution: [null, 'cancel'] }],
      ['cancelled', { status: ['confirmed', 'cancelled'] }],
    ]);
    expect(harness.events).toEqual([
      { event: 'reservations:changed', payload: { reservationIds: [3] } },
      { event: 'availability:changed', payload: { unitIds: [1], firstNight: '2026-08-01', lastNight: '2026-08-02' } },
    ]);
  });

  it('lets the owner keep a flagged file that is already cancelled (the flag goes, nothing else)', () => {
    const kept = service.call('reservations:resolveFlag', { id: 4, flag: 'goneFromFeed', action: 'keep' });
    expect([kept.status, kept.flags]).toEqual(['cancelled', []]);
  });

  it.each<[string, unknown, Partial<ApiErrorBody>]>([
    ['a flag the file does not carry', { id: 3, flag: 'changedByPartner', action: 'keep' }, { code: 'conflict', key: 'errors.flagNotSet', params: { flag: 'changedByPartner' }, issues: [] }],
    ['a file with no flag at all', { id: 1, flag: 'goneFromFeed', action: 'cancel' }, { code: 'conflict', key: 'errors.flagNotSet', params: { flag: 'goneFromFeed' }, issues: [] }],
    ['cancelling a file already cancelled', { id: 4, flag: 'goneFromFeed', action: 'cancel' }, { code: 'conflict', key: 'errors.alreadyClosed', params: { status: 'cancelled' }, issues: [] }],
    ['the computed overbooked flag, which is never stored', { id: 3, flag: 'overbooked', action: 'keep' }, invalid({ path: ['flag'], key: 'errors.choice' })],
    ['an unknown action', { id: 3, flag: 'goneFromFeed', action: 'delete' }, invalid({ path: ['action'], key: 'errors.choice' })],
    ['an unknown file', { id: 99, flag: 'goneFromFeed', action: 'keep' }, { code: 'not_found', key: 'errors.unknownReservation', params: { id: 99 }, issues: [] }],
    ['a missing action', { id: 3, flag: 'goneFromFeed' }, invalid({ path: ['action'], key: 'errors.choice' })],
  ])('refuses %s without writing anything', (_name, input, expected) => {
    expectRefusedWithoutWrites(harness, () => service.call('reservations:resolveFlag', input as never), expected);
  });
});

describe('reservations:exportCsv', () => {
  it('writes the French file: BOM, semicolons, decimal commas, French headers, dated in the property zone', () => {
    const before = snapshotTables(service.db);
    const { filename, content } = service.call('reservations:exportCsv', { language: 'fr' });
    expect(filename).toBe('pigeonnier-reservations-2026-05-01.csv');
    expect(content.startsWith('\ufeffDossier;N° chambre;Chambre;')).toBe(true);
    const lines = content.slice(1).split('\r\n');
    expect(lines[1]).toContain(';2026-07-10;2026-07-13;3;confirmed;2;Camille Martin;;;255,00;;');
    expect(lines.filter((l) => l !== '')).toHaveLength(5);
    expect(snapshotTables(service.db)).toEqual(before);
    expect(harness.events).toEqual([]);
  });

  it('writes the English file with commas and decimal points', () => {
    const { content } = service.call('reservations:exportCsv', { language: 'en' });
    expect(content.startsWith('\ufeffFile,Room id,Room,')).toBe(true);
    expect(content).toContain(',2026-07-10,2026-07-13,3,confirmed,2,Camille Martin,,,255.00,,');
  });

  it('refuses a language it does not speak', () => {
    expectRefusedWithoutWrites(harness, () => service.call('reservations:exportCsv', { language: 'de' } as never), invalid({ path: ['language'], key: 'errors.choice' }));
  });
});

describe('units:reorder', () => {
  beforeEach(() => {
    addUnit(service, { name: 'La Tour' });
    addUnit(service, { name: 'Le Fournil' });
    harness.events.length = 0;
  });

  it('stores the new order and announces it', () => {
    const units = service.call('units:reorder', { unitIds: [3, 1, 2] });
    expect(units.map((u) => [u.name, u.sortOrder])).toEqual([
      ['Le Fournil', 0],
      ['La Grange', 1],
      ['La Tour', 2],
    ]);
    expect(service.call('units:list').map((u) => u.id)).toEqual([3, 1, 2]);
    expect(harness.events).toEqual([{ event: 'units:changed', payload: {} }]);
  });

  it.each<[string, unknown, Partial<ApiErrorBody>]>([
    ['an unknown room', { unitIds: [3, 99, 1, 2] }, invalid({ path: ['unitIds', 1], key: 'errors.unknownUnit', params: { id: 99 } })],
    ['a room twice', { unitIds: [1, 2, 1, 3] }, invalid({ path: ['unitIds', 2], key: 'errors.duplicateUnit', params: { id: 1 } })],
    ['a room left out', { unitIds: [2, 1] }, invalid({ path: ['unitIds'], key: 'errors.unitsMissing', params: { missing: 1 } })],
    ['an empty list', { unitIds: [] }, invalid({ path: ['unitIds'], key: 'errors.required', params: { limit: 1 } })],
    ['ids given as text', { unitIds: ['1', '2', '3'] }, invalid(
      { path: ['unitIds', 0], key: 'errors.id' },
      { path: ['unitIds', 1], key: 'errors.id' },
      { path: ['unitIds', 2], key: 'errors.id' },
    )],
  ])('refuses %s without writing anything', (_name, input, expected) => {
    expectRefusedWithoutWrites(harness, () => service.call('units:reorder', input as never), expected);
  });
});

describe('demo:load', () => {
  it('fills an empty schedule with the demo guest house, announcing it after the commit', () => {
    const empty = openService();
    const loaded = empty.service.call('demo:load');
    expect(loaded).toEqual({ units: 3, reservations: 9 });
    expect(empty.service.call('property:get')?.name).toBe('La Maison des Hirondelles');
    expect(empty.service.call('feeds:list')).toHaveLength(3);
    expect(empty.events.map((e) => e.event)).toContain('property:changed');
    expect(empty.events.map((e) => e.event)).toContain('reservations:changed');
  });

  it('refuses a schedule that already holds data, writing nothing', () => {
    expectRefusedWithoutWrites(harness, () => service.call('demo:load'), { code: 'conflict', key: 'errors.dataExists', issues: [] });
  });
});
