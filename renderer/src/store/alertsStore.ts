/**
 * What the owner must not miss: the alerts the service raised (overbookings, cancellations, a
 * feed failing …), listed, and shown as toasts the moment one is pushed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../shared/api';
import type { Alert, AlertKind } from '../../../shared/domain';
import type { ApiEventSource, AppStore } from './appStore';
import { coalesce } from './coalesce';
import { isEvent, isResync } from './events';

/** News that needs no decision fades on its own; everything else stays until closed. */
const FADING_KINDS: AlertKind[] = ['newBooking'];
export const TOAST_FADE_MS = 10_000;

export interface AlertsState {
  /** Newest first, dismissed ones included (the list shows them apart). */
  alerts: Alert[];
  loaded: boolean;
  /** Ids of the alerts shown as toasts, oldest first. */
  toasts: number[];
  load(): Promise<void>;
  dismiss(id: number): Promise<void>;
  closeToast(id: number): void;
  start(): () => void;
}

export type AlertsStore = StoreApi<AlertsState>;

export function createAlertsStore(api: Api, events: ApiEventSource, app: AppStore): AlertsStore {
  return createStore<AlertsState>()((set, get) => {
    const timers = new Map<number, ReturnType<typeof setTimeout>>();

    const load = coalesce(async () => {
      try {
        set({ alerts: await api['alerts:list'](), loaded: true });
      } catch (error) {
        app.getState().report(error);
      }
    });

    function closeToast(id: number): void {
      clearTimeout(timers.get(id));
      timers.delete(id);
      set((state) => ({ toasts: state.toasts.filter((t) => t !== id) }));
    }

    function receive(alert: Alert): void {
      set((state) => ({
        alerts: [alert, ...state.alerts.filter((a) => a.id !== alert.id)],
        toasts: state.toasts.includes(alert.id) ? state.toasts : [...state.toasts, alert.id],
      }));
      if (FADING_KINDS.includes(alert.kind)) timers.set(alert.id, setTimeout(() => closeToast(alert.id), TOAST_FADE_MS));
    }

    return {
      alerts: [],
      loaded: false,
      toasts: [],
      load,
      async dismiss(id) {
        try {
          const dismissed = await api['alerts:dismiss']({ id });
          set((state) => ({ alerts: state.alerts.map((a) => (a.id === id ? dismissed : a)) }));
          closeToast(id);
        } catch (error) {
          app.getState().report(error);
        }
      },
      closeToast,
      start() {
        const stop = events.subscribe((message) => {
          if (isEvent(message, 'alerts:new')) receive(message.payload);
          else if (isResync(message)) void get().load();
        });
        void get().load();
        return () => {
          stop();
          for (const timer of timers.values()) clearTimeout(timer);
          timers.clear();
        };
      },
    };
  });
}
