/**
 * The payouts view (issue 9): a range of payout months and what 'payouts:list' answers for it,
 * read again whenever a file or a connection changes, once the view has been opened. A range
 * the service refuses (inverted, too long) stays in the pickers with the refusal beside them;
 * the last good figures stay shown below.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../shared/api';
import { ApiError, type ApiErrorBody } from '../../../shared/errors';
import { addMonthsTo, monthOf, type Month } from '../../../shared/months';
import type { PayoutsResult } from '../../../shared/payouts';
import type { ApiEventSource, AppStore } from './appStore';
import { coalesce } from './coalesce';
import { isResync } from './events';

/** By default the three months before the current one and the three after it. */
const MONTHS_AROUND_TODAY = 3;

export interface PayoutsState {
  /** Null until the view is first opened (then: around today, in the property's zone). */
  fromMonth: Month | null;
  toMonth: Month | null;
  result: PayoutsResult | null;
  loaded: boolean;
  /** The service's refusal of the range in the pickers. */
  refusal: ApiErrorBody | null;
  /** Loads the first time the view is shown (no other view needs it). */
  ensureLoaded(): void;
  setRange(fromMonth: Month, toMonth: Month): void;
  showAroundToday(): void;
  start(): () => void;
}

export type PayoutsStore = StoreApi<PayoutsState>;

export function createPayoutsStore(api: Api, events: ApiEventSource, app: AppStore): PayoutsStore {
  return createStore<PayoutsState>()((set, get) => {
    let wanted = false;

    const load = coalesce(async () => {
      const { fromMonth, toMonth } = get();
      if (fromMonth === null || toMonth === null) return;
      // The owner may move the range while a read is under way: only the current range's answer shows.
      const current = () => get().fromMonth === fromMonth && get().toMonth === toMonth;
      try {
        const result = await api['payouts:list']({ fromMonth, toMonth });
        if (current()) set({ result, loaded: true, refusal: null });
      } catch (error) {
        if (!(error instanceof ApiError && error.body.code === 'invalid_input')) app.getState().report(error);
        else if (current()) set({ refusal: error.body, loaded: true });
      }
    });

    function aroundToday(): { fromMonth: Month; toMonth: Month } {
      const current = monthOf(app.getState().today);
      return { fromMonth: addMonthsTo(current, -MONTHS_AROUND_TODAY), toMonth: addMonthsTo(current, MONTHS_AROUND_TODAY) };
    }

    return {
      fromMonth: null,
      toMonth: null,
      result: null,
      loaded: false,
      refusal: null,
      ensureLoaded() {
        if (wanted) return;
        wanted = true;
        if (get().fromMonth === null) set(aroundToday());
        void load();
      },
      setRange(fromMonth, toMonth) {
        set({ fromMonth, toMonth });
        void load();
      },
      showAroundToday() {
        set(aroundToday());
        void load();
      },
      start() {
        return events.subscribe((message) => {
          if (wanted && (message.event === 'reservations:changed' || message.event === 'connections:changed' || isResync(message))) void load();
        });
      },
    };
  });
}
