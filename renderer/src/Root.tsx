import type { i18n } from 'i18next';
import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { App } from './components/App';
import type { Stores } from './store/createStores';
import { StoreProvider } from './store/StoreContext';

/** The whole page with what it depends on passed in: main.tsx gives the real ones, tests fakes. */
export function Root({ stores, i18n }: { stores: Stores; i18n: i18n }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider stores={stores}>
          <App />
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
