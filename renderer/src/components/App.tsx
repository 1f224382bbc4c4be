import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '../store/StoreContext';
import { AppHeader } from './AppHeader';
import { ErrorBanner } from './ErrorBanner';
import { ReservationList } from './ReservationList';
import { UnitList } from './UnitList';

export function App() {
  const store = useAppStoreApi();
  const { t, i18n } = useTranslation();

  useEffect(() => store.getState().start(), [store]);

  // Screen readers pick their voice from the document's language, not from i18next.
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);

  return (
    <>
      <AppHeader />
      <main className="page">
        <ErrorBanner />
        <UnitList />
        <ReservationList />
      </main>
    </>
  );
}
