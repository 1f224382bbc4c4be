/**
 * One reservation file as the file view shows it — the stay, its history — and the owner's
 * decisions on it: confirm or refuse a booking on request, cancel, answer an attention flag.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../shared/api';
import type { Reservation, ReservationHistoryEntry, StoredFlag } from '../../../shared/domain';
import type { ApiErrorBody } from '../../../shared/errors';
import type { ApiEventSource } from './appStore';
import { errorBody } from './errors';
import { isEvent, isResync } from './events';

export interface FileState {
  id: number | null;
  file: Reservation | null;
  history: ReservationHistoryEntry[];
  /** Why the file could not be read (unknown id …). */
  loadError: ApiErrorBody | null;
  /** Why the last decision was refused. */
  refusal: ApiErrorBody | null;
  busy: boolean;
  open(id: number): Promise<void>;
  confirm(): Promise<boolean>;
  refuse(reason: string): Promise<boolean>;
  cancel(reason: string): Promise<boolean>;
  resolveFlag(flag: StoredFlag, action: 'keep' | 'cancel'): Promise<boolean>;
  start(): () => void;
}

export type FileStore = StoreApi<FileState>;

export function createFileStore(api: Api, events: ApiEventSource): FileStore {
  return createStore<FileState>()((set, get) => {
    async function read(id: number): Promise<void> {
      try {
        const [file, history] = await Promise.all([api['reservations:get']({ id }), api['reservations:history']({ id })]);
        if (get().id === id) set({ file, history, loadError: null });
      } catch (error) {
        if (get().id === id) set({ file: null, history: [], loadError: errorBody(error) });
      }
    }

    async function decide(call: (id: number) => Promise<Reservation>): Promise<boolean> {
      const { id, busy } = get();
      if (id === null || busy) return false;
      set({ busy: true, refusal: null });
      try {
        await call(id);
        await read(id);
        return true;
      } catch (error) {
        set({ refusal: errorBody(error) });
        return false;
      } finally {
        set({ busy: false });
      }
    }

    const reason = (text: string) => (text.trim() ? { reason: text.trim() } : {});

    return {
      id: null,
      file: null,
      history: [],
      loadError: null,
      refusal: null,
      busy: false,
      async open(id) {
        if (get().id !== id) set({ id, file: null, history: [], loadError: null, refusal: null });
        await read(id);
      },
      confirm: () => decide((id) => api['reservations:confirm']({ id })),
      refuse: (text) => decide((id) => api['reservations:refuse']({ id, ...reason(text) })),
      cancel: (text) => decide((id) => api['reservations:cancel']({ id, ...reason(text) })),
      resolveFlag: (flag, action) => decide((id) => api['reservations:resolveFlag']({ id, flag, action })),
      start() {
        return events.subscribe((message) => {
          const { id } = get();
          if (id === null) return;
          if (isResync(message) || (isEvent(message, 'reservations:changed') && message.payload.reservationIds.includes(id))) void read(id);
        });
      },
    };
  });
}
