/**
 * The planning grid's cursor and selected range (a room's consecutive nights), and the edits the
 * side panel makes over that range, with undo: before each edit the nights' current overrides
 * are read, so undo can put back exactly what was there.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../../shared/api';
import type { ApiErrorBody } from '../../../shared/errors';
import { nightsFromTo, type Night } from '../../../shared/nights';
import { undoSteps, type OverrideChanges, type OverrideField, type OverridesSetInput } from '../planning/undo';
import type { AppStore } from './appStore';
import { errorBody } from './errors';
import type { ScheduleStore } from './scheduleStore';

export interface Cell {
  unitId: number;
  column: number;
}

export interface GridSelection {
  unitId: number;
  anchor: number;
  focus: number;
}

export interface SelectedRange {
  unitIds: number[];
  firstNight: Night;
  lastNight: Night;
  nights: number;
}

interface UndoEntry {
  steps: OverridesSetInput[];
  firstNight: Night;
  lastNight: Night;
}

export interface EditNotice {
  kind: 'applied' | 'undone';
  nights: number;
  overbookings: number;
}

const UNDO_DEPTH = 20;

export interface SelectionState {
  cursor: Cell | null;
  selection: GridSelection | null;
  dragging: boolean;
  /** Apply the panel's edit to every room over the selected nights. */
  allRooms: boolean;
  saving: boolean;
  refusal: ApiErrorBody | null;
  notice: EditNotice | null;
  undo: UndoEntry[];
  /** A click (or the start of a drag); with `extend` (shift) it stretches the selection of that room. */
  press(cell: Cell, extend: boolean): void;
  drag(cell: Cell): void;
  release(): void;
  /** Arrow keys: moves the cursor, or with `extend` stretches the selection along the room. */
  moveCursor(columns: number, rows: number, extend: boolean): void;
  /** Puts the cursor somewhere without selecting (the grid getting focus). */
  placeCursor(cell: Cell): void;
  selectCursor(): void;
  clear(): void;
  setAllRooms(on: boolean): void;
  range(): SelectedRange | null;
  apply(changes: OverrideChanges): Promise<boolean>;
  undoLast(): Promise<void>;
}

export type SelectionStore = StoreApi<SelectionState>;

export function createSelectionStore(api: Api, app: AppStore, schedule: ScheduleStore): SelectionStore {
  return createStore<SelectionState>()((set, get) => {
    const unitIds = () => app.getState().units.map((u) => u.id);
    const clampColumn = (column: number) => Math.min(Math.max(column, 0), schedule.getState().days - 1);

    async function run(input: OverridesSetInput) {
      return api['overrides:set'](input);
    }

    return {
      cursor: null,
      selection: null,
      dragging: false,
      allRooms: false,
      saving: false,
      refusal: null,
      notice: null,
      undo: [],
      press(cell, extend) {
        const { selection } = get();
        if (extend && selection && selection.unitId === cell.unitId) {
          set({ selection: { ...selection, focus: cell.column }, cursor: cell, refusal: null });
          return;
        }
        set({ selection: { unitId: cell.unitId, anchor: cell.column, focus: cell.column }, cursor: cell, dragging: true, refusal: null });
      },
      drag(cell) {
        const { selection, dragging } = get();
        if (!dragging || !selection || selection.unitId !== cell.unitId || selection.focus === cell.column) return;
        set({ selection: { ...selection, focus: cell.column }, cursor: cell });
      },
      release: () => set({ dragging: false }),
      moveCursor(columns, rows, extend) {
        const ids = unitIds();
        if (ids.length === 0) return;
        const { cursor, selection } = get();
        const from = cursor ?? { unitId: ids[0]!, column: schedule.getState().column(app.getState().today) };
        const row = Math.min(Math.max(ids.indexOf(from.unitId) + rows, 0), ids.length - 1);
        const next: Cell = { unitId: ids[row]!, column: clampColumn(from.column + columns) };
        if (extend && rows === 0) {
          const base = selection && selection.unitId === next.unitId ? selection : { unitId: next.unitId, anchor: from.column, focus: from.column };
          set({ cursor: next, selection: { ...base, focus: next.column } });
        } else {
          set({ cursor: next, selection: extend ? get().selection : null });
        }
      },
      placeCursor: (cell) => set({ cursor: cell }),
      selectCursor() {
        const { cursor, selection } = get();
        if (cursor && !selection) set({ selection: { unitId: cursor.unitId, anchor: cursor.column, focus: cursor.column } });
      },
      clear: () => set({ selection: null, dragging: false, refusal: null }),
      setAllRooms: (on) => set({ allRooms: on }),
      range() {
        const { selection, allRooms } = get();
        if (!selection) return null;
        const first = Math.min(selection.anchor, selection.focus);
        const last = Math.max(selection.anchor, selection.focus);
        const { night } = schedule.getState();
        return { unitIds: allRooms ? unitIds() : [selection.unitId], firstNight: night(first), lastNight: night(last), nights: last - first + 1 };
      },
      async apply(changes) {
        const range = get().range();
        if (!range || get().saving) return false;
        const { unitIds: ids, firstNight, lastNight } = range;
        set({ saving: true, refusal: null, notice: null });
        try {
          const previous = await api['overrides:list']({ unitIds: ids, firstNight, lastNight });
          const result = await run({ unitIds: ids, firstNight, lastNight, changes });
          const steps = undoSteps(ids, nightsFromTo(firstNight, lastNight), previous, Object.keys(changes) as OverrideField[]);
          set((state) => ({
            undo: [...state.undo, { steps, firstNight, lastNight }].slice(-UNDO_DEPTH),
            notice: { kind: 'applied', nights: result.nightsChanged, overbookings: result.overbookings.length },
          }));
          void schedule.getState().refreshRange(firstNight, lastNight);
          return true;
        } catch (error) {
          set({ refusal: errorBody(error) });
          return false;
        } finally {
          set({ saving: false });
        }
      },
      async undoLast() {
        const entry = get().undo[get().undo.length - 1];
        if (!entry || get().saving) return;
        set({ saving: true, refusal: null, notice: null });
        try {
          let nights = 0;
          let overbookings = 0;
          for (const step of entry.steps) {
            const result = await run(step);
            nights += result.nightsChanged;
            overbookings += result.overbookings.length;
          }
          set((state) => ({ undo: state.undo.slice(0, -1), notice: { kind: 'undone', nights, overbookings } }));
        } catch (error) {
          set({ refusal: errorBody(error) });
        } finally {
          set({ saving: false });
          void schedule.getState().refreshRange(entry.firstNight, entry.lastNight);
        }
      },
    };
  });
}
