import { beforeEach, describe, expect, it } from 'vitest';
import type { Reservation } from '../../../shared/domain';
import { insertConnection } from '../../../main/db/channels';
import { setFlag } from '../../../main/db/reservations';
import { partnerStay } from '../../helpers/feeds';
import type { Service } from '../../../main/service';
import { addUnit, book, openService } from '../../helpers/service';

/**
 * One schedule with files of every sort; each test filters it one way.
 *   grange: #1 Martin 07-10→07-13 confirmed, #2 Dupont 07-13→07-15 pending, #3 Bernard 07-20→07-25 cancelled
 *   tour:   #4 Leroy 07-12→07-14 confirmed (notes "100% paid"), #5 from Airbnb 08-01→08-05 confirmed
 */
let service: Service;
let grange: number;
let tour: number;
let airbnb: number;

const ids = (result: { items: Reservation[] }) => result.items.map((r) => r.id);
const list = (input?: Parameters<Service['call']>[1]) => service.call('reservations:list', input);

beforeEach(() => {
  ({ service } = openService());
  grange = addUnit(service, { name: 'La Grange' }).id;
  tour = addUnit(service, { name: 'La Tour' }).id;
  book(service, { unitId: grange, arrival: '2026-07-10', departure: '2026-07-13', guestName: 'Camille Martin', email: 'camille@example.fr' });
  book(service, { unitId: grange, arrival: '2026-07-13', departure: '2026-07-15', guestName: 'Jean Dupont', phone: '06 11 22 33 44', status: 'pending' });
  const bernard = book(service, { unitId: grange, arrival: '2026-07-20', departure: '2026-07-25', guestName: 'Lucie Bernard', notes: 'Chien_accepté' });
  service.call('reservations:cancel', { id: bernard.id });
  book(service, { unitId: tour, arrival: '2026-07-12', departure: '2026-07-14', guestName: 'Paul Leroy', notes: '100% paid' });
  // A file that came from a channel: the service has no call for that yet, so the sync's repository writes it.
  airbnb = insertConnection(
    service.db,
    { channel: 'airbnb', name: 'Airbnb', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: 300 },
    new Date(),
  ).id;
  partnerStay(service.db, {
    unitId: tour,
    sourceConnectionId: airbnb,
    partnerReference: 'HMABCDEF',
    externalId: 'uid-1@airbnb.com',
    kind: 'block',
    arrival: '2026-08-01',
    departure: '2026-08-05',
    rawText: 'SUMMARY:Reserved',
  });
});

describe('reservations:list', () => {
  it('lists every file, cancelled ones included, by arrival, with the total', () => {
    const result = list();
    expect(ids(result)).toEqual([1, 4, 2, 3, 5]);
    expect(result.total).toBe(5);
  });

  it('filters by status', () => {
    expect(ids(list({ statuses: ['cancelled'] }))).toEqual([3]);
    expect(ids(list({ statuses: ['pending', 'confirmed'] }))).toEqual([1, 4, 2, 5]);
    expect(ids(list({ statuses: ['refused'] }))).toEqual([]);
  });

  it('filters the owner’s direct bookings with source "direct", and a channel’s by its connection id', () => {
    expect(ids(list({ source: 'direct' }))).toEqual([1, 4, 2, 3]);
    expect(ids(list({ source: airbnb }))).toEqual([5]);
  });

  it('filters by unit', () => {
    expect(ids(list({ unitId: tour }))).toEqual([4, 5]);
    expect(ids(list({ unitId: grange }))).toEqual([1, 2, 3]);
  });

  it('keeps the stays that overlap the period, counting a departure day as not overlapping', () => {
    // #1 leaves on the 13th: its last night is the 12th.
    expect(ids(list({ firstNight: '2026-07-13', lastNight: '2026-07-13' }))).toEqual([4, 2]);
    // #2 arrives on the 13th: the period's last night.
    expect(ids(list({ firstNight: '2026-07-01', lastNight: '2026-07-13' }))).toEqual([1, 4, 2]);
    expect(ids(list({ firstNight: '2026-07-25', lastNight: '2026-07-31' }))).toEqual([]);
    expect(ids(list({ firstNight: '2026-07-24' }))).toEqual([3, 5]);
    expect(ids(list({ lastNight: '2026-07-11' }))).toEqual([1]);
  });

  it('searches the guest’s name, e-mail, phone, notes and the partner’s reference, ignoring case', () => {
    expect(ids(list({ search: 'martin' }))).toEqual([1]);
    expect(ids(list({ search: 'CAMILLE@' }))).toEqual([1]);
    expect(ids(list({ search: '22 33' }))).toEqual([2]);
    expect(ids(list({ search: 'hmabc' }))).toEqual([5]);
    expect(ids(list({ search: 'paid' }))).toEqual([4]);
  });

  it('searches without minding accents or case, as French names need', () => {
    service.call('reservations:update', { id: 1, changes: { guestName: 'Hélène Lefèvre' } });
    expect(ids(list({ search: 'helene' }))).toEqual([1]);
    expect(ids(list({ search: 'LEFEVRE' }))).toEqual([1]);
    expect(ids(list({ search: 'Élène' }))).toEqual([1]);
    expect(ids(list({ search: 'helena' }))).toEqual([]);
  });

  it('searches "%" and "_" literally, not as wildcards', () => {
    expect(ids(list({ search: '%' }))).toEqual([4]);
    expect(ids(list({ search: '0%' }))).toEqual([4]);
    expect(ids(list({ search: '_' }))).toEqual([3]);
    expect(ids(list({ search: 'n_a' }))).toEqual([3]);
    expect(ids(list({ search: 'Camil_e' }))).toEqual([]);
  });

  it('treats a search of only spaces as no search', () => {
    expect(list({ search: '   ' }).total).toBe(5);
  });

  it('combines filters', () => {
    expect(ids(list({ unitId: grange, statuses: ['confirmed', 'pending'], firstNight: '2026-07-12', lastNight: '2026-07-31' }))).toEqual([1, 2]);
  });

  it('finds the files that need attention: overbooked (computed) or flagged (stored)', () => {
    book(service, { unitId: tour, arrival: '2026-07-13', departure: '2026-07-14', guestName: 'Zoé Petit', allowOverbooking: true });
    setFlag(service.db, 5, 'goneFromFeed', true, new Date());
    const attention = list({ needsAttention: true });
    expect(ids(attention)).toEqual([4, 6, 5]);
    expect(attention.items.map((r) => r.flags)).toEqual([['overbooked'], ['overbooked'], ['goneFromFeed']]);
    expect(ids(list({ needsAttention: false }))).toEqual([1, 2, 3]);
  });

  it('pages with limit and offset, the total counting every match', () => {
    const page = list({ limit: 2, offset: 1 });
    expect(ids(page)).toEqual([4, 2]);
    expect(page.total).toBe(5);
    expect(ids(list({ limit: 2, offset: 4 }))).toEqual([5]);
    expect(list({ offset: 10 }).items).toEqual([]);
  });
});
