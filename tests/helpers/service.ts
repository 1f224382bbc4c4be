/**
 * A real service on a real database file in a fresh temp folder, with a clock the test moves by
 * hand and a record of every event it pushed. Closed after each test.
 */
import { afterEach, expect } from 'vitest';
import type { ApiEventMessage, ApiInput } from '../../shared/api';
import type { Reservation, Unit } from '../../shared/domain';
import { ApiError, type ApiErrorBody } from '../../shared/errors';
import { createService, type Service } from '../../main/service';
import { snapshotTables } from './dbSnapshot';
import { useTempDirs } from './tempDir';

export const START = '2026-05-01T10:00:00.000Z';

export interface Clock {
  (): Date;
  set(iso: string): void;
}

function makeClock(iso: string): Clock {
  let current = new Date(iso);
  const clock = (() => new Date(current.getTime())) as Clock;
  clock.set = (next) => {
    current = new Date(next);
  };
  return clock;
}

const tempDir = useTempDirs();
const open: Service[] = [];
afterEach(() => {
  for (const service of open.splice(0)) service.close();
});

export interface Harness {
  service: Service;
  dataDir: string;
  clock: Clock;
  /** Every event pushed since the service opened (or since `events.length = 0`). */
  events: ApiEventMessage[];
}

export function openService(): Harness {
  const dataDir = tempDir();
  const clock = makeClock(START);
  const service = createService({ dataDir, now: clock });
  open.push(service);
  const events: ApiEventMessage[] = [];
  service.subscribe((message) => events.push(message));
  return { service, dataDir, clock, events };
}

export function addUnit(service: Service, fields: Partial<ApiInput<'units:create'>> = {}): Unit {
  return service.call('units:create', { name: 'La Grange', capacity: 4, baseRateCents: 8500, ...fields });
}

export function book(service: Service, fields: Partial<ApiInput<'reservations:create'>> & { unitId: number }): Reservation {
  return service.call('reservations:create', {
    arrival: '2026-07-10',
    departure: '2026-07-13',
    guests: 2,
    guestName: 'Camille Martin',
    ...fields,
  }).reservation;
}

/** Runs a call that must be refused; returns the refusal's body. */
export function refusal(run: () => unknown): ApiErrorBody {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).body;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** The call is refused with exactly this body, and not one row of any table changes. */
export function expectRefusedWithoutWrites(harness: Harness, run: () => unknown, expected: Partial<ApiErrorBody>): ApiErrorBody {
  const before = snapshotTables(harness.service.db);
  const eventsBefore = harness.events.length;
  const body = refusal(run);
  expect(body).toMatchObject(expected);
  if (expected.issues) expect(body.issues).toEqual(expected.issues);
  expect(snapshotTables(harness.service.db)).toEqual(before);
  expect(harness.events.slice(eventsBefore)).toEqual([]);
  return body;
}
