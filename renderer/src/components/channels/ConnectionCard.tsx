import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionWithFeeds } from '../../../../shared/channelPresets';
import type { OutgoingFeedLink } from '../../../../shared/outgoingFeeds';
import type { ConnectionSyncStatus } from '../../../../shared/sync';
import { CHANNEL_LOOKS } from '../../channels/sourceLook';
import { useFormatters } from '../../format';
import { useAppStore, useSlice, useStores } from '../../store/StoreContext';
import { useErrorText } from '../common/useErrorText';
import { ConnectionActions } from './ConnectionActions';
import { FeedLinks } from './FeedLinks';
import { ReplaceLink } from './ReplaceLink';

/**
 * One channel connection: its state, last and next sync and why it fails in plain words (when
 * the loop reads it), Sync now, pause and remove, and our links to copy. A send-only connection
 * has no sync facts: Pigeonnier does not read its calendar.
 */
export function ConnectionCard({ connection, status, links }: { connection: ConnectionWithFeeds; status?: ConnectionSyncStatus; links: OutgoingFeedLink[] }) {
  const { t } = useTranslation();
  const { instant } = useFormatters();
  const errorText = useErrorText();
  const stores = useStores();
  const busy = useSlice('sync', (state) => state.busy);
  const look = CHANNEL_LOOKS[connection.channel];
  const none = t('app.channels.never');
  const paused = connection.status === 'paused';
  const state = status?.state ?? (paused ? 'paused' : null);
  const receiving = connection.feeds.filter((feed) => feed.importEnabled && feed.importUrl);
  const receives = status !== undefined || receiving.length > 0;
  const units = useAppStore((state) => state.units);
  const unitName = (unitId: number) => units.find((u) => u.id === unitId)?.name ?? links.find((l) => l.unitId === unitId)?.unit ?? t('app.reservations.unknownRoom');

  return (
    <article className={`connection${state ? ` connection--${state}` : ''}`} aria-labelledby={`connection-${connection.id}`}>
      <header className="connection__head">
        {look && (
          <span className="source__letter" aria-hidden="true" style={{ '--source': look.colour } as CSSProperties}>
            {look.letter}
          </span>
        )}
        <h3 id={`connection-${connection.id}`}>{connection.name}</h3>
        {state && <span className={`state-badge state-badge--${state}`}>{t(`app.channels.states.${state}`)}</span>}
      </header>
      {status ? (
        <>
          <dl className="connection__facts">
            <div>
              <dt>{t('app.channels.lastSync')}</dt>
              <dd>{status.lastSuccessAt ? instant(status.lastSuccessAt) : none}</dd>
            </div>
            <div>
              <dt>{t('app.channels.nextSync')}</dt>
              <dd>{status.nextDueAt ? instant(status.nextDueAt) : t('app.channels.notScheduled')}</dd>
            </div>
            {status.failingSince && (
              <div>
                <dt>{t('app.channels.failingSince')}</dt>
                <dd>{instant(status.failingSince)}</dd>
              </div>
            )}
          </dl>
          {status.lastError && (
            <p className="connection__error" role="note">
              <strong>{t('app.channels.lastError')}</strong> {errorText(status.lastError, 'internal')}
            </p>
          )}
          <button type="button" disabled={busy || status.state === 'syncing'} onClick={() => void stores.sync.getState().syncNow(connection.id)}>
            {t('app.channels.syncConnection', { name: connection.name })}
          </button>
        </>
      ) : (
        !receives && <p>{t('app.channels.exportOnly')}</p>
      )}
      {receiving.length > 0 && (
        <ul className="connection__imports">
          {receiving.map((feed) => (
            <li key={feed.id}>
              <span className="feed-links__unit">{unitName(feed.unitId)}</span> <code className="feed-links__url">{feed.importUrl}</code>{' '}
              <ReplaceLink key={feed.importUrl} connectionId={connection.id} feed={feed} unit={unitName(feed.unitId)} />
            </li>
          ))}
        </ul>
      )}
      <ConnectionActions connectionId={connection.id} name={connection.name} paused={paused} />
      <FeedLinks links={links} />
    </article>
  );
}
