import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView } from '../../../../../shared/alma';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { useFormatters } from '../../../format';
import { useSlice, useStores } from '../../../store/StoreContext';
import { useErrorText } from '../../common/useErrorText';
import { AlmaLiveSettings } from './AlmaLiveSettings';
import { AlmaProblems } from './AlmaProblems';
import { CommissionEditor } from './CommissionEditor';

/**
 * The channel once activated: what waits to go out, when it last sent and read, the last error
 * in words (with Alma Heritage's own code and text), when it tries again; "Resend everything",
 * the connection details and the rooms to correct, the commission, and pause, resume or remove.
 * Pausing stops selling there (Alma Heritage shows the rooms as unavailable) while the bookings
 * already made still come in, so it is confirmed first.
 */
export function AlmaLiveCard({ view }: { view: AlmaConnectionView }) {
  const { t } = useTranslation();
  const { instant, locale } = useFormatters();
  const errorText = useErrorText();
  const stores = useStores();
  const busy = useSlice('alma', (state) => state.busy);
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);
  const [resent, setResent] = useState(false);
  const { sync } = view;
  const paused = view.connection.status === 'paused';
  const never = t('alma.active.never');
  const failing = sync.failingSince !== null;

  async function act(run: () => Promise<ApiErrorBody | null>) {
    const problem = await run();
    setRefusal(problem);
    return problem === null;
  }

  return (
    <article className={`connection${failing ? ' connection--failing' : ''}`} aria-labelledby="alma-live-heading">
      <header className="connection__head">
        <h4 id="alma-live-heading">{view.connection.name}</h4>
        <span className={`state-badge state-badge--${paused ? 'paused' : failing ? 'failing' : 'ok'}`}>{t(`alma.stages.${view.stage}`)}</span>
      </header>
      {paused && <p className="notice">{t('alma.active.paused')}</p>}
      <dl className="connection__facts">
        <div>
          <dt>{t('alma.active.waiting')}</dt>
          <dd>{sync.waiting}</dd>
        </div>
        <div>
          <dt>{t('alma.active.lastPush')}</dt>
          <dd>{sync.lastPushAt ? instant(sync.lastPushAt) : never}</dd>
        </div>
        <div>
          <dt>{t('alma.active.lastPull')}</dt>
          <dd>{sync.lastPullAt ? instant(sync.lastPullAt) : never}</dd>
        </div>
        {sync.failingSince && (
          <div>
            <dt>{t('alma.active.failingSince')}</dt>
            <dd>{instant(sync.failingSince)}</dd>
          </div>
        )}
        {sync.nextAttemptAt && (
          <div>
            <dt>{t('alma.active.nextAttempt')}</dt>
            <dd>{instant(sync.nextAttemptAt)}</dd>
          </div>
        )}
        {sync.unacknowledged > 0 && (
          <div>
            <dt>{t('alma.active.unacknowledged')}</dt>
            <dd>{sync.unacknowledged}</dd>
          </div>
        )}
      </dl>
      {sync.lastError && (
        <p className="connection__error" role="note">
          <strong>{t('alma.active.lastError')}</strong> {errorText(sync.lastError, 'internal')}
        </p>
      )}
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void act(() => stores.alma.getState().resendAll()).then(setResent)}>
          {t('alma.active.resend')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (paused || window.confirm(t('alma.active.confirmPause'))) void act(() => stores.alma.getState().setPaused(!paused));
          }}
        >
          {paused ? t('alma.active.resume') : t('alma.active.pause')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('channels.manage.confirmRemove'))) void act(() => stores.alma.getState().remove());
          }}
        >
          {t('channels.manage.remove')}
        </button>
      </div>
      {resent && <p role="status">{t('alma.active.resent')}</p>}
      <AlmaProblems refusal={refusal} />
      <AlmaLiveSettings view={view} />
      {/* Keyed by the language too: the figure is written with that language's decimal mark. */}
      <CommissionEditor key={`${view.commissionBasisPoints}|${locale}`} basisPoints={view.commissionBasisPoints} />
    </article>
  );
}
