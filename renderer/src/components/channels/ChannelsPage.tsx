import { useTranslation } from 'react-i18next';
import type { OutgoingFeedLink } from '../../../../shared/outgoingFeeds';
import { useFormatters } from '../../format';
import { useSlice, useStores } from '../../store/StoreContext';
import { ConnectionCard } from './ConnectionCard';
import { FeedLinks } from './FeedLinks';
import { ChannelWizard } from './wizard/ChannelWizard';

function groupByConnection(links: OutgoingFeedLink[]): Map<number, OutgoingFeedLink[]> {
  const groups = new Map<number, OutgoingFeedLink[]>();
  for (const link of links) groups.set(link.connectionId, [...(groups.get(link.connectionId) ?? []), link]);
  return groups;
}

/** Every channel connection as a card, the loop's pause, and where the set-up wizards will start. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const { instant } = useFormatters();
  const stores = useStores();
  const status = useSlice('sync', (state) => state.status);
  const available = useSlice('sync', (state) => state.available);
  const links = useSlice('sync', (state) => state.links);
  const busy = useSlice('sync', (state) => state.busy);
  const loaded = useSlice('sync', (state) => state.loaded);
  const connections = status?.connections ?? [];
  const known = new Set(connections.map((c) => c.connectionId));
  // Links of connections the loop does not report (it has not read them yet).
  const otherLinks = links.filter((link) => !known.has(link.connectionId));
  const exportOnly = [...groupByConnection(otherLinks)];

  return (
    <section aria-labelledby="channels-heading">
      <div className="page-heading">
        <h2 id="channels-heading">{t('app.channels.heading')}</h2>
        {available && status && (
          <div className="page-heading__tools">
            <button type="button" className="primary" disabled={busy} onClick={() => void stores.sync.getState().syncNow()}>
              {t('app.status.syncNow')}
            </button>
            <button type="button" disabled={busy} onClick={() => void (status.paused ? stores.sync.getState().resume() : stores.sync.getState().pause())}>
              {status.paused ? t('app.channels.resume') : t('app.channels.pause')}
            </button>
          </div>
        )}
      </div>
      {!available && <p className="notice">{t('app.channels.unavailable')}</p>}
      {status?.paused && <p className="notice">{t('app.channels.pausedNotice')}</p>}
      {status?.lastRoundAt && <p className="list-note">{t('app.channels.lastRound', { time: instant(status.lastRoundAt) })}</p>}
      {loaded && connections.length === 0 && otherLinks.length === 0 && <p>{t('app.channels.empty')}</p>}
      <div className="connections">
        {connections.map((connection) => (
          <ConnectionCard key={connection.connectionId} connection={connection} links={links.filter((l) => l.connectionId === connection.connectionId)} />
        ))}
      </div>
      {exportOnly.length > 0 && (
        <div className="connections">
          {exportOnly.map(([id, own]) => (
            <article key={id} className="connection" aria-labelledby={`export-only-${id}`}>
              <header className="connection__head">
                <h3 id={`export-only-${id}`}>{own[0]!.connectionName}</h3>
              </header>
              <p>{t('app.channels.exportOnly')}</p>
              <FeedLinks links={own} />
            </article>
          ))}
        </div>
      )}
      <section className="wizards" aria-labelledby="wizards-heading">
        <h3 id="wizards-heading">{t('app.channels.add.heading')}</h3>
        <ChannelWizard />
      </section>
    </section>
  );
}
