import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NightAvailability } from '../../../../shared/domain';
import type { Cents } from '../../../../shared/money';
import { useFormatters } from '../../format';
import type { ColumnInfo } from '../../planning/gridModel';

/** The words of the planning's cells, made once per language so that cells stay cheap to draw. */
export interface CellText {
  closed: string;
  free(count: number): string;
  rate(cents: Cents): string;
  minStay(nights: number): string;
  /** What a screen reader says of a cell: the night, the room, and everything the cell shows. */
  label(room: string, column: ColumnInfo, night: NightAvailability | undefined): string;
}

/** Remembers what a function gave for each argument: a grid scrolls through the same few values again and again. */
function remembered<K, V>(make: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = make(key);
      known.set(key, value);
    }
    return value;
  };
}

export function useCellText(): CellText {
  const { t } = useTranslation();
  const { rate, night } = useFormatters();
  return useMemo(() => {
    // Every cell drawn at each scroll step asks for these: translate and format each value once.
    const nightName = remembered(night);
    const rateText = remembered(rate);
    const free = remembered((count: number) => t('app.planning.cell.free', { count }));
    const overbooked = remembered((count: number) => t('app.planning.cell.overbooked', { count }));
    const minStay = remembered((count: number) => t('app.planning.cell.minStay', { count }));
    const closed = t('app.planning.cell.closed');
    const noArrival = t('app.planning.cell.closedToArrival');
    const noDeparture = t('app.planning.cell.closedToDeparture');
    const loading = t('app.loading');
    return {
      closed: t('app.planning.cell.closedShort'),
      free: (count) => (count < 0 ? `−${-count}` : String(count)),
      rate: rateText,
      minStay: remembered((nights: number) => t('app.planning.cell.minStayShort', { count: nights })),
      label(room, column, availability) {
        const parts = [nightName(column.night), room];
        if (!availability) return [...parts, loading].join(', ');
        if (availability.closed) parts.push(closed);
        else if (availability.free < 0) parts.push(overbooked(-availability.free));
        else parts.push(free(availability.free));
        parts.push(rateText(availability.rateCents));
        if (availability.minStay > 1) parts.push(minStay(availability.minStay));
        if (availability.closedToArrival) parts.push(noArrival);
        if (availability.closedToDeparture) parts.push(noDeparture);
        return parts.join(', ');
      },
    };
  }, [t, rate, night]);
}
