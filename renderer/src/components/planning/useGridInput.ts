import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Cell, SelectionStore } from '../../store/selectionStore';

/** The cell under a pointer event, read from the data attributes every cell carries. */
function cellAt(target: EventTarget | null): Cell | null {
  const element = target instanceof Element ? target.closest<HTMLElement>('[data-unit][data-column]') : null;
  if (!element) return null;
  return { unitId: Number(element.dataset.unit), column: Number(element.dataset.column) };
}

const WEEK = 7;

interface GridInputOptions {
  selection: SelectionStore;
  /** Scrolls so that the cursor's cell is drawn and visible. */
  reveal(cell: Cell): void;
  /** Enter: the owner wants to edit the selected nights. */
  onEdit(): void;
  focusGrid(): void;
}

/**
 * Mouse and keyboard on the grid. Pointer events are read once on the grid rather than on each
 * cell (so cells need no handlers). Keys: arrows move, Shift+arrows stretch the selection along
 * the room, Page Up/Down move a week, Home/End go to the first/last night, Enter edits,
 * Escape clears.
 */
export function useGridInput({ selection, reveal, onEdit, focusGrid }: GridInputOptions) {
  const dragging = useRef(false);

  useEffect(() => {
    const release = () => {
      if (!dragging.current) return;
      dragging.current = false;
      selection.getState().release();
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, [selection]);

  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0) return;
    const cell = cellAt(event.target);
    if (!cell) return;
    event.preventDefault(); // no text selection while dragging
    focusGrid();
    dragging.current = !event.shiftKey;
    selection.getState().press(cell, event.shiftKey);
  }

  function onPointerOver(event: PointerEvent) {
    if (!dragging.current) return;
    const cell = cellAt(event.target);
    if (cell) selection.getState().drag(cell);
  }

  function move(columns: number, rows: number, extend: boolean) {
    const state = selection.getState();
    state.moveCursor(columns, rows, extend);
    const cursor = selection.getState().cursor;
    if (cursor) reveal(cursor);
  }

  function onKeyDown(event: KeyboardEvent) {
    const extend = event.shiftKey;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowLeft':
        handled();
        return move(-1, 0, extend);
      case 'ArrowRight':
        handled();
        return move(1, 0, extend);
      case 'ArrowUp':
        handled();
        return move(0, -1, false);
      case 'ArrowDown':
        handled();
        return move(0, 1, false);
      case 'PageUp':
        handled();
        return move(-WEEK, 0, extend);
      case 'PageDown':
        handled();
        return move(WEEK, 0, extend);
      case 'Home':
        handled();
        return move(-Number.MAX_SAFE_INTEGER / 2, 0, extend);
      case 'End':
        handled();
        return move(Number.MAX_SAFE_INTEGER / 2, 0, extend);
      case 'Enter':
      case ' ':
        handled();
        selection.getState().selectCursor();
        return onEdit();
      case 'Escape':
        if (selection.getState().selection) {
          handled();
          selection.getState().clear();
        }
        return;
      default:
        return;
    }
  }

  return { onPointerDown, onPointerOver, onKeyDown };
}
