import type { VirtualItem } from '@tanstack/react-virtual';
import type { NightAvailability } from '../../../../shared/domain';
import { hostColumn, type Bar, type ColumnInfo, type RowLayout } from '../../planning/gridModel';
import { GridCell } from './GridCell';
import { StayBar } from './StayBar';
import type { BarView } from './useBarText';
import type { CellText } from './useCellText';

interface GridRowProps {
  layout: RowLayout;
  index: number;
  top: number;
  height: number;
  width: number;
  columns: VirtualItem[];
  info: ColumnInfo[];
  nights: (NightAvailability | undefined)[] | undefined;
  todayColumn: number;
  /** The selected columns of this room, both ends included; null when the selection is elsewhere. */
  selected: [number, number] | null;
  cursorColumn: number | null;
  text: CellText;
  barView(bar: Bar): BarView;
  onOpen(id: number): void;
}

/** A room: its name, then the nights in view, each file drawn from its first night in view. */
export function GridRow({ layout, index, top, height, width, columns, info, nights, todayColumn, selected, cursorColumn, text, barView, onOpen }: GridRowProps) {
  const { unit } = layout;
  const first = columns[0]?.index ?? 0;
  const last = columns[columns.length - 1]?.index ?? -1;
  const barsByHost = new Map<number, Bar[]>();
  for (const bar of layout.bars) {
    if (bar.end <= first || bar.start > last) continue;
    const host = hostColumn(bar, first);
    barsByHost.set(host, [...(barsByHost.get(host) ?? []), bar]);
  }

  return (
    <div role="row" aria-rowindex={index + 2} className="grid-row" style={{ top, height, width }}>
      <div role="rowheader" className="grid-row__head" style={{ height }} aria-colindex={1}>
        <span className="grid-row__name">{unit.name}</span>
        {unit.stock > 1 && <span className="grid-row__stock">×{unit.stock}</span>}
      </div>
      {columns.map((column) => {
        const bars = barsByHost.get(column.index);
        return (
          <GridCell
            key={column.key}
            unitId={unit.id}
            room={unit.name}
            column={column.index}
            x={column.start}
            height={height}
            info={info[column.index]!}
            night={nights?.[column.index]}
            today={column.index === todayColumn}
            selected={selected !== null && column.index >= selected[0] && column.index <= selected[1]}
            cursor={cursorColumn === column.index}
            text={text}
          >
            {bars?.map((bar) => <StayBar key={bar.stay.id} bar={bar} host={column.index} view={barView(bar)} onOpen={onOpen} />)}
          </GridCell>
        );
      })}
    </div>
  );
}
