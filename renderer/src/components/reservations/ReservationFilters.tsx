import { useTranslation } from 'react-i18next';
import { RESERVATION_STATUSES, type ReservationStatus } from '../../../../shared/domain';
import { useSlice, useStores } from '../../store/StoreContext';
import { useSources } from '../common/useSources';

/** Search, status, source, period and "needs attention": each applies as soon as it changes. */
export function ReservationFilters() {
  const { t } = useTranslation();
  const stores = useStores();
  const filters = useSlice('reservations', (state) => state.filters);
  const sources = useSources();
  const setFilters = stores.reservations.getState().setFilters;

  const toggleStatus = (status: ReservationStatus, on: boolean) =>
    setFilters({ statuses: on ? [...filters.statuses, status] : filters.statuses.filter((s) => s !== status) });
  const sourceValue = String(filters.source);

  return (
    <form className="filters" role="search" aria-label={t('app.files.filters')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="files-search">{t('app.files.search')}</label>
        <input id="files-search" type="search" value={filters.search} placeholder={t('app.files.searchPlaceholder')} onChange={(e) => setFilters({ search: e.target.value })} />
      </div>
      <fieldset className="filters__statuses">
        <legend>{t('app.reservations.status')}</legend>
        {RESERVATION_STATUSES.map((status) => (
          <label key={status} className="checkbox">
            <input type="checkbox" checked={filters.statuses.includes(status)} onChange={(e) => toggleStatus(status, e.target.checked)} />
            {t(`statuses.${status}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="files-source">{t('app.reservations.source')}</label>
        <select
          id="files-source"
          value={sourceValue}
          onChange={(e) => setFilters({ source: e.target.value === 'all' || e.target.value === 'direct' ? e.target.value : Number(e.target.value) })}
        >
          <option value="all">{t('app.files.allSources')}</option>
          <option value="direct">{t('app.reservations.direct')}</option>
          {[...sources.connections.values()].map((connection) => (
            <option key={connection.id} value={connection.id}>
              {connection.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="files-from">{t('app.files.from')}</label>
        <input id="files-from" type="date" value={filters.firstNight} onChange={(e) => setFilters({ firstNight: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="files-to">{t('app.files.to')}</label>
        <input id="files-to" type="date" value={filters.lastNight} onChange={(e) => setFilters({ lastNight: e.target.value })} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filters.needsAttention} onChange={(e) => setFilters({ needsAttention: e.target.checked })} />
        {t('app.files.needsAttention')}
      </label>
      <button type="button" onClick={() => stores.reservations.getState().showAll()}>
        {t('app.files.showAll')}
      </button>
    </form>
  );
}
