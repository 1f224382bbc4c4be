/**
 * The guest house every fault case starts from, on a real SQLite file with the real sync loop
 * and a hand-moved clock: three rooms; Airbnb for two of them and the Gîtes de France centre
 * (Feratel Deskline, which never sends cancellations) for the third, each room's calendar
 * served by its own partner on 127.0.0.1; and the files an owner has by then — bookings and
 * blocks from the partners (after a first good round), direct bookings (one on request), the
 * owner's notes and amount on a partner's file, a closed night and a rate override.
 */
import { afterEach } from 'vitest';
import type { Reservation } from '../../shared/domain';
import { insertConnection, insertFeed } from '../../main/db/channels';
import { createService, type Service } from '../../main/service';
import type { FetchOptions } from '../../main/sync/fetchFeed';
import { createSyncLoop, type SyncLoop } from '../../main/sync/syncLoop';
import { FakeClock } from '../helpers/fakeClock';
import { calendar } from '../helpers/feedImport';
import { ics, PARTNER_CA, startPartner, type Partner } from '../helpers/partnerServer';
import { useTempDirs } from '../helpers/tempDir';

export interface Stay {
  uid: string;
  arrival: string;
  departure: string;
  /** A partner's "Not available" rather than a guest's stay. */
  block?: true;
}

/** One version of a partner's calendar: its stays, and the bytes served. */
export interface PartnerCalendar {
  stays: Stay[];
  body: string;
}

export function partnerCalendar(stays: Stay[]): PartnerCalendar {
  return { stays, body: calendar(stays.map((s) => [s.uid, s.arrival, s.departure, s.block ? 'Airbnb (Not available)' : 'Reserved'])) };
}

export type RoomName = 'grange' | 'fournil' | 'bergerie';
export const ROOMS: RoomName[] = ['grange', 'fournil', 'bergerie'];

/** The partners' calendars, version by version (all in the future of the clock's 1 July 2026). */
export const CALENDARS = {
  grange: {
    v1: partnerCalendar([
      { uid: 'g-1@airbnb.com', arrival: '2026-08-03', departure: '2026-08-06' },
      { uid: 'g-2@airbnb.com', arrival: '2026-08-10', departure: '2026-08-14' },
      { uid: 'g-3@airbnb.com', arrival: '2026-08-18', departure: '2026-08-22' },
      { uid: 'g-4@airbnb.com', arrival: '2026-09-01', departure: '2026-09-05', block: true },
    ]),
    // g-2 moved a night later, g-3 removed (Airbnb sends cancellations), g-5 new.
    v2: partnerCalendar([
      { uid: 'g-1@airbnb.com', arrival: '2026-08-03', departure: '2026-08-06' },
      { uid: 'g-2@airbnb.com', arrival: '2026-08-11', departure: '2026-08-15' },
      { uid: 'g-4@airbnb.com', arrival: '2026-09-01', departure: '2026-09-05', block: true },
      { uid: 'g-5@airbnb.com', arrival: '2026-09-14', departure: '2026-09-17' },
    ]),
    // g-3 back (the same file holds again), g-2 back to its first nights.
    v3: partnerCalendar([
      { uid: 'g-1@airbnb.com', arrival: '2026-08-03', departure: '2026-08-06' },
      { uid: 'g-2@airbnb.com', arrival: '2026-08-10', departure: '2026-08-14' },
      { uid: 'g-3@airbnb.com', arrival: '2026-08-18', departure: '2026-08-22' },
      { uid: 'g-4@airbnb.com', arrival: '2026-09-01', departure: '2026-09-05', block: true },
      { uid: 'g-5@airbnb.com', arrival: '2026-09-14', departure: '2026-09-17' },
    ]),
  },
  fournil: {
    v1: partnerCalendar([
      { uid: 'f-1@airbnb.com', arrival: '2026-08-05', departure: '2026-08-08' },
      { uid: 'f-2@airbnb.com', arrival: '2026-08-15', departure: '2026-08-17', block: true },
    ]),
    v2: partnerCalendar([
      { uid: 'f-1@airbnb.com', arrival: '2026-08-05', departure: '2026-08-08' },
      { uid: 'f-2@airbnb.com', arrival: '2026-08-15', departure: '2026-08-17', block: true },
      { uid: 'f-3@airbnb.com', arrival: '2026-08-28', departure: '2026-08-31' },
    ]),
  },
  bergerie: {
    v1: partnerCalendar([
      { uid: 'b-1@deskline.net', arrival: '2026-08-07', departure: '2026-08-14' },
      { uid: 'b-2@deskline.net', arrival: '2026-08-21', departure: '2026-08-28' },
    ]),
    // b-2 gone (Deskline sends no cancellation: the file keeps its nights, flagged), b-3 new.
    v2: partnerCalendar([
      { uid: 'b-1@deskline.net', arrival: '2026-08-07', departure: '2026-08-14' },
      { uid: 'b-3@deskline.net', arrival: '2026-09-10', departure: '2026-09-14' },
    ]),
  },
} as const;

/** Short timeouts, so a hanging partner costs a second, not a minute. */
export const CAMPAIGN_FETCH: Partial<FetchOptions> = { connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000, deadlineMs: 3000, ca: PARTNER_CA };

export interface Room {
  name: RoomName;
  unitId: number;
  connectionId: number;
  feedId: number;
  partner: Partner;
}

