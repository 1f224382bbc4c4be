import { useTranslation } from 'react-i18next';
import { formatRoute, sectionOf, type View } from '../routes';
import { useSlice } from '../store/StoreContext';

const ENTRIES: View[] = ['planning', 'reservations', 'channels', 'payouts', 'alerts', 'settings'];

/** The main views; the current one is marked for screen readers too. */
export function Nav() {
  const { t } = useTranslation();
  const section = useSlice('nav', (state) => sectionOf(state.route.view));
  const openAlerts = useSlice('alerts', (state) => state.alerts.filter((a) => a.dismissedAt === null).length);
  return (
    <nav className="main-nav" aria-label={t('app.nav.label')}>
      <ul>
        {ENTRIES.map((view) => (
          <li key={view}>
            <a href={formatRoute({ view } as never)} aria-current={section === view ? 'page' : undefined}>
              {t(`app.nav.${view}` as 'app.nav.planning')}
              {view === 'alerts' && openAlerts > 0 && (
                <span className="count-badge" aria-label={t('app.nav.openAlerts', { count: openAlerts })}>
                  {openAlerts}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
