import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView } from '../../../../../shared/alma';
import { DEFAULT_TIME_ZONE } from '../../../../../shared/domain';
import { nightAt } from '../../../../../shared/nights';
import { useFormatters } from '../../../format';
import { useAppStore } from '../../../store/StoreContext';

/**
 * The request is with Alma Heritage: when it was sent, and the date by which the connection
 * e-mail and the contract should arrive (7 working days, computed by the main process); past
 * that date, who to call.
 */
export function AlmaPendingCard({ view }: { view: AlmaConnectionView }) {
  const { t } = useTranslation();
  const { night } = useFormatters();
  const timeZone = useAppStore((state) => state.property?.timeZone ?? DEFAULT_TIME_ZONE);
  const today = useAppStore((state) => state.today);
  const requestedOn = nightAt(new Date(view.requestedAt), timeZone);
  const late = view.stage === 'requested' && today > view.expectedBy;

  return (
    <div className="alma-pending">
      <header className="connection__head">
        <h4>{t('alma.pending.heading')}</h4>
        <span className="state-badge state-badge--pending">{t(`alma.stages.${view.stage}`)}</span>
      </header>
      <p>{t('alma.pending.requested', { date: night(requestedOn) })}</p>
      <p>{t('alma.pending.expected', { date: night(view.expectedBy) })}</p>
      {late && <p className="notice">{t('alma.pending.late')}</p>}
    </div>
  );
}
