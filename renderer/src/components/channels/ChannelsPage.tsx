import { useTranslation } from 'react-i18next';
import type { ConnectionWithFeeds } from '../../../../shared/channelPresets';
import type { Channel } from '../../../../shared/domain';
import type { ConnectionSyncStatus } from '../../../../shared/sync';
import { useFormatters } from '../../format';
import { useSlice, useStores } from '../../store/StoreContext';
import { AlmaBlock } from './alma/AlmaBlock';
import { ConnectionCard } from './ConnectionCard';
import { ChannelWizard } from './wizard/ChannelWizard';

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
  const listed = useSlice('connections', (state) => state.listed);
  const list = useSlice('connections', (state) => state.connections);
  const almaOpen = useSlice('alma', (state) => state.view !== null);
  const statuses = new Map((status?.connections ?? []).map((c) => [c.connectionId, c]));
  // Every iCal connection not removed, send-only ones too, joined with what the loop says of it
  // (Alma Heritage, an API channel, has its own block below);
  // before the list is read (or with a main process without it), the loop's own list.
  const cards: { connection: ConnectionWithFeeds; status?: ConnectionSyncStatus }[] = listed
    ? list.filter((c) => c.status !== 'removed' && c.kind !== 'api').map((connection) => ({ connection, status: statuses.get(connection.id) }))
    : [...statuses.values()].filter((s) => s.channel !== 'alma_heritage').map((s) => ({ connection: fromStatus(s), status: s }));

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
      {loaded && cards.length === 0 && !almaOpen && <p>{t('app.channels.empty')}</p>}
      <div className="connections">
        {cards.map(({ connection, status: own }) => (
          <ConnectionCard key={connection.id} connection={connection} status={own} links={links.filter((l) => l.connectionId === connection.id)} />
        ))}
      </div>
      <AlmaBlock />
      <section className="wizards" aria-labelledby="wizards-heading">
        <h3 id="wizards-heading">{t('app.channels.add.heading')}</h3>
        <ChannelWizard />
      </section>
    </section>
  );
}

/** A card from the loop's status alone, until 'connections:list' answers. */
function fromStatus(status: ConnectionSyncStatus): ConnectionWithFeeds {
  return {
    id: status.connectionId,
    channel: status.channel as Channel,
    name: status.name,
    kind: 'ical',
    status: status.state === 'paused' ? 'paused' : 'active',
    sendsCancellations: true,
    commissionBasisPoints: null,
    createdAt: '',
    updatedAt: '',
    feeds: [],
  };
}
