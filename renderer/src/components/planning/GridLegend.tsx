import { useTranslation } from 'react-i18next';

const SWATCHES = ['confirmed', 'pending', 'block', 'flagged', 'overbooked', 'weekend', 'closed', 'cta', 'ctd'] as const;

/** What each look of the planning means, in words. */
export function GridLegend() {
  const { t } = useTranslation();
  return (
    <details className="legend">
      <summary>{t('app.planning.legend.heading')}</summary>
      <ul>
        {SWATCHES.map((swatch) => (
          <li key={swatch}>
            <span className={`legend__swatch legend__swatch--${swatch}`} aria-hidden="true" />
            {t(`app.planning.legend.${swatch}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}
