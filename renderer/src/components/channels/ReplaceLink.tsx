import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feed } from '../../../../shared/domain';
import { useStores } from '../../store/StoreContext';
import { LinkCheck } from './wizard/LinkCheck';

/**
 * "Replace the link" for one room that receives bookings: the new link is checked like in the
 * wizard, then saved on the same connection, so its files and history stay.
 */
export function ReplaceLink({ connectionId, feed, unit }: { connectionId: number; feed: Feed; unit: string }) {
  const { t } = useTranslation();
  const stores = useStores();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [saving, setSaving] = useState(false);
  const label = `${t('channels.manage.replaceLink')} — ${unit}`;

  async function save() {
    setSaving(true);
    try {
      await stores.connections.getState().update({ id: connectionId, rooms: [{ unitId: feed.unitId, importUrl: url.trim() }] });
      setOpen(false);
      setUrl('');
    } catch (error) {
      stores.app.getState().report(error);
    } finally {
      setSaving(false);
    }
  }

  if (!open) {
    return (
      <button type="button" aria-label={label} onClick={() => setOpen(true)}>
        {t('channels.manage.replaceLink')}
      </button>
    );
  }
  return (
    <div className="replace-link">
      <label>
        {`${t('channels.wizard.link')} — ${unit}`}
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <LinkCheck url={url} label={unit} />
      <button type="button" className="primary" disabled={saving || url.trim() === ''} onClick={() => void save()}>
        {t('app.common.save')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('app.common.cancel')}
      </button>
    </div>
  );
}
