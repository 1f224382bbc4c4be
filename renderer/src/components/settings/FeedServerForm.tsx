import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedServerInfo } from '../../../../shared/outgoingFeeds';
import { useSlice, useStores } from '../../store/StoreContext';
import { Field } from '../common/Field';
import { Refusal } from '../common/Refusal';

const LOCAL = '127.0.0.1';
const NETWORK = '0.0.0.0';

/** Where partners fetch the outgoing calendars: this computer only or the network, the port, the public address. */
export function FeedServerForm() {
  const { t } = useTranslation();
  const stores = useStores();
  const info = useSlice('settings', (state) => state.feedServer);
  useEffect(() => void stores.settings.getState().loadFeedServer(), [stores]);
  if (!info) return <p>{t('app.loading')}</p>;
  return <FeedServerFields key={`${info.host}|${info.port}|${info.publicBaseUrl ?? ''}`} info={info} />;
}

function FeedServerFields({ info }: { info: FeedServerInfo }) {
  const { t } = useTranslation();
  const stores = useStores();
  const status = useSlice('settings', (state) => state.form('feedServer'));
  const [host, setHost] = useState(info.host);
  const [port, setPort] = useState(String(info.port));
  const [publicUrl, setPublicUrl] = useState(info.publicBaseUrl ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const portNumber = /^\d+$/.test(port.trim()) ? Number(port) : Number.NaN;
    void stores.settings.getState().saveFeedServer({ host, port: Number.isNaN(portNumber) ? (port as unknown as number) : portNumber, publicBaseUrl: publicUrl });
  }

  return (
    <form onSubmit={submit} noValidate className="settings-form">
      <Field label={t('app.settings.feedServer.host')} issue={status.issues.host}>
        {(control) => (
          <select {...control} value={host} onChange={(e) => setHost(e.target.value)}>
            {![LOCAL, NETWORK].includes(host) && <option value={host}>{host}</option>}
            <option value={LOCAL}>{t('app.settings.feedServer.local')}</option>
            <option value={NETWORK}>{t('app.settings.feedServer.network')}</option>
          </select>
        )}
      </Field>
      <Field label={t('app.settings.feedServer.port')} issue={status.issues.port}>
        {(control) => <input {...control} inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />}
      </Field>
      <Field label={t('app.settings.feedServer.publicUrl')} issue={status.issues.publicBaseUrl} hint={t('app.settings.feedServer.publicUrlHint')}>
        {(control) => <input {...control} type="url" placeholder="https://" value={publicUrl} onChange={(e) => setPublicUrl(e.target.value)} />}
      </Field>
      <p>
        {t('app.settings.feedServer.linkBase')} <code>{info.linkBase}</code>
      </p>
      {info.linksLocalOnly && <p className="warning">{t('app.settings.feedServer.localOnly')}</p>}
      <Refusal refusal={status.refusal} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={status.saving}>
          {t('app.common.save')}
        </button>
        <span role="status">{status.savedAt && t('app.common.saved')}</span>
      </div>
    </form>
  );
}
