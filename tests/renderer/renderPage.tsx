import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Api } from '../../shared/api';
import type { Language } from '../../shared/i18n';
import { createI18n } from '../../renderer/src/i18n';
import { Root } from '../../renderer/src/Root';
import { createStores, type StoreOptions } from '../../renderer/src/store/createStores';
import { fakeEvents } from './fakes';

/** "Now" in every page test unless one says otherwise: a Wednesday morning in July, in Paris. */
export const NOW = '2026-07-08T08:00:00.000Z';

/** Renders the whole page, exactly as main.tsx does, over a fake Api and fake events. */
export function renderPage(api: Api, language: Language = 'fr', options: StoreOptions = {}) {
  const events = fakeEvents();
  const stores = createStores(api, events, { now: () => new Date(NOW), ...options });
  const i18n = createI18n(language);
  const user = userEvent.setup();
  const view = render(<Root stores={stores} i18n={i18n} />);
  return { ...view, stores, store: stores.app, events, i18n, user };
}
