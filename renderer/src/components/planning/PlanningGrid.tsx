import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../../shared/nights';
import { useFormatters } from '../../format';
import { COLUMN_WIDTH, HEADER_HEIGHT, LABEL_WIDTH, columnFinder, columnsOf, layoutRows, monthBands, rowHeight } from '../../planning/gridModel';
import type { Cell } from '../../store/selectionStore';
import { useAppStore, useSlice, useStores } from '../../store/StoreContext';
import { cellId } from './GridCell';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { useBarText } from './useBarText';
import { useCellText } from './useCellText';
import { useGridInput } from './useGridInput';

/** Before the first measure (and where nothing is measured, as in tests): a laptop's grid. */
const INITIAL_RECT = { width: 1100, height: 640 };
/** Nights shown before today when the planning opens. */
const DAYS_BEFORE_TODAY = 3;

/**
 * The planning: rooms as rows, nights as columns, over two years. Only the rows and columns in
 * view are drawn (virtualised both ways), so twenty rooms scroll as lightly as one. The grid is
 * one tab stop; the cursor cell is its active descendant.
 */
export function PlanningGrid({ onEdit }: { onEdit(): void }) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const stores = useStores();
  const units = useAppStore((state) => state.units);
  const today = useAppStore((state) => state.today);
  const firstNight = useSlice('schedule', (state) => state.firstNight);
  const days = useSlice('schedule', (state) => state.days);
  const nights = useSlice('schedule', (state) => state.nights);
  const stays = useSlice('schedule', (state) => state.stays);
  const selection = useSlice('selection', (state) => state.selection);
  const cursor = useSlice('selection', (state) => state.cursor);
  const barView = useBarText();
  const text = useCellText();
  const instructionsId = useId();

  const info = useMemo(() => columnsOf(firstNight, days, locale), [firstNight, days, locale]);
  const bands = useMemo(() => monthBands(info, locale), [info, locale]);
  const columnOf = useMemo(() => columnFinder(info, firstNight), [info, firstNight]);
  const rows = useMemo(() => layoutRows(units, Object.values(stays), firstNight, columnOf), [units, stays, firstNight, columnOf]);
  const todayColumn = useMemo(() => daysBetween(firstNight, today), [firstNight, today]);
  const initialOffset = Math.max(0, todayColumn - DAYS_BEFORE_TODAY) * COLUMN_WIDTH;

  const scrollRef = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // No React Compiler here: the virtualiser's own state changes re-render this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const columnsV = useVirtualizer({
    horizontal: true,
    count: days,
    getScrollElement,
    estimateSize: () => COLUMN_WIDTH,
    paddingStart: LABEL_WIDTH,
    overscan: 4,
    initialOffset,
    initialRect: INITIAL_RECT,
  });
  const rowsV = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize: (index) => rowHeight(rows[index]?.lanes ?? 1),
    paddingStart: HEADER_HEIGHT,
    overscan: 2,
    initialRect: INITIAL_RECT,
  });

  // Opens on today; again whenever the window moves (a new month at midnight).
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollLeft = initialOffset;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the window itself moves
  }, [firstNight]);
  // A room with more lanes is taller: measure again when the stays change.
  useEffect(() => rowsV.measure(), [rows, rowsV]);

  const visibleColumns = columnsV.getVirtualItems();
  const visibleRows = rowsV.getVirtualItems();
  const firstColumn = visibleColumns[0]?.index ?? 0;
  const lastColumn = visibleColumns[visibleColumns.length - 1]?.index ?? 0;
  useEffect(() => stores.schedule.getState().show(firstColumn, lastColumn), [stores, firstColumn, lastColumn]);

  const reveal = useCallback(
    (cell: Cell) => {
      const element = scrollRef.current;
      if (!element) return;
      const x = cell.column * COLUMN_WIDTH;
      const room = Math.max(element.clientWidth, INITIAL_RECT.width) - LABEL_WIDTH;
      if (x < element.scrollLeft) element.scrollLeft = x;
      else if (x + COLUMN_WIDTH > element.scrollLeft + room) element.scrollLeft = x + COLUMN_WIDTH - room;
      const rowIndex = rows.findIndex((row) => row.unit.id === cell.unitId);
      if (rowIndex >= 0) rowsV.scrollToIndex(rowIndex);
    },
    [rows, rowsV],
  );
  const focusGrid = useCallback(() => scrollRef.current?.focus({ preventScroll: true }), []);
  const input = useGridInput({ selection: stores.selection, reveal, onEdit, focusGrid });

  const goToday = () => {
    if (scrollRef.current) scrollRef.current.scrollLeft = initialOffset;
  };
  const openFile = useCallback((id: number) => stores.nav.getState().go({ view: 'file', id }), [stores]);
  const onFocus = () => {
    const first = units[0];
    if (!stores.selection.getState().cursor && first) stores.selection.getState().placeCursor({ unitId: first.id, column: todayColumn });
  };

  const selectedRange: [number, number] | null = selection ? [Math.min(selection.anchor, selection.focus), Math.max(selection.anchor, selection.focus)] : null;
  const cursorDrawn = cursor && cursor.column >= firstColumn && cursor.column <= lastColumn;

  return (
    <div className="planning-grid">
      <div className="planning-grid__tools">
        <button type="button" onClick={goToday}>
          {t('app.planning.goToday')}
        </button>
        <p id={instructionsId} className="planning-grid__help">
          {t('app.planning.instructions')}
        </p>
      </div>
      <div
        ref={scrollRef}
        className="grid-scroller"
        role="grid"
        tabIndex={0}
        aria-label={t('app.planning.gridLabel')}
        aria-describedby={instructionsId}
        aria-rowcount={rows.length + 1}
        aria-colcount={days + 1}
        aria-multiselectable="true"
        aria-activedescendant={cursorDrawn ? cellId(cursor.unitId, cursor.column) : undefined}
        onFocus={onFocus}
        onKeyDown={input.onKeyDown}
        onPointerDown={input.onPointerDown}
        onPointerOver={input.onPointerOver}
      >
        <div className="grid-canvas" style={{ width: columnsV.getTotalSize(), height: rowsV.getTotalSize() }}>
          <GridHeader columns={visibleColumns} info={info} bands={bands} todayColumn={todayColumn} width={columnsV.getTotalSize()} />
          {visibleRows.map((virtualRow) => {
            const layout = rows[virtualRow.index]!;
            const mine = selection?.unitId === layout.unit.id;
            return (
              <GridRow
                key={layout.unit.id}
                layout={layout}
                index={virtualRow.index}
                top={virtualRow.start}
                height={virtualRow.size}
                width={columnsV.getTotalSize()}
                columns={visibleColumns}
                info={info}
                nights={nights[layout.unit.id]}
                todayColumn={todayColumn}
                selected={mine ? selectedRange : null}
                cursorColumn={cursor?.unitId === layout.unit.id ? cursor.column : null}
                text={text}
                barView={barView}
                onOpen={openFile}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
