/**
 * The booking form: a new direct booking or an edit of a file. Nights are checked live as the
 * owner types ('reservations:check': what is still free, which restrictions the stay breaks,
 * the suggested amount). The service has the last word: its refusal keys become the fields'
 * messages, and an overbooking is only booked after the owner, warned, says so.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, ApiInput } from '../../../shared/api';
import type { Reservation, StayCheck } from '../../../shared/domain';
import type { ApiErrorBody, ApiIssue } from '../../../shared/errors';
import { isNight, type Night } from '../../../shared/nights';
import { bookingChanges, bookingInput, emptyValues, valuesOf, type BookingValues } from '../booking/bookingValues';
import { errorBody } from './errors';
import type { NavStore } from './navStore';

const CHECK_DELAY_MS = 200;

export interface BookingState {
  mode: 'create' | 'edit';
  editing: Reservation | null;
  values: BookingValues;
  check: StayCheck | null;
  /** Field issues, by form field name. */
  issues: Record<string, ApiIssue>;
  /** A refusal that is not about one field. */
  refusal: ApiErrorBody | null;
  /** The service refused an overbooking: the owner must say whether to book anyway. */
  overbooking: ApiErrorBody | null;
  saving: boolean;
  loading: boolean;
  startCreate(prefill: { unitId?: number; arrival?: Night; departure?: Night }, defaultUnitId: number | null): void;
  /** `locale` writes the amounts the way the owner types them. */
  startEdit(id: number, locale?: string): Promise<void>;
  setField<K extends keyof BookingValues>(name: K, value: BookingValues[K]): void;
  submit(allowOverbooking?: boolean): Promise<void>;
  dismissOverbooking(): void;
}

export type BookingStore = StoreApi<BookingState>;

/** Service field names → the form's. */
const FIELD_OF: Record<string, keyof BookingValues> = { amountCents: 'amount', commissionCents: 'commission' };

function byField(issues: ApiIssue[]): Record<string, ApiIssue> {
  const fields: Record<string, ApiIssue> = {};
  for (const issue of issues) {
    const path = issue.path[0] === 'changes' ? issue.path.slice(1) : issue.path;
    const name = String(path[0] ?? '');
    fields[FIELD_OF[name] ?? name] ??= issue;
  }
  return fields;
}

export function createBookingStore(api: Api, nav: NavStore): BookingStore {
  return createStore<BookingState>()((set, get) => {
    let checkTimer: ReturnType<typeof setTimeout> | undefined;
    let checkSequence = 0;

    function scheduleCheck(): void {
      clearTimeout(checkTimer);
      checkTimer = setTimeout(() => void runCheck(), CHECK_DELAY_MS);
    }

    async function runCheck(): Promise<void> {
      const { values, editing } = get();
      const sequence = ++checkSequence;
      const unitId = Number(values.unitId);
      if (!unitId || !isNight(values.arrival) || !isNight(values.departure) || values.departure <= values.arrival) {
        set({ check: null });
        return;
      }
      const guests = /^\d+$/.test(values.guests) && Number(values.guests) > 0 ? { guests: Number(values.guests) } : {};
      const input: ApiInput<'reservations:check'> = {
        unitId,
        arrival: values.arrival,
        departure: values.departure,
        ...guests,
        ...(editing ? { excludeReservationId: editing.id } : {}),
      };
      try {
        const check = await api['reservations:check'](input);
        if (sequence === checkSequence) set({ check });
      } catch {
        // The stay itself is wrong (too long …): submitting will say why, field by field.
        if (sequence === checkSequence) set({ check: null });
      }
    }

    function reset(values: BookingValues, editing: Reservation | null): void {
      clearTimeout(checkTimer);
      checkSequence++;
      set({ mode: editing ? 'edit' : 'create', editing, values, check: null, issues: {}, refusal: null, overbooking: null, saving: false });
    }

    return {
      mode: 'create',
      editing: null,
      values: emptyValues(),
      check: null,
      issues: {},
      refusal: null,
      overbooking: null,
      saving: false,
      loading: false,
      startCreate(prefill, defaultUnitId) {
        const unitId = prefill.unitId ?? defaultUnitId;
        reset({ ...emptyValues(), unitId: unitId ? String(unitId) : '', arrival: prefill.arrival ?? '', departure: prefill.departure ?? '' }, null);
        scheduleCheck();
      },
      async startEdit(id, locale) {
        set({ loading: true });
        try {
          const file = await api['reservations:get']({ id });
          reset(valuesOf(file, locale), file);
          scheduleCheck();
        } catch (error) {
          set({ refusal: errorBody(error) });
        } finally {
          set({ loading: false });
        }
      },
      setField(name, value) {
        set((state) => {
          const issues = { ...state.issues };
          delete issues[name];
          return { values: { ...state.values, [name]: value }, issues };
        });
        if (name === 'unitId' || name === 'arrival' || name === 'departure' || name === 'guests') scheduleCheck();
      },
      async submit(allowOverbooking = false) {
        const { values, editing, saving } = get();
        if (saving) return;
        const prepared = editing ? bookingChanges(values, editing) : bookingInput(values);
        if (prepared.issues.length) {
          set({ issues: byField(prepared.issues), refusal: null });
          return;
        }
        set({ saving: true, issues: {}, refusal: null, overbooking: null });
        try {
          let saved: Reservation;
          if (editing) {
            const changes = prepared.value as ApiInput<'reservations:update'>['changes'];
            saved = Object.keys(changes).length === 0 ? editing : (await api['reservations:update']({ id: editing.id, changes, allowOverbooking })).reservation;
          } else {
            saved = (await api['reservations:create']({ ...(prepared.value as ApiInput<'reservations:create'>), allowOverbooking })).reservation;
          }
          nav.getState().go({ view: 'file', id: saved.id });
        } catch (error) {
          const body = errorBody(error);
          if (body.key === 'errors.overbooking') set({ overbooking: body });
          else if (body.issues.length) set({ issues: byField(body.issues), refusal: body });
          else set({ refusal: body });
        } finally {
          set({ saving: false });
        }
      },
      dismissOverbooking: () => set({ overbooking: null }),
    };
  });
}
