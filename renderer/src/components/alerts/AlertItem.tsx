import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain';
import { formatRoute } from '../../routes';
import { useFormatters } from '../../format';
import { useAlertText } from './useAlertText';

/** One alert: its kind, what happened, when, the files it concerns; dismissable while open. */
export function AlertItem({ alert, onDismiss }: { alert: Alert; onDismiss?: () => void }) {
  const { t } = useTranslation();
  const { instant } = useFormatters();
  const text = useAlertText();
  return (
    <article className={`alert alert--${alert.kind}${alert.dismissedAt ? ' alert--dismissed' : ''}`}>
      <h3>{t(`app.alerts.kinds.${alert.kind}`)}</h3>
      <p>{text(alert)}</p>
      <p className="alert__meta">
        <time dateTime={alert.createdAt}>{instant(alert.createdAt)}</time>
        {alert.reservationIds.map((id) => (
          <a key={id} href={formatRoute({ view: 'file', id })}>
            {t('app.alerts.openFile', { id })}
          </a>
        ))}
      </p>
      {onDismiss && !alert.dismissedAt && (
        <button type="button" onClick={onDismiss}>
          {t('app.alerts.dismiss')}
        </button>
      )}
    </article>
  );
}
