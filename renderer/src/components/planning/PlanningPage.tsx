import { useTranslation } from 'react-i18next';
import { useAppStore, useStores } from '../../store/StoreContext';
import { GridLegend } from './GridLegend';
import { PlanningGrid } from './PlanningGrid';
import { RANGE_FIRST_FIELD_ID, RangePanel } from './RangePanel';

/** The owner's daily view: the grid of rooms and nights, with its side panel. */
export function PlanningPage() {
  const { t } = useTranslation();
  const stores = useStores();
  const units = useAppStore((state) => state.units);
  const unitsLoaded = useAppStore((state) => state.loaded.units);

  // After the panel has drawn the selection's form.
  const focusPanel = () => setTimeout(() => document.getElementById(RANGE_FIRST_FIELD_ID)?.focus(), 0);

  return (
    <section className="planning" aria-labelledby="planning-heading">
      <div className="page-heading">
        <h2 id="planning-heading">{t('app.planning.heading')}</h2>
        <div className="page-heading__tools">
          <GridLegend />
          <button type="button" className="primary" onClick={() => stores.nav.getState().go({ view: 'newBooking' })}>
            {t('app.planning.newBooking')}
          </button>
        </div>
      </div>
      {!unitsLoaded ? (
        <p>{t('app.loading')}</p>
      ) : units.length === 0 ? (
        <p>
          {t('app.planning.noRooms')}{' '}
          <a href="#/settings">{t('app.nav.settings')}</a>
        </p>
      ) : (
        <div className="planning__body">
          <PlanningGrid onEdit={focusPanel} />
          <RangePanel />
        </div>
      )}
    </section>
  );
}
