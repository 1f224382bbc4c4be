import { memo, type CSSProperties } from 'react';
import { COLUMN_WIDTH, LANE_HEIGHT, ROW_PADDING, type Bar } from '../../planning/gridModel';
import type { BarView } from './useBarText';

const GAP = 3;

/**
 * One file on the planning, across its nights: the guest's name on the source's colour and
 * letter. On request, blocks, files needing attention and overbooked ones each look different,
 * and say so in words to a screen reader. Drawn from its host cell (its first night, or the
 * first night drawn when it began earlier), so `host` is the column it is measured from.
 */
export const StayBar = memo(function StayBar({ bar, host, view, onOpen }: { bar: Bar; host: number; view: BarView; onOpen(id: number): void }) {
  const { stay } = bar;
  const classes = ['bar', `bar--${stay.status}`, stay.kind === 'block' && 'bar--block', view.flagged && 'bar--flagged', view.overbooked && 'bar--overbooked'];
  const style = {
    left: (bar.start - host) * COLUMN_WIDTH + GAP,
    width: (bar.end - bar.start) * COLUMN_WIDTH - GAP * 2,
    top: ROW_PADDING + bar.lane * LANE_HEIGHT,
    height: LANE_HEIGHT - 3,
    '--source': view.look.colour,
  } as CSSProperties;

  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      style={style}
      data-reservation={stay.id}
      aria-label={view.label}
      title={view.label}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={() => onOpen(stay.id)}
    >
      <span className="bar__letter" aria-hidden="true">
        {view.look.letter}
      </span>
      <span className="bar__name">{view.name}</span>
      {(view.flagged || view.overbooked) && (
        <span className="bar__flag" aria-hidden="true">
          !
        </span>
      )}
    </button>
  );
});
