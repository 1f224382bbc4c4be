import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Api } from '../../shared/api';
import type { Language } from '../../shared/i18n';
import { createI18n } from '../../renderer/src/i18n';
import { Root } from '../../renderer/src/Root';
import { createAppStore } from '../../renderer/src/store/appStore';
import { fakeEvents } from './fakes';

/** Renders the whole page, exactly as main.tsx does, over a fake Api and fake events. */
export function renderPage(api: Api, language: Language = 'fr') {
  const events = fakeEvents();
  const store = createAppStore(api, events);
  const i18n = createI18n(language);
  const user = userEvent.setup();
  const view = render(<Root store={store} i18n={i18n} />);
  return { ...view, store, events, i18n, user };
}
