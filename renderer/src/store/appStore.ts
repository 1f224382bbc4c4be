import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, ApiEventName, ApiTransport } from '../../../shared/api';
import { DEFAULT_TIME_ZONE, type Property, type Unit } from '../../../shared/domain';
import type { ApiErrorBody } from '../../../shared/errors';
import { nightAt, type Night } from '../../../shared/nights';
import { coalesce } from './coalesce';
import { errorBody } from './errors';

/** What every view needs, each reloaded on its own when the main process says it changed. */
export type LoadTarget = 'property' | 'units';
const LOAD_TARGETS: LoadTarget[] = ['property', 'units'];

/** How often "today" is read again, so the planning moves on at midnight in the property's zone. */
const TODAY_CHECK_MS = 60_000;

export interface AppState {
  property: Property | null;
  units: Unit[];
  /** Today in the property's time zone (DESIGN §3), whatever zone the machine is set to. */
  today: Night;
  /** Which targets arrived at least once: before that the page says "loading", not "empty". */
  loaded: Record<LoadTarget, boolean>;
  loading: Record<LoadTarget, boolean>;
  /** The last refusal of a background read or action, as the service worded it, for the error banner. */
  error: ApiErrorBody | null;
  load(target: LoadTarget): Promise<void>;
  loadAll(): Promise<void>;
  /** Shows a refusal in the banner (for stores whose failures have no form to show them in). */
  report(error: unknown): void;
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
  'app:resync': ['property', 'units'],
};

type Fetched = Partial<Pick<AppState, 'property' | 'units'>>;

const FETCHERS: Record<LoadTarget, (api: Api) => Promise<Fetched>> = {
  property: async (api) => ({ property: await api['property:get']() }),
  units: async (api) => ({ units: await api['units:list']() }),
};

export function createAppStore(api: Api, events: ApiEventSource, now: () => Date = () => new Date()): AppStore {
  return createStore<AppState>()((set, get) => {
    /** Which load failed last, so its own later success clears the banner and no other does. */
    let failedTarget: LoadTarget | null = null;

    const loaders = Object.fromEntries(
      LOAD_TARGETS.map((target) => [target, coalesce(() => fetchInto(target))]),
    ) as Record<LoadTarget, () => Promise<void>>;

    const todayFor = (property: Property | null) => nightAt(now(), property?.timeZone ?? DEFAULT_TIME_ZONE);

    function refreshToday(): void {
      const today = todayFor(get().property);
      if (today !== get().today) set({ today });
    }

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
        if (target === 'property') refreshToday();
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
      today: todayFor(null),
      loaded: { property: false, units: false },
      loading: { property: false, units: false },
      error: null,
      load: (target) => loaders[target](),
      loadAll: async () => {
        await Promise.all(LOAD_TARGETS.map((target) => loaders[target]()));
      },
      report: (error) => set({ error: errorBody(error) }),
      dismissError: () => {
        failedTarget = null;
        set({ error: null });
      },
      start: () => {
        // Listen first: a change made between the first read and the subscription would be lost.
        const stop = events.subscribe((message) => {
          for (const target of RELOADS_BY_EVENT[message.event] ?? []) void get().load(target);
        });
        const timer = setInterval(refreshToday, TODAY_CHECK_MS);
        void get().loadAll();
        return () => {
          clearInterval(timer);
          stop();
        };
      },
    };
  });
}
