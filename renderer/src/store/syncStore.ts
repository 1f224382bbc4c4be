/**
 * Where the channels stand: the sync loop's status (pushed as 'sync:status' whenever it
 * changes, and 'sync:progress' during a round), the owner's sync settings, and the outgoing
 * links to copy into each partner's extranet.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../shared/api';
import type { OutgoingFeedLink } from '../../../shared/outgoingFeeds';
import type { SyncProgress, SyncSettings, SyncStatus } from '../../../shared/sync';
import type { ApiEventSource, AppStore } from './appStore';
import { coalesce } from './coalesce';
import { isUnknownCall } from './errors';
import { isEvent, isResync } from './events';

export interface SyncState {
  status: SyncStatus | null;
  /** During a round; null between rounds. */
  progress: SyncProgress | null;
  /** False when this service has no sync loop to ask (an older one): the page says so instead of failing. */
  available: boolean;
  settings: SyncSettings | null;
  links: OutgoingFeedLink[];
  loaded: boolean;
  /** A button's call in flight, so it cannot be pressed twice. */
  busy: boolean;
  load(): Promise<void>;
  syncNow(connectionId?: number): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  saveInterval(minutes: number): Promise<boolean>;
  start(): () => void;
}

export type SyncStore = StoreApi<SyncState>;

export function createSyncStore(api: Api, events: ApiEventSource, app: AppStore): SyncStore {
  return createStore<SyncState>()((set, get) => {
    async function readStatus(): Promise<void> {
      try {
        set({ status: await api['sync:status'](), available: true });
      } catch (error) {
        if (isUnknownCall(error)) set({ available: false });
        else app.getState().report(error);
      }
    }

    async function readSettings(): Promise<void> {
      try {
        set({ settings: await api['settings:getSync']() });
      } catch (error) {
        if (!isUnknownCall(error)) app.getState().report(error);
      }
    }

    const readLinks = coalesce(async () => {
      try {
        set({ links: await api['feeds:list']() });
      } catch (error) {
        app.getState().report(error);
      }
    });

    async function command(call: () => Promise<SyncStatus>): Promise<void> {
      if (get().busy) return;
      set({ busy: true });
      try {
        set({ status: await call() });
      } catch (error) {
        app.getState().report(error);
      } finally {
        set({ busy: false });
      }
    }

    return {
      status: null,
      progress: null,
      available: true,
      settings: null,
      links: [],
      loaded: false,
      busy: false,
      async load() {
        await Promise.all([readStatus(), readSettings(), readLinks()]);
        set({ loaded: true });
      },
      syncNow: (connectionId) => command(() => api['sync:now'](connectionId === undefined ? undefined : { connectionId })),
      pause: () => command(() => api['sync:pause']()),
      resume: () => command(() => api['sync:resume']()),
      async saveInterval(minutes) {
        try {
          set({ settings: await api['settings:saveSync']({ intervalMinutes: minutes }) });
          return true;
        } catch (error) {
          app.getState().report(error);
          return false;
        }
      },
      start() {
        const stop = events.subscribe((message) => {
          if (isEvent(message, 'sync:status')) {
            const status = message.payload;
            // A round that ended leaves no progress behind.
            set((state) => ({ status, available: true, progress: status.overall === 'syncing' ? state.progress : null }));
          } else if (isEvent(message, 'sync:progress')) set({ progress: message.payload });
          else if (message.event === 'feeds:changed' || message.event === 'units:changed') void readLinks();
          else if (isResync(message)) void get().load();
        });
        void get().load();
        return stop;
      },
    };
  });
}
