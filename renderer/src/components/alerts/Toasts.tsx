import { useTranslation } from 'react-i18next';
import type { AlertKind } from '../../../../shared/domain';
import { formatRoute } from '../../routes';
import { useSlice, useStores } from '../../store/StoreContext';
import { useAlertText } from './useAlertText';

/** What cannot wait: an overbooking or a cancellation interrupts; the rest is said politely. */
const URGENT: AlertKind[] = ['overbooking', 'cancellation', 'suspiciousFeed', 'partnerRefused', 'partnerModification', 'unmappedRoom', 'partnerCredentials', 'partnerCredentialsRemoved'];

/** Alerts pushed while the page is open, in a corner, until closed (news fades on its own). */
export function Toasts() {
  const { t } = useTranslation();
  const stores = useStores();
  const text = useAlertText();
  const ids = useSlice('alerts', (state) => state.toasts);
  const alerts = useSlice('alerts', (state) => state.alerts);
  const shown = ids.map((id) => alerts.find((a) => a.id === id)).filter((a) => a !== undefined);

  return (
    <section className="toasts" aria-label={t('app.alerts.toasts')}>
      {shown.map((alert) => (
        <div key={alert.id} className={`toast toast--${alert.kind}`} role={URGENT.includes(alert.kind) ? 'alert' : 'status'}>
          <p className="toast__title">{t(`app.alerts.kinds.${alert.kind}`)}</p>
          <p>{text(alert)}</p>
          <div className="button-row">
            {alert.reservationIds[0] !== undefined && (
              <a href={formatRoute({ view: 'file', id: alert.reservationIds[0] })} onClick={() => stores.alerts.getState().closeToast(alert.id)}>
                {t('app.alerts.openFile', { id: alert.reservationIds[0] })}
              </a>
            )}
            <button type="button" onClick={() => void stores.alerts.getState().dismiss(alert.id)}>
              {t('app.alerts.dismiss')}
            </button>
            <button type="button" onClick={() => stores.alerts.getState().closeToast(alert.id)} aria-label={t('app.alerts.closeToast')}>
              ×
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
