import type { VirtualItem } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format';
import { COLUMN_WIDTH, HEADER_HEIGHT, LABEL_WIDTH, MONTH_BAND_HEIGHT, type ColumnInfo, type MonthBand } from '../../planning/gridModel';

interface GridHeaderProps {
  columns: VirtualItem[];
  info: ColumnInfo[];
  bands: MonthBand[];
  todayColumn: number;
  width: number;
}

/** Months over days (weekday and date), in the page's language; today stands out. */
export function GridHeader({ columns, info, bands, todayColumn, width }: GridHeaderProps) {
  const { t } = useTranslation();
  const { night } = useFormatters();
  const first = columns[0]?.index ?? 0;
  const last = columns[columns.length - 1]?.index ?? -1;
  const visibleBands = bands.filter((band) => band.first <= last && band.first + band.length > first);

  return (
    <div role="row" aria-rowindex={1} className="grid-head" style={{ width, height: HEADER_HEIGHT }}>
      <div role="columnheader" className="grid-corner" aria-colindex={1} style={{ width: LABEL_WIDTH, height: HEADER_HEIGHT }}>
        {t('app.planning.room')}
      </div>
      {visibleBands.map((band) => (
        <div
          key={band.key}
          className="month-band"
          aria-hidden="true"
          style={{ left: LABEL_WIDTH + band.first * COLUMN_WIDTH, width: band.length * COLUMN_WIDTH, height: MONTH_BAND_HEIGHT }}
        >
          <span className="month-band__label">{band.label}</span>
        </div>
      ))}
      {columns.map((column) => {
        const day = info[column.index]!;
        const today = column.index === todayColumn;
        return (
          <div
            key={column.key}
            role="columnheader"
            aria-colindex={column.index + 2}
            aria-label={today ? `${night(day.night)} (${t('app.planning.today')})` : night(day.night)}
            aria-current={today ? 'date' : undefined}
            className={`day-head${day.weekend ? ' day-head--weekend' : ''}${today ? ' day-head--today' : ''}`}
            style={{ left: column.start, width: COLUMN_WIDTH, top: MONTH_BAND_HEIGHT, height: HEADER_HEIGHT - MONTH_BAND_HEIGHT }}
          >
            <span className="day-head__weekday" aria-hidden="true">
              {day.weekday}
            </span>
            <span className="day-head__day" aria-hidden="true">
              {day.day}
            </span>
          </div>
        );
      })}
    </div>
  );
}
