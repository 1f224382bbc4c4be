import { useTranslation } from 'react-i18next';
import { useSlice, useStores } from '../../store/StoreContext';
import { AlertItem } from './AlertItem';

/** Open alerts first; the dismissed ones stay readable below. */
export function AlertsPage() {
  const { t } = useTranslation();
  const stores = useStores();
  const alerts = useSlice('alerts', (state) => state.alerts);
  const loaded = useSlice('alerts', (state) => state.loaded);
  const open = alerts.filter((a) => a.dismissedAt === null);
  const earlier = alerts.filter((a) => a.dismissedAt !== null);

  return (
    <section aria-labelledby="alerts-heading" aria-busy={!loaded}>
      <h2 id="alerts-heading">{t('app.alerts.heading')}</h2>
      {loaded && open.length === 0 && <p>{t('app.alerts.empty')}</p>}
      <div className="alert-list">
        {open.map((alert) => (
          <AlertItem key={alert.id} alert={alert} onDismiss={() => void stores.alerts.getState().dismiss(alert.id)} />
        ))}
      </div>
      {earlier.length > 0 && (
        <details className="alerts-earlier">
          <summary>{t('app.alerts.earlier', { count: earlier.length })}</summary>
          <div className="alert-list">
            {earlier.map((alert) => (
              <AlertItem key={alert.id} alert={alert} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
