/**
 * The planning grid's geometry and layout, as pure functions: the columns (one per night) with
 * their labels, the month bands of the header, and each room's stays placed on lanes so that
 * stays sharing nights (stock above one, or an overbooking) never hide one another.
 */
import type { Reservation, Unit } from '../../../shared/domain';
import { addDays, daysBetween, weekday, type Night } from '../../../shared/nights';

export const COLUMN_WIDTH = 56;
export const LABEL_WIDTH = 184;
export const MONTH_BAND_HEIGHT = 24;
export const HEADER_HEIGHT = 60;
export const LANE_HEIGHT = 24;
export const INFO_HEIGHT = 38;
export const ROW_PADDING = 4;

export function rowHeight(lanes: number): number {
  return ROW_PADDING * 2 + Math.max(1, lanes) * LANE_HEIGHT + INFO_HEIGHT;
}

export interface ColumnInfo {
  night: Night;
  day: string;
  weekday: string;
  weekend: boolean;
}

const utcDate = (night: Night) => new Date(`${night}T00:00:00Z`);

/**
 * One entry per night of the grid. Intl formats in UTC from the night's own date, so the
 * machine's zone never shifts a label; weekdays are counted on from the first night rather than
 * computed per column.
 */
export function columnsOf(firstNight: Night, days: number, locale: string): ColumnInfo[] {
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const names = new Map<number, string>();
  let isoWeekday = weekday(firstNight);
  const columns: ColumnInfo[] = [];
  let night = firstNight;
  for (let i = 0; i < days; i++) {
    if (!names.has(isoWeekday)) names.set(isoWeekday, weekdayName.format(utcDate(night)));
    columns.push({ night, day: String(Number(night.slice(8, 10))), weekday: names.get(isoWeekday)!, weekend: isoWeekday >= 6 });
    night = addDays(night, 1);
    isoWeekday = (isoWeekday % 7) + 1;
  }
  return columns;
}

export interface MonthBand {
  key: string;
  first: number;
  length: number;
  label: string;
}

export function monthBands(columns: ColumnInfo[], locale: string): MonthBand[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const bands: MonthBand[] = [];
  columns.forEach((column, index) => {
    const key = column.night.slice(0, 7);
    const last = bands[bands.length - 1];
    if (last && last.key === key) last.length++;
    else bands.push({ key, first: index, length: 1, label: format.format(utcDate(column.night)) });
  });
  return bands;
}

export interface Bar {
  stay: Reservation;
  /** First column of the stay (may be before the grid: negative). */
  start: number;
  /** Column after its last night. */
  end: number;
  lane: number;
}

export interface RowLayout {
  unit: Unit;
  bars: Bar[];
  lanes: number;
}

/**
 * Column of each night of the grid, looked up rather than computed: laying out a year of stays
 * would otherwise cost two date computations per stay every time a file changes.
 */
export function columnFinder(columns: ColumnInfo[], firstNight: Night): (night: Night) => number {
  const index = new Map(columns.map((column, i) => [column.night, i]));
  return (night) => index.get(night) ?? daysBetween(firstNight, night);
}

/** Each room's stays as bars on lanes: a stay takes the first lane free over all its nights. */
export function layoutRows(units: Unit[], stays: Reservation[], firstNight: Night, columnOf: (night: Night) => number = (night) => daysBetween(firstNight, night)): RowLayout[] {
  const byUnit = new Map<number, Reservation[]>();
  for (const stay of stays) byUnit.set(stay.unitId, [...(byUnit.get(stay.unitId) ?? []), stay]);
  return units.map((unit) => {
    const sorted = (byUnit.get(unit.id) ?? []).slice().sort((a, b) => (a.arrival < b.arrival ? -1 : a.arrival > b.arrival ? 1 : a.id - b.id));
    const laneEnds: number[] = [];
    const bars = sorted.map((stay) => {
      const start = columnOf(stay.arrival);
      const end = columnOf(stay.departure);
      let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = end;
      return { stay, start, end, lane };
    });
    return { unit, bars, lanes: Math.max(1, laneEnds.length) };
  });
}

/** The column a bar is drawn from: its first night, or the first column drawn when it started earlier. */
export function hostColumn(bar: Bar, firstDrawn: number): number {
  return Math.max(bar.start, firstDrawn);
}
