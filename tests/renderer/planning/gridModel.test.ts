import { describe, expect, it } from 'vitest';
import { columnsOf, layoutRows, monthBands, rowHeight } from '../../../renderer/src/planning/gridModel';
import { undoSteps } from '../../../renderer/src/planning/undo';
import { reservation, unit } from '../fakes';

describe('columnsOf', () => {
  it('labels each night with its weekday and day, weekends marked, across a month end and a leap day', () => {
    const columns = columnsOf('2028-02-27', 4, 'fr-FR');
    expect(columns.map((c) => [c.night, c.weekday, c.day, c.weekend])).toEqual([
      ['2028-02-27', 'dim.', '27', true],
      ['2028-02-28', 'lun.', '28', false],
      ['2028-02-29', 'mar.', '29', false],
      ['2028-03-01', 'mer.', '1', false],
    ]);
  });

  it('groups the nights into month bands named in the language of the page', () => {
    const bands = monthBands(columnsOf('2026-07-30', 4, 'en-GB'), 'en-GB');
    expect(bands).toEqual([
      { key: '2026-07', first: 0, length: 2, label: 'July 2026' },
      { key: '2026-08', first: 2, length: 2, label: 'August 2026' },
    ]);
  });
});

describe('layoutRows', () => {
  it('puts stays that share nights on separate lanes, and a stay after a departure back on the first', () => {
    const stays = [
      reservation({ id: 1, unitId: 1, arrival: '2026-07-01', departure: '2026-07-04' }),
      reservation({ id: 2, unitId: 1, arrival: '2026-07-03', departure: '2026-07-05' }),
      // Arrives the day the first leaves: no shared night.
      reservation({ id: 3, unitId: 1, arrival: '2026-07-04', departure: '2026-07-06' }),
      reservation({ id: 4, unitId: 2, arrival: '2026-06-28', departure: '2026-07-02' }),
    ];
    const [first, second] = layoutRows([unit({ id: 1, name: 'A' }), unit({ id: 2, name: 'B' })], stays, '2026-07-01');
    expect(first!.bars.map((b) => [b.stay.id, b.start, b.end, b.lane])).toEqual([
      [1, 0, 3, 0],
      [2, 2, 4, 1],
      [3, 3, 5, 0],
    ]);
    expect(first!.lanes).toBe(2);
    expect(second!.bars.map((b) => [b.start, b.end])).toEqual([[-3, 1]]);
    expect(rowHeight(2)).toBeGreaterThan(rowHeight(1));
  });
});

describe('undoSteps', () => {
  const override = (unitId: number, night: string, fields: object) => ({
    unitId,
    night,
    rateCents: null,
    stock: null,
    minStay: null,
    closedToArrival: null,
    closedToDeparture: null,
    closed: null,
    ...fields,
  });

  it('puts back only the fields the edit changed, night by night, in as few calls as possible', () => {
    const nights = ['2026-07-10', '2026-07-11', '2026-07-12', '2026-07-13'];
    const previous = [override(1, '2026-07-12', { rateCents: 9000, minStay: 2 }), override(1, '2026-07-13', { rateCents: 9000 }), override(2, '2026-07-12', { rateCents: 9000 }), override(2, '2026-07-13', { rateCents: 9000 })];
    expect(undoSteps([1, 2], nights, previous, ['rateCents'])).toEqual([
      { unitIds: [1, 2], firstNight: '2026-07-10', lastNight: '2026-07-11', changes: { rateCents: null } },
      { unitIds: [1, 2], firstNight: '2026-07-12', lastNight: '2026-07-13', changes: { rateCents: 9000 } },
    ]);
  });

  it('restores several fields together where the nights agree on all of them', () => {
    const previous = [override(1, '2026-07-11', { closed: true, stock: 0 })];
    expect(undoSteps([1], ['2026-07-10', '2026-07-11'], previous, ['closed', 'stock'])).toEqual([
      { unitIds: [1], firstNight: '2026-07-10', lastNight: '2026-07-10', changes: { closed: null, stock: null } },
      { unitIds: [1], firstNight: '2026-07-11', lastNight: '2026-07-11', changes: { closed: true, stock: 0 } },
    ]);
  });
});
