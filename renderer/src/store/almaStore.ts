/**
 * Alma Heritage's side of the channels page: who may open it, the channel's set-up and sync as
 * the main process computes them (alma:get), and the wizard's calls. Read when the Alma block
 * first shows, then again on 'connections:changed' and 'property:changed' (the eligibility
 * follows the property). The credentials check answers a check id at once; its result arrives as
 * 'alma:credentialsChecked', possibly before the call's own answer over IPC. That event can be
 * lost (the event stream dropped and came back): the page stops waiting after
 * ALMA_CHECK_PATIENCE_MS and says no answer came, rather than leave the button disabled.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, ApiInput } from '../../../shared/api';
import type { AlmaConnectionView, AlmaEligibility, AlmaMessage } from '../../../shared/alma';
import type { ApiErrorBody } from '../../../shared/errors';
import type { ApiEventSource } from './appStore';
import { errorBody } from './errors';
import { isEvent, isResync } from './events';

/**
 * How long the page waits for a check's result: the client gives Alma Heritage 30 s
 * (main/channels/alma/client.ts), plus a margin for the ping's set-up and the event's trip.
 */
export const ALMA_CHECK_PATIENCE_MS = 35_000;

export type AlmaCheckResult =
  | { answered: true; ok: boolean; problem: AlmaMessage | null }
  /** No result came in time: the owner may try again. */
  | { answered: false; ok: false; problem: null };

export interface AlmaState {
  eligibility: AlmaEligibility | null;
  /** The live channel; null before it is opened or once removed. */
  view: AlmaConnectionView | null;
  loaded: boolean;
  /** Why it could not be read. */
  loadError: ApiErrorBody | null;
  busy: boolean;
  load(): Promise<void>;
  start(): () => void;
  /** Each of these answers null when done, or the refusal to show beside the form. */
  open(): Promise<ApiErrorBody | null>;
  saveCredentials(input: Omit<ApiInput<'alma:saveCredentials'>, 'id'>): Promise<ApiErrorBody | null>;
  confirmContract(): Promise<ApiErrorBody | null>;
  saveMapping(rooms: ApiInput<'alma:saveMapping'>['rooms']): Promise<ApiErrorBody | null>;
  activate(): Promise<ApiErrorBody | null>;
  resendAll(): Promise<ApiErrorBody | null>;
  saveCommission(basisPoints: number): Promise<ApiErrorBody | null>;
  setPaused(paused: boolean): Promise<ApiErrorBody | null>;
  remove(): Promise<ApiErrorBody | null>;
  /** Pings Alma Heritage with the saved details; rejects with the refusal when they are incomplete. */
  checkCredentials(): Promise<AlmaCheckResult>;
}

export type AlmaStore = StoreApi<AlmaState>;

export function createAlmaStore(api: Api, events: ApiEventSource): AlmaStore {
  const results = new Map<string, AlmaCheckResult>();
  const waiting = new Map<string, (result: AlmaCheckResult) => void>();
  /** Checks given up on: their result, should it still come, is dropped rather than kept. */
  const abandoned = new Set<string>();
  let listening: (() => void) | null = null;

  function listen(): void {
    listening ??= events.subscribe((message) => {
      if (!isEvent(message, 'alma:credentialsChecked')) return;
      const { checkId, ok, problem } = message.payload;
      if (abandoned.delete(checkId)) return;
      const resolve = waiting.get(checkId);
      if (resolve) {
        waiting.delete(checkId);
        resolve({ answered: true, ok, problem });
      } else results.set(checkId, { answered: true, ok, problem });
    });
  }

  return createStore<AlmaState>()((set, get) => {
    /** Runs one of the channel's calls; the answer is the channel as it now stands. */
    async function run(call: (id: number) => Promise<AlmaConnectionView | unknown>, needsChannel = true): Promise<ApiErrorBody | null> {
      const id = get().view?.connection.id;
      if (get().busy || (needsChannel && id === undefined)) return null;
      set({ busy: true });
      try {
        const answer = await call(id ?? 0);
        if (isView(answer)) set({ view: answer });
        else await get().load();
        return null;
      } catch (error) {
        return errorBody(error);
      } finally {
        set({ busy: false });
      }
    }

    return {
      eligibility: null,
      view: null,
      loaded: false,
      loadError: null,
      busy: false,
      async load() {
        try {
          const [eligibility, view] = await Promise.all([api['alma:eligibility'](), api['alma:get']()]);
          set({ eligibility, view, loaded: true, loadError: null });
        } catch (error) {
          set({ loaded: true, loadError: errorBody(error) });
        }
      },
      start() {
        return events.subscribe((message) => {
          // Only once the block has read it: a page that never shows the channels asks nothing.
          if (get().loaded && (message.event === 'connections:changed' || message.event === 'property:changed' || isResync(message))) void get().load();
        });
      },
      open: () => run(() => api['alma:open'](), false),
      saveCredentials: (input) => run((id) => api['alma:saveCredentials']({ id, ...input })),
      confirmContract: () => run((id) => api['alma:confirmContract']({ id })),
      saveMapping: (rooms) => run((id) => api['alma:saveMapping']({ id, rooms })),
      activate: () => run((id) => api['alma:activate']({ id })),
      resendAll: () => run((id) => api['alma:resendAll']({ id })),
      saveCommission: (basisPoints) => run((id) => api['alma:saveCommission']({ id, basisPoints })),
      setPaused: (paused) => run((id) => api['connections:update']({ id, status: paused ? 'paused' : 'active' })),
      remove: () => run((id) => api['connections:remove']({ id })),
      async checkCredentials() {
        const id = get().view?.connection.id;
        if (id === undefined) return { answered: true, ok: false, problem: null };
        // Listening before the call: over IPC the event may overtake the call's answer.
        listen();
        const { checkId } = await api['alma:checkCredentials']({ id });
        const early = results.get(checkId);
        if (early) {
          results.delete(checkId);
          return early;
        }
        return new Promise<AlmaCheckResult>((resolve) => {
          const timer = setTimeout(() => {
            waiting.delete(checkId);
            abandoned.add(checkId);
            resolve({ answered: false, ok: false, problem: null });
          }, ALMA_CHECK_PATIENCE_MS);
          waiting.set(checkId, (result) => {
            clearTimeout(timer);
            resolve(result);
          });
        });
      },
    };
  });
}

function isView(value: unknown): value is AlmaConnectionView {
  return typeof value === 'object' && value !== null && 'stage' in value && 'connection' in value;
}
