import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useSlice, useStores } from '../store/StoreContext';
import { Toasts } from './alerts/Toasts';
import { AppHeader } from './AppHeader';
import { CurrentView } from './CurrentView';
import { ErrorBanner } from './ErrorBanner';
import { StatusBar } from './StatusBar';
import { Welcome } from './welcome/Welcome';

export function App() {
  const stores = useStores();
  const { t, i18n } = useTranslation();
  const property = useAppStore((state) => state.property);
  const propertyLoaded = useAppStore((state) => state.loaded.property);
  const route = useSlice('nav', (state) => state.route);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => stores.start(), [stores]);

  // Screen readers pick their voice from the document's language, not from i18next.
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('app.nav.skip')}
      </button>
      <AppHeader />
      <main className="page" ref={mainRef} tabIndex={-1}>
        <ErrorBanner />
        {!propertyLoaded ? <p>{t('app.loading')}</p> : property ? <CurrentView route={route} /> : <Welcome />}
      </main>
      {property && <StatusBar />}
      <Toasts />
    </div>
  );
}
