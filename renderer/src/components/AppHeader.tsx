import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/StoreContext';
import { LanguageSwitch } from './LanguageSwitch';
import { Nav } from './Nav';

export function AppHeader() {
  const { t } = useTranslation();
  const property = useAppStore((state) => state.property);

  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1>{property?.name ?? t('app.title')}</h1>
      </div>
      {property && <Nav />}
      <div className="app-header__tools">
        <LanguageSwitch />
      </div>
    </header>
  );
}
