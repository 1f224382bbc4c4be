/**
 * A fake backend for the page, typed from the contract (the Actual Budget way): a test gives
 * the calls it needs; any other call fails loudly instead of returning something made up.
 */
import { vi } from 'vitest';
import {
  API_CALL_NAMES,
  type Api,
  type ApiEventListener,
  type ApiEventName,
  type ApiEvents,
} from '../../shared/api';
import type { Property, Reservation, Unit } from '../../shared/domain';
import type { SyncStatus } from '../../shared/sync';
import { availabilityOf, listOf, type FakeSchedule } from './fakeSchedule';

export function fakeApi(calls: Partial<Api>): Api {
  const api: Record<string, unknown> = {};
  for (const name of API_CALL_NAMES) {
    api[name] = vi.fn(calls[name] ?? (() => Promise.reject(new Error(`${name} is not faked in this test`))));
  }
  return api as Api;
}

/** Stands in for the transport's pushed events. */
export function fakeEvents() {
  const listeners = new Set<ApiEventListener>();
  return {
    subscribe(listener: ApiEventListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]) {
      for (const listener of listeners) listener({ event, payload });
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}

const STAMP = '2026-03-01T10:00:00.000Z';

export const gite: Property = {
  name: 'Le Pigeonnier de Sarlat',
  type: 'chambre_hotes',
  addressLine: '4 chemin des Combes',
  postalCode: '24200',
  city: 'Sarlat-la-Canéda',
  region: 'Nouvelle-Aquitaine',
  country: 'FR',
  timeZone: 'Europe/Paris',
  termsOfSale: '',
  updatedAt: STAMP,
};

export function unit(fields: Partial<Unit> & Pick<Unit, 'id' | 'name'>): Unit {
  return { capacity: 2, stock: 1, baseRateCents: 8500, minStay: 1, sortOrder: fields.id, createdAt: STAMP, updatedAt: STAMP, ...fields };
}

export function reservation(fields: Partial<Reservation> & Pick<Reservation, 'id' | 'unitId'>): Reservation {
  return {
    sourceConnectionId: null,
    partnerReference: null,
    kind: 'booking',
    status: 'confirmed',
    arrival: '2026-07-10',
    departure: '2026-07-14',
    guests: 2,
    guestName: 'Camille Martin',
    email: null,
    phone: null,
    address: null,
    amountCents: 34000,
    commissionCents: null,
    payoutDate: null,
    notes: '',
    rawText: null,
    flags: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields,
  };
}

/** Intl separates thousands and the euro sign with (narrow) no-break spaces; tests compare plain ones. */
export function plainSpaces(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/** The sync loop in step, with no connection yet. */
export const IN_STEP: SyncStatus = { overall: 'inStep', paused: false, lastRoundAt: null, connections: [] };

/**
 * The calls every view makes in the background (property, rooms, files, availability, alerts,
 * sync status, links), answered from one schedule; a test passes what it looks at closely.
 */
export function pageApi(schedule: Partial<FakeSchedule> & { property?: Property | null } = {}, calls: Partial<Api> = {}): Api {
  const state: FakeSchedule = { units: schedule.units ?? [unit({ id: 1, name: 'Chambre Tilleul' })], stays: schedule.stays ?? [], overrides: schedule.overrides ?? [] };
  return fakeApi({
    'property:get': async () => (schedule.property === undefined ? gite : schedule.property),
    'units:list': async () => state.units,
    'reservations:list': async (input) => listOf(state.stays, input),
    'availability:get': async (input) => availabilityOf(state, input),
    'overrides:list': async () => [],
    'alerts:list': async () => [],
    'sync:status': async () => IN_STEP,
    'settings:getSync': async () => ({ intervalMinutes: 10, paused: false }),
    'feeds:list': async () => [],
    'connections:list': async () => [],
    'settings:getFeedServer': async () => ({ host: '127.0.0.1', port: 4780, publicBaseUrl: null, linkBase: 'http://127.0.0.1:4780', linksLocalOnly: true }),
    // The channels page's Alma Heritage block: eligible, not opened.
    'alma:eligibility': async () => ({ eligible: true, reasons: [] }),
    'alma:get': async () => null,
    ...calls,
  });
}

