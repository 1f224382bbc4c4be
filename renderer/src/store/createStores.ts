/**
 * Every store of the page, made from one Api and one source of pushed events (the real
 * transport, or fakes in tests), and started together.
 */
import type { Api } from '../../../shared/api';
import { createAlertsStore, type AlertsStore } from './alertsStore';
import { createAlmaStore, type AlmaStore } from './almaStore';
import { createAppStore, type ApiEventSource, type AppStore } from './appStore';
import { createBookingStore, type BookingStore } from './bookingStore';
import { createConnectionsStore, type ConnectionsStore } from './connectionsStore';
import { createFileStore, type FileStore } from './fileStore';
import { createNavStore, type NavStore } from './navStore';
import { createPayoutsStore, type PayoutsStore } from './payoutsStore';
import { createReservationsStore, type ReservationsStore, type SaveFile } from './reservationsStore';
import { createScheduleStore, type ScheduleStore } from './scheduleStore';
import { createSelectionStore, type SelectionStore } from './selectionStore';
import { createSettingsStore, type SettingsStore } from './settingsStore';
import { createSyncStore, type SyncStore } from './syncStore';

export interface Stores {
  app: AppStore;
  nav: NavStore;
  schedule: ScheduleStore;
  selection: SelectionStore;
  reservations: ReservationsStore;
  file: FileStore;
  booking: BookingStore;
  alerts: AlertsStore;
  sync: SyncStore;
  settings: SettingsStore;
  /** The list at start (cards, files' sources); presets when a wizard opens. */
  connections: ConnectionsStore;
  payouts: PayoutsStore;
  /** Alma Heritage's set-up and sync, read when its block first shows. */
  alma: AlmaStore;
  /** Loads what every view needs and follows pushed events; returns the function that stops. */
  start(): () => void;
}

export interface StoreOptions {
  now?: () => Date;
  saveFile?: SaveFile;
  window?: Window;
}

/** Hands a file to the browser as a download (Electron saves it the same way). */
export function downloadFile(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function createStores(api: Api, events: ApiEventSource, options: StoreOptions = {}): Stores {
  const app = createAppStore(api, events, options.now);
  const nav = createNavStore(events, options.window);
  const schedule = createScheduleStore(api, events, app);
  const stores = {
    app,
    nav,
    schedule,
    selection: createSelectionStore(api, app, schedule),
    reservations: createReservationsStore(api, events, app, options.saveFile ?? downloadFile),
    file: createFileStore(api, events),
    booking: createBookingStore(api, nav),
    alerts: createAlertsStore(api, events, app),
    sync: createSyncStore(api, events, app),
    settings: createSettingsStore(api, app),
    connections: createConnectionsStore(api, events, app),
    payouts: createPayoutsStore(api, events, app),
    alma: createAlmaStore(api, events),
  };
  return {
    ...stores,
    start() {
      const stops = [app, nav, schedule, stores.reservations, stores.file, stores.alerts, stores.sync, stores.connections, stores.payouts, stores.alma].map((store) => store.getState().start());
      return () => stops.forEach((stop) => stop());
    },
  };
}
