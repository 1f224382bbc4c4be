import type { i18n } from 'i18next';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { App } from './components/App';
import type { AppStore } from './store/appStore';
import { StoreProvider } from './store/StoreContext';

/** The whole page with what it depends on passed in: main.tsx gives the real ones, tests fakes. */
export function Root({ store, i18n }: { store: AppStore; i18n: i18n }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store}>
          <App />
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
