/**
 * The planning grid's data: availability of every room night by night, and the files holding
 * them, over a fixed two-year window that starts the month before today. Data arrives a few
 * months at a time as the owner scrolls (a month is the unit of loading), and what is loaded
 * is read again when the main process says it changed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../shared/api';
import type { NightAvailability, Reservation } from '../../../shared/domain';
import { addDays, addMonths, compareNights, daysBetween, firstOfMonth, lastOfMonth, type Night } from '../../../shared/nights';
import type { ApiEventSource, AppStore } from './appStore';
import { coalesce } from './coalesce';
import { isEvent, isResync } from './events';

/** The month before today's, today's, and 23 more: two years ahead of the owner. */
export const GRID_MONTHS = 25;
/** Loaded around what is visible, so a scroll rarely shows an empty cell. */
const MARGIN_BEFORE_DAYS = 14;
const MARGIN_AFTER_DAYS = 45;
const LIST_LIMIT = 5000;

export interface ScheduleState {
  /** The first night of the grid (column 0). */
  firstNight: Night;
  days: number;
  /** unitId → the nights of the grid by column; undefined where not loaded yet. */
  nights: Record<number, (NightAvailability | undefined)[]>;
  /** Files holding stock (pending, confirmed, blocks) over the loaded months, by id. */
  stays: Record<number, Reservation>;
  /** 'YYYY-MM' → loaded or loading. */
  months: Record<string, 'loading' | 'loaded'>;
  /** Asks for the nights of these columns (and a margin around them) to be loaded. */
  show(firstColumn: number, lastColumn: number): void;
  /** Reads again the loaded months that overlap this range (after an edit of our own). */
  refreshRange(firstNight: Night, lastNight: Night): Promise<void>;
  night(column: number): Night;
  column(night: Night): number;
  start(): () => void;
}

export type ScheduleStore = StoreApi<ScheduleState>;

function windowFor(today: Night): { firstNight: Night; days: number } {
  const firstNight = firstOfMonth(addMonths(today, -1));
  return { firstNight, days: daysBetween(firstNight, firstOfMonth(addMonths(firstNight, GRID_MONTHS))) };
}

const monthKey = (night: Night) => night.slice(0, 7);

/** Consecutive months as [first night, last night] runs, so each run is one request. */
function monthRuns(keys: string[]): [Night, Night][] {
  const runs: [Night, Night][] = [];
  for (const key of [...keys].sort()) {
    const first = `${key}-01`;
    const last = runs[runs.length - 1];
    if (last && addDays(last[1], 1) === first) last[1] = lastOfMonth(first);
    else runs.push([first, lastOfMonth(first)]);
  }
  return runs;
}

const overlaps = (stay: Reservation, first: Night, last: Night) => stay.arrival <= last && stay.departure > first;

