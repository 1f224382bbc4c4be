import { useTranslation } from 'react-i18next';
import type { OverallSyncState } from '../../../shared/sync';
import { useFormatters } from '../format';
import { useSlice, useStores } from '../store/StoreContext';

const ICONS: Record<OverallSyncState, string> = { inStep: '●', syncing: '↻', failing: '▲', conflict: '◆', paused: 'Ⅱ' };

/** Always in view: in step, syncing (with progress), failing, conflict or paused — and Sync now. */
export function StatusBar() {
  const { t } = useTranslation();
  const { instant } = useFormatters();
  const stores = useStores();
  const status = useSlice('sync', (state) => state.status);
  const progress = useSlice('sync', (state) => state.progress);
  const available = useSlice('sync', (state) => state.available);
  const busy = useSlice('sync', (state) => state.busy);
  const openAlerts = useSlice('alerts', (state) => state.alerts.filter((a) => a.dismissedAt === null).length);

  const overall = status?.overall;
  const failing = (status?.connections ?? []).filter((c) => c.state === 'failing').map((c) => c.name);
  const message = !available
    ? t('app.status.unavailable')
    : !overall
      ? t('app.loading')
      : overall === 'failing'
        ? t('app.status.failing', { names: failing.join(', '), count: failing.length })
        : t(`app.status.${overall}`);

  return (
    <footer className={`status-bar${overall ? ` status-bar--${overall}` : ''}`}>
      <div role="status" className="status-bar__state">
        {overall && (
          <span className="status-bar__icon" aria-hidden="true">
            {ICONS[overall]}
          </span>
        )}
        <span>{message}</span>
        {overall === 'syncing' && progress && progress.total > 0 && (
          <>
            <progress max={progress.total} value={progress.done} aria-label={t('app.status.progressLabel')} />
            <span>{t('app.status.progress', { done: progress.done, total: progress.total })}</span>
          </>
        )}
        {status?.lastRoundAt && overall !== 'syncing' && <span className="status-bar__last">{t('app.status.lastRound', { time: instant(status.lastRoundAt) })}</span>}
      </div>
      <div className="status-bar__tools">
        {openAlerts > 0 && <a href="#/alerts">{t('app.status.alerts', { count: openAlerts })}</a>}
        {available && (
          <button type="button" disabled={busy || overall === 'syncing'} onClick={() => void stores.sync.getState().syncNow()}>
            {t('app.status.syncNow')}
          </button>
        )}
      </div>
    </footer>
  );
}
