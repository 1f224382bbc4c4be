import { createRoot } from 'react-dom/client';
import { createApi } from './api/createApi';
import { pickTransport } from './api/pickTransport';
import { createI18n, initialLanguage, rememberLanguage } from './i18n';
import { Root } from './Root';
import { createStores } from './store/createStores';
import './styles.css';

const transport = pickTransport();
const stores = createStores(createApi(transport), transport);

const storage = safeLocalStorage();
const i18n = createI18n(initialLanguage(storage, navigator.languages));
rememberLanguage(i18n, storage);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(<Root stores={stores} i18n={i18n} />);

/** Reading `localStorage` itself throws when the browser blocks storage. */
function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
