import { useTranslation } from 'react-i18next';
import { useSlice, useStores } from '../../store/StoreContext';

/**
 * Pause, resume and remove one connection. Removing keeps its reservation files and stops its
 * outgoing links, so the owner confirms it first.
 */
export function ConnectionActions({ connectionId, name, paused }: { connectionId: number; name: string; paused: boolean }) {
  const { t } = useTranslation();
  const stores = useStores();
  const loopPaused = useSlice('sync', (state) => state.status?.paused ?? false);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      await stores.sync.getState().load();
    } catch (error) {
      stores.app.getState().report(error);
    }
  }

  const connections = stores.connections.getState();
  const resume = paused && !loopPaused;
  return (
    <div className="connection__actions">
      <button
        type="button"
        aria-label={`${resume ? t('channels.manage.resume') : t('channels.manage.pause')} — ${name}`}
        onClick={() => void run(() => connections.update({ id: connectionId, status: resume ? 'active' : 'paused' }))}
      >
        {resume ? t('channels.manage.resume') : t('channels.manage.pause')}
      </button>
      <button
        type="button"
        aria-label={`${t('channels.manage.remove')} — ${name}`}
        onClick={() => {
          if (window.confirm(t('channels.manage.confirmRemove'))) void run(() => connections.remove(connectionId));
        }}
      >
        {t('channels.manage.remove')}
      </button>
    </div>
  );
}
