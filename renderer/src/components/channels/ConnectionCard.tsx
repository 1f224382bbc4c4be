import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import type { OutgoingFeedLink } from '../../../../shared/outgoingFeeds';
import type { ConnectionSyncStatus } from '../../../../shared/sync';
import { CHANNEL_LOOKS } from '../../channels/sourceLook';
import { useFormatters } from '../../format';
import { useSlice, useStores } from '../../store/StoreContext';
import { useErrorText } from '../common/useErrorText';
import { ConnectionActions } from './ConnectionActions';
import { FeedLinks } from './FeedLinks';

/** One channel connection: its state, last and next sync, why it fails in plain words, Sync now. */
export function ConnectionCard({ connection, links }: { connection: ConnectionSyncStatus; links: OutgoingFeedLink[] }) {
  const { t } = useTranslation();
  const { instant } = useFormatters();
  const errorText = useErrorText();
  const stores = useStores();
  const busy = useSlice('sync', (state) => state.busy);
  const look = CHANNEL_LOOKS[connection.channel as Channel];
  const none = t('app.channels.never');

  return (
    <article className={`connection connection--${connection.state}`} aria-labelledby={`connection-${connection.connectionId}`}>
      <header className="connection__head">
        {look && (
          <span className="source__letter" aria-hidden="true" style={{ '--source': look.colour } as CSSProperties}>
            {look.letter}
          </span>
        )}
        <h3 id={`connection-${connection.connectionId}`}>{connection.name}</h3>
        <span className={`state-badge state-badge--${connection.state}`}>{t(`app.channels.states.${connection.state}`)}</span>
      </header>
      <dl className="connection__facts">
        <div>
          <dt>{t('app.channels.lastSync')}</dt>
          <dd>{connection.lastSuccessAt ? instant(connection.lastSuccessAt) : none}</dd>
        </div>
        <div>
          <dt>{t('app.channels.nextSync')}</dt>
          <dd>{connection.nextDueAt ? instant(connection.nextDueAt) : t('app.channels.notScheduled')}</dd>
        </div>
        {connection.failingSince && (
          <div>
            <dt>{t('app.channels.failingSince')}</dt>
            <dd>{instant(connection.failingSince)}</dd>
          </div>
        )}
      </dl>
      {connection.lastError && (
        <p className="connection__error" role="note">
          <strong>{t('app.channels.lastError')}</strong> {errorText(connection.lastError, 'internal')}
        </p>
      )}
      <button type="button" disabled={busy || connection.state === 'syncing'} onClick={() => void stores.sync.getState().syncNow(connection.connectionId)}>
        {t('app.channels.syncConnection', { name: connection.name })}
      </button>
      <ConnectionActions connectionId={connection.connectionId} name={connection.name} paused={connection.state === 'paused'} />
      <FeedLinks links={links} />
    </article>
  );
}
