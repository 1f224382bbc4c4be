import { memo, type ReactNode } from 'react';
import type { NightAvailability } from '../../../../shared/domain';
import { COLUMN_WIDTH, type ColumnInfo } from '../../planning/gridModel';
import type { CellText } from './useCellText';

export const cellId = (unitId: number, column: number) => `cell-${unitId}-${column}`;

interface GridCellProps {
  unitId: number;
  room: string;
  column: number;
  x: number;
  height: number;
  info: ColumnInfo;
  night: NightAvailability | undefined;
  today: boolean;
  selected: boolean;
  cursor: boolean;
  text: CellText;
  children?: ReactNode;
}

/**
 * One night of one room: free stock (or "closed"), the rate, the minimum stay where above one;
 * restrictions as marks on its edges. Only these props make it draw again, so scrolling only
 * draws the cells that come into view.
 */
export const GridCell = memo(function GridCell({ unitId, room, column, x, height, info, night, today, selected, cursor, text, children }: GridCellProps) {
  const classes = ['cell'];
  if (info.weekend) classes.push('cell--weekend');
  if (today) classes.push('cell--today');
  if (selected) classes.push('cell--selected');
  if (cursor) classes.push('cell--cursor');
  if (night) {
    if (night.closed) classes.push('cell--closed');
    else if (night.free < 0) classes.push('cell--overbooked');
    else if (night.free === 0) classes.push('cell--full');
    if (night.closedToArrival) classes.push('cell--cta');
    if (night.closedToDeparture) classes.push('cell--ctd');
  } else classes.push('cell--loading');

  return (
    <div
      role="gridcell"
      id={cellId(unitId, column)}
      className={classes.join(' ')}
      style={{ left: x, width: COLUMN_WIDTH, height }}
      aria-colindex={column + 2}
      aria-selected={selected}
      aria-label={text.label(room, info, night)}
      data-unit={unitId}
      data-column={column}
      data-night={info.night}
    >
      {children}
      {night && (
        // One text node per cell, its first line (the stock) in bold by CSS: few nodes to draw per scroll step.
        <div className="cell__info" aria-hidden="true">
          {`${night.closed ? text.closed : text.free(night.free)}\n${text.rate(night.rateCents)}`}
          {night.minStay > 1 && <span className="cell__min">{text.minStay(night.minStay)}</span>}
        </div>
      )}
    </div>
  );
});
