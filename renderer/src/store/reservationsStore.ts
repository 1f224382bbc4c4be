/**
 * The list of reservation files with its filters (search, status, source, period, needs
 * attention), read again whenever a file changes, and the accountant's CSV export.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, ApiInput } from '../../../shared/api';
import type { Reservation, ReservationStatus } from '../../../shared/domain';
import type { Language } from '../../../shared/i18n';
import type { ApiEventSource, AppStore } from './appStore';
import { coalesce } from './coalesce';
import { isResync } from './events';

export interface ReservationFilters {
  search: string;
  /** Empty: every status. */
  statuses: ReservationStatus[];
  source: 'all' | 'direct' | number;
  /** Stays overlapping this period; '' leaves that end open. */
  firstNight: string;
  lastNight: string;
  needsAttention: boolean;
}

export type SaveFile = (filename: string, content: string, type: string) => void;

const LIST_LIMIT = 500;
const SEARCH_DELAY_MS = 250;

export interface ReservationsState {
  filters: ReservationFilters;
  items: Reservation[];
  total: number;
  loaded: boolean;
  exporting: boolean;
  /** Loads the list the first time the page is shown (the planning does not need it). */
  ensureLoaded(): void;
  setFilters(changes: Partial<ReservationFilters>): void;
  /** Every file, whatever its period or status. */
  showAll(): void;
  exportCsv(language: Language): Promise<void>;
  start(): () => void;
}

export type ReservationsStore = StoreApi<ReservationsState>;

export function listInput(filters: ReservationFilters): ApiInput<'reservations:list'> {
  const search = filters.search.trim();
  return {
    limit: LIST_LIMIT,
    ...(search ? { search } : {}),
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
    ...(filters.source !== 'all' ? { source: filters.source } : {}),
    ...(filters.firstNight ? { firstNight: filters.firstNight } : {}),
    ...(filters.lastNight ? { lastNight: filters.lastNight } : {}),
    ...(filters.needsAttention ? { needsAttention: true } : {}),
  };
}

export function createReservationsStore(api: Api, events: ApiEventSource, app: AppStore, saveFile: SaveFile): ReservationsStore {
  return createStore<ReservationsState>()((set, get) => {
    let wanted = false;
    let searchTimer: ReturnType<typeof setTimeout> | undefined;

    const load = coalesce(async () => {
      try {
        const { items, total } = await api['reservations:list'](listInput(get().filters));
        set({ items, total, loaded: true });
      } catch (error) {
        app.getState().report(error);
      }
    });

    return {
      // Current and coming stays by default: what the owner works on.
      filters: { search: '', statuses: [], source: 'all', firstNight: app.getState().today, lastNight: '', needsAttention: false },
      items: [],
      total: 0,
      loaded: false,
      exporting: false,
      ensureLoaded() {
        if (wanted) return;
        wanted = true;
        set((state) => ({ filters: { ...state.filters, firstNight: app.getState().today } }));
        void load();
      },
      setFilters(changes) {
        set((state) => ({ filters: { ...state.filters, ...changes } }));
        clearTimeout(searchTimer);
        // Typing waits for a pause; every other filter applies at once.
        if ('search' in changes && Object.keys(changes).length === 1) searchTimer = setTimeout(() => void load(), SEARCH_DELAY_MS);
        else void load();
      },
      showAll() {
        get().setFilters({ statuses: [], firstNight: '', lastNight: '' });
      },
      async exportCsv(language) {
        if (get().exporting) return;
        set({ exporting: true });
        try {
          const { filename, content } = await api['reservations:exportCsv']({ language });
          saveFile(filename, content, 'text/csv;charset=utf-8');
        } catch (error) {
          app.getState().report(error);
        } finally {
          set({ exporting: false });
        }
      },
      start() {
        const stop = events.subscribe((message) => {
          if (wanted && (message.event === 'reservations:changed' || isResync(message))) void load();
        });
        return () => {
          clearTimeout(searchTimer);
          stop();
        };
      },
    };
  });
}
