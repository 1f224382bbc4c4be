import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../store/StoreContext';
import { LanguageSwitch } from './LanguageSwitch';

/** Refresh stays enabled while loading: the store folds repeated requests into one more read. */
export function AppHeader() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const property = useAppStore((state) => state.property);
  const propertyLoaded = useAppStore((state) => state.loaded.property);

  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1>{property?.name ?? t('app.title')}</h1>
        {propertyLoaded && !property && <p className="first-run">{t('app.firstRun')}</p>}
      </div>
      <div className="app-header__tools">
        <button type="button" onClick={() => void store.getState().loadAll()}>
          {t('app.refresh')}
        </button>
        <LanguageSwitch />
      </div>
    </header>
  );
}
