import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reservation } from '../../../../shared/domain';
import type { SourceLook } from '../../channels/sourceLook';
import { useFormatters } from '../../format';
import type { Bar } from '../../planning/gridModel';
import { useSources } from '../common/useSources';

export interface BarView {
  name: string;
  /** Everything the bar shows or means, in words, for screen readers and the tooltip. */
  label: string;
  look: SourceLook;
  flagged: boolean;
  overbooked: boolean;
}

/**
 * The words and looks of the planning's bars, made in one place for all of them (a bar is drawn
 * afresh at each scroll step, so it must not build formatters or subscribe on its own).
 */
export function useBarText(): (bar: Bar) => BarView {
  const { t } = useTranslation();
  const { shortNight } = useFormatters();
  const sources = useSources();
  return useMemo(() => {
    const nameOf = (stay: Reservation) => (stay.kind === 'block' ? t('app.planning.bar.block') : (stay.guestName ?? t('app.reservations.noGuestName')));
    return ({ stay, start, end }) => {
      const overbooked = stay.flags.includes('overbooked');
      const flagged = stay.flags.some((f) => f !== 'overbooked');
      const name = nameOf(stay);
      const states = [
        stay.status === 'pending' ? t('app.planning.bar.pending') : null,
        flagged ? t('app.planning.bar.flagged') : null,
        overbooked ? t('app.planning.bar.overbooked') : null,
      ].filter(Boolean);
      const label = t('app.planning.bar.label', { guest: name, source: sources.name(stay), arrival: shortNight(stay.arrival), departure: shortNight(stay.departure), count: end - start });
      return { name, label: [label, ...states].join(', '), look: sources.look(stay), flagged, overbooked };
    };
  }, [t, shortNight, sources]);
}