export interface Property {
  service: Service;
  dataDir: string;
  clock: FakeClock;
  loop: SyncLoop;
  rooms: Record<RoomName, Room>;
  connections: { airbnb: number; deskline: number };
  /** The direct bookings, by room. */
  direct: Record<RoomName, Reservation>;
  /** Airbnb's g-2 (which the partner moves in v2), completed by the owner: guest, notes, amount. */
  annotated: Reservation;
  /** The read runs recorded for a feed so far. */
  runsOf(room: RoomName): number;
  /** Moves the clock to the loop's next timer and waits for the reads it starts. */
  nextTimer(): Promise<void>;
  /** Moves the clock timer by timer until the room's feed has been read once more. */
  untilRead(room: RoomName): Promise<void>;
  /** Moves the clock timer by timer until a held request has come in (without waiting for it to end). */
  untilArrived(arrived: Promise<void>): Promise<void>;
}

const MAX_WAIT_MS = 24 * 3600_000;
const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface PropertyOptions {
  fetch?: Partial<FetchOptions>;
  /** The Grange's partner serves https (the fetcher trusts the test certificate). */
  secureGrange?: boolean;
}

export async function openProperty(options: PropertyOptions = {}): Promise<Property> {
  const dataDir = tempDir();
  const clock = new FakeClock();
  const service = createService({ dataDir, now: () => clock.now() });
  cleanups.push(async () => service.close());

  const unit = (name: string) => service.call('units:create', { name, capacity: 4, baseRateCents: 9000 }).id;
  const units = { grange: unit('La Grange'), fournil: unit('Le Fournil'), bergerie: unit('La Bergerie') };
  const connection = (channel: 'airbnb' | 'feratel_deskline', name: string, sendsCancellations: boolean) =>
    insertConnection(service.db, { channel, name, kind: 'ical', status: 'active', sendsCancellations, commissionBasisPoints: null }, clock.now()).id;
  const connections = { airbnb: connection('airbnb', 'Airbnb', true), deskline: connection('feratel_deskline', 'Gîtes de France', false) };

  const rooms = {} as Record<RoomName, Room>;
  for (const name of ROOMS) {
    const partner = await startPartner({ tls: name === 'grange' && options.secureGrange });
    partner.serve(ics(CALENDARS[name].v1.body));
    const connectionId = name === 'bergerie' ? connections.deskline : connections.airbnb;
    const feed = insertFeed(service.db, { connectionId, unitId: units[name], importUrl: partner.url(), importEnabled: true, exportEnabled: true, exportToken: `token-${name}` });
    rooms[name] = { name, unitId: units[name], connectionId, feedId: feed.id, partner };
  }

  // Jitter fixed at the middle: every read is due exactly at the interval (10 min), backoff 1.05 × its step.
  const loop = createSyncLoop(service, { clock, random: () => 0.5, fetch: { ...CAMPAIGN_FETCH, ...options.fetch } });
  cleanups.push(() => loop.close());
  loop.start();
  await loop.idle();

  const direct = {
    grange: service.call('reservations:create', { unitId: units.grange, arrival: '2026-08-25', departure: '2026-08-28', guests: 2, guestName: 'Camille Martin', amountCents: 45_000 }).reservation,
    fournil: service.call('reservations:create', { unitId: units.fournil, arrival: '2026-08-20', departure: '2026-08-24', guests: 3, guestName: 'Hugo Bernard', email: 'hugo@example.fr' }).reservation,
    bergerie: service.call('reservations:create', { unitId: units.bergerie, arrival: '2026-09-01', departure: '2026-09-04', guests: 2, guestName: 'Léa Petit', status: 'pending' }).reservation,
  };
  service.call('overrides:set', { unitIds: [units.fournil], firstNight: '2026-09-10', lastNight: '2026-09-12', changes: { closed: true } });
  service.call('overrides:set', { unitIds: [units.grange], firstNight: '2026-08-15', lastNight: '2026-08-15', changes: { rateCents: 12_000 } });
  const g2 = service.call('reservations:list', {}).items.find((r) => r.unitId === units.grange && r.arrival === '2026-08-10')!;
  // Airbnb's calendar names no guest: the owner completes the file from Airbnb's messages.
  const annotated = service.call('reservations:update', { id: g2.id, changes: { guests: 2, guestName: 'Julie Roux', notes: 'Arrivée tardive, clé sous le pot', amountCents: 52_000 } }).reservation;

  const runsOf = (room: RoomName) => service.db.prepare('SELECT count(*) FROM sync_runs WHERE feed_id = ?').pluck().get(rooms[room].feedId) as number;
  // The loop's timers include others than the calendars' (the API channels' checks, every half
  // minute): the clock moves one timer at a time, with a bound in simulated time, not in timers.
  const advanceToNextTimer = () => {
    const [wait] = clock.pendingDelays();
    if (wait === undefined) throw new Error('the sync loop has nothing planned');
    clock.advance(wait);
  };
  const within = (started: number, what: string) => {
    if (clock.now().getTime() - started > MAX_WAIT_MS) throw new Error(`${what} within a simulated day`);
  };
  const nextTimer = async () => {
    advanceToNextTimer();
    await loop.idle();
  };
  return {
    service,
    dataDir,
    clock,
    loop,
    rooms,
    connections,
    direct,
    annotated,
    runsOf,
    nextTimer,
    async untilRead(room) {
      const [before, started] = [runsOf(room), clock.now().getTime()];
      while (runsOf(room) === before) {
        within(started, `${room} was not read`);
        await nextTimer();
      }
    },
    async untilArrived(arrived) {
      let came = false;
      void arrived.then(() => (came = true));
      const started = clock.now().getTime();
      while (!came) {
        within(started, 'no request came');
        advanceToNextTimer();
        await Promise.race([arrived, loop.idle()]);
      }
    },
  };
}
