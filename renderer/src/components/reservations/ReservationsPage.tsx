import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n';
import { useSlice, useStores } from '../../store/StoreContext';
import { ReservationFilters } from './ReservationFilters';
import { ReservationTable } from './ReservationTable';

/** Every file, filtered; a new direct booking; the accountant's CSV. */
export function ReservationsPage() {
  const { t, i18n } = useTranslation();
  const stores = useStores();
  const items = useSlice('reservations', (state) => state.items);
  const total = useSlice('reservations', (state) => state.total);
  const loaded = useSlice('reservations', (state) => state.loaded);
  const exporting = useSlice('reservations', (state) => state.exporting);

  useEffect(() => stores.reservations.getState().ensureLoaded(), [stores]);
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  return (
    <section aria-labelledby="reservations-heading" aria-busy={!loaded}>
      <div className="page-heading">
        <h2 id="reservations-heading">{t('app.reservations.heading')}</h2>
        <div className="page-heading__tools">
          <button type="button" disabled={exporting} onClick={() => void stores.reservations.getState().exportCsv(language)}>
            {t('app.files.export')}
          </button>
          <button type="button" className="primary" onClick={() => stores.nav.getState().go({ view: 'newBooking' })}>
            {t('app.planning.newBooking')}
          </button>
        </div>
      </div>
      <ReservationFilters />
      <div role="status" className="list-note">
        {loaded && (total > items.length ? t('app.reservations.shown', { shown: items.length, total }) : t('app.files.count', { count: total }))}
      </div>
      {!loaded ? <p>{t('app.loading')}</p> : items.length === 0 ? <p>{t('app.files.empty')}</p> : <ReservationTable files={items} />}
    </section>
  );
}
