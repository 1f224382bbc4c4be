import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, ApiEventName, ApiTransport } from '../../../shared/api';
import type { Property, Reservation, Unit } from '../../../shared/domain';
import { ApiError, type ApiErrorBody } from '../../../shared/errors';
import { coalesce } from './coalesce';

/** What the page shows, each reloaded on its own when the main process says it changed. */
export type LoadTarget = 'property' | 'units' | 'reservations';
const LOAD_TARGETS: LoadTarget[] = ['property', 'units', 'reservations'];

export interface AppState {
  property: Property | null;
  units: Unit[];
  reservations: Reservation[];
  /** How many files match; more than `reservations.length` when the list was cut at its limit. */
  reservationsTotal: number;
  /** Which targets arrived at least once: before that the page says "loading", not "empty". */
  loaded: Record<LoadTarget, boolean>;
  loading: Record<LoadTarget, boolean>;
  /** The last refusal, as the service worded it, for the error banner. */
  error: ApiErrorBody | null;
  load(target: LoadTarget): Promise<void>;
  loadAll(): Promise<void>;
  dismissError(): void;
  /** Loads everything and follows pushed events; returns the function that stops following. */
  start(): () => void;
}

export type AppStore = StoreApi<AppState>;
/** Where pushed events come from: the transport, or a fake in tests. */
export type ApiEventSource = Pick<ApiTransport, 'subscribe'>;

const RELOADS_BY_EVENT: Partial<Record<ApiEventName, LoadTarget[]>> = {
  'property:changed': ['property'],
  'units:changed': ['units'],
  'reservations:changed': ['reservations'],
};

type Fetched = Partial<Pick<AppState, 'property' | 'units' | 'reservations' | 'reservationsTotal'>>;

const FETCHERS: Record<LoadTarget, (api: Api) => Promise<Fetched>> = {
  property: async (api) => ({ property: await api['property:get']() }),
  units: async (api) => ({ units: await api['units:list']() }),
  reservations: async (api) => {
    const { items, total } = await api['reservations:list']();
    return { reservations: items, reservationsTotal: total };
  },
};

function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.body;
  // Anything else is a bug in the page, not a refusal: keep the detail for whoever debugs it.
  console.error('Pigeonnier: unexpected error', error);
  return { code: 'internal', key: 'errors.internal', issues: [] };
}

export function createAppStore(api: Api, events: ApiEventSource): AppStore {
  return createStore<AppState>()((set, get) => {
    /** Which load failed last, so its own later success clears the banner and no other does. */
    let failedTarget: LoadTarget | null = null;

    const loaders = Object.fromEntries(
      LOAD_TARGETS.map((target) => [target, coalesce(() => fetchInto(target))]),
    ) as Record<LoadTarget, () => Promise<void>>;

    async function fetchInto(target: LoadTarget): Promise<void> {
      set((state) => ({ loading: { ...state.loading, [target]: true } }));
      try {
        const fetched = await FETCHERS[target](api);
        const clearsError = failedTarget === target;
        if (clearsError) failedTarget = null;
        set((state) => ({
          ...fetched,
          loaded: { ...state.loaded, [target]: true },
          ...(clearsError ? { error: null } : {}),
        }));
      } catch (error) {
        failedTarget = target;
        set({ error: errorBody(error) });
      } finally {
        set((state) => ({ loading: { ...state.loading, [target]: false } }));
      }
    }

    return {
      property: null,
      units: [],
      reservations: [],
      reservationsTotal: 0,
      loaded: { property: false, units: false, reservations: false },
      loading: { property: false, units: false, reservations: false },
      error: null,
      load: (target) => loaders[target](),
      loadAll: async () => {
        await Promise.all(LOAD_TARGETS.map((target) => loaders[target]()));
      },
      dismissError: () => {
        failedTarget = null;
        set({ error: null });
      },
      start: () => {
        // Listen first: a change made between the first read and the subscription would be lost.
        const stop = events.subscribe((message) => {
          for (const target of RELOADS_BY_EVENT[message.event] ?? []) void get().load(target);
        });
        void get().loadAll();
        return stop;
      },
    };
  });
}