export function createScheduleStore(api: Api, events: ApiEventSource, app: AppStore): ScheduleStore {
  return createStore<ScheduleState>()((set, get) => {
    let generation = 0;

    function clamp(first: Night, last: Night): [Night, Night] | null {
      const { firstNight: start, days } = get();
      const end = addDays(start, days - 1);
      const from = compareNights(first, start) < 0 ? start : first;
      const to = compareNights(last, end) > 0 ? end : last;
      return compareNights(from, to) <= 0 ? [from, to] : null;
    }

    async function fetchRun(first: Night, last: Night, what: { nights: boolean; stays: boolean }): Promise<void> {
      const asked = generation;
      try {
        const [availability, list] = await Promise.all([
          what.nights ? api['availability:get']({ firstNight: first, lastNight: last }) : null,
          what.stays ? api['reservations:list']({ firstNight: first, lastNight: last, statuses: ['pending', 'confirmed'], limit: LIST_LIMIT }) : null,
        ]);
        if (asked !== generation) return; // the window moved meanwhile: these nights are not ours any more
        set((state) => {
          const next: Partial<ScheduleState> = {};
          if (availability) {
            const offset = daysBetween(state.firstNight, first);
            const nights = { ...state.nights };
            for (const unit of availability) {
              const row = (nights[unit.unitId] ?? new Array<NightAvailability | undefined>(state.days)).slice();
              unit.nights.forEach((n, i) => (row[offset + i] = n));
              nights[unit.unitId] = row;
            }
            next.nights = nights;
          }
          if (list) {
            const stays: Record<number, Reservation> = {};
            for (const stay of Object.values(state.stays)) if (!overlaps(stay, first, last)) stays[stay.id] = stay;
            for (const stay of list.items) stays[stay.id] = stay;
            next.stays = stays;
          }
          return next;
        });
      } catch (error) {
        app.getState().report(error);
        throw error;
      }
    }

    async function load(keys: string[]): Promise<void> {
      if (keys.length === 0) return;
      set((state) => ({ months: { ...state.months, ...Object.fromEntries(keys.map((k) => [k, 'loading' as const])) } }));
      const asked = generation;
      await Promise.all(
        monthRuns(keys).map(async ([first, last]) => {
          const runKeys = keys.filter((k) => k >= monthKey(first) && k <= monthKey(last));
          try {
            await fetchRun(first, last, { nights: true, stays: true });
            if (asked === generation) set((state) => ({ months: { ...state.months, ...Object.fromEntries(runKeys.map((k) => [k, 'loaded' as const])) } }));
          } catch {
            // Forget these months, so the next scroll asks again.
            if (asked === generation) set((state) => ({ months: Object.fromEntries(Object.entries(state.months).filter(([k]) => !runKeys.includes(k))) }));
          }
        }),
      );
    }

    const loadedKeys = () => Object.keys(get().months);

    /** Everything loaded, read again: after a room changed (stock, rate) or a burst of changes. */
    const reloadAll = coalesce(async () => {
      await Promise.all(monthRuns(loadedKeys()).map(([f, l]) => fetchRun(f, l, { nights: true, stays: true }).catch(() => undefined)));
    });

    const reloadStays = coalesce(async () => {
      await Promise.all(monthRuns(loadedKeys()).map(([f, l]) => fetchRun(f, l, { nights: false, stays: true }).catch(() => undefined)));
    });

    async function refreshNights(first: Night, last: Night): Promise<void> {
      const keys = loadedKeys().filter((k) => k >= monthKey(first) && k <= monthKey(last));
      await Promise.all(monthRuns(keys).map(([f, l]) => fetchRun(f, l, { nights: true, stays: false }).catch(() => undefined)));
    }

    function moveWindow(today: Night): void {
      const next = windowFor(today);
      if (next.firstNight === get().firstNight && next.days === get().days) return;
      generation++;
      set({ ...next, nights: {}, stays: {}, months: {} });
    }

    return {
      ...windowFor(app.getState().today),
      nights: {},
      stays: {},
      months: {},
      show(firstColumn, lastColumn) {
        const { firstNight: start, days, months } = get();
        const missing = (from: number, to: number) => {
          const first = addDays(start, Math.max(0, from));
          const last = addDays(start, Math.min(days - 1, to));
          const keys: string[] = [];
          for (let month = firstOfMonth(first); compareNights(month, last) <= 0; month = addMonths(month, 1)) {
            if (!months[monthKey(month)]) keys.push(monthKey(month));
          }
          return keys;
        };
        // What is in view first, so it is drawn soonest; then the months around it, ahead of the scroll.
        const inView = missing(firstColumn, lastColumn);
        void load(inView);
        void load(missing(firstColumn - MARGIN_BEFORE_DAYS, lastColumn + MARGIN_AFTER_DAYS).filter((key) => !inView.includes(key)));
      },
      async refreshRange(firstNight, lastNight) {
        const range = clamp(firstNight, lastNight);
        if (range) await Promise.all([refreshNights(range[0], range[1]), reloadStays()]);
      },
      night: (column) => addDays(get().firstNight, column),
      column: (night) => daysBetween(get().firstNight, night),
      start() {
        const stopEvents = events.subscribe((message) => {
          if (message.event === 'reservations:changed') void reloadStays();
          else if (isEvent(message, 'availability:changed')) {
            const range = clamp(message.payload.firstNight, message.payload.lastNight);
            if (range) void refreshNights(range[0], range[1]);
          } else if (message.event === 'units:changed' || isResync(message)) void reloadAll();
        });
        const stopToday = app.subscribe((state, previous) => {
          if (state.today !== previous.today) moveWindow(state.today);
        });
        return () => {
          stopEvents();
          stopToday();
        };
      },
    };
  });
}
