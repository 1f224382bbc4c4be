import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, type SyncSettings } from '../../../../shared/sync';
import { useSlice, useStores } from '../../store/StoreContext';

/** How often partner calendars are read; start at login belongs to the desktop app. */
export function SyncSettingsForm() {
  const { t } = useTranslation();
  const settings = useSlice('sync', (state) => state.settings);
  const available = useSlice('sync', (state) => state.available);
  return (
    <>
      {!available || !settings ? <p>{t('app.settings.sync.unavailable')}</p> : <IntervalForm key={settings.intervalMinutes} settings={settings} />}
      <h4>{t('app.settings.startAtLogin.heading')}</h4>
      <p className="notice">{t('app.settings.startAtLogin.body')}</p>
    </>
  );
}

function IntervalForm({ settings }: { settings: SyncSettings }) {
  const { t } = useTranslation();
  const stores = useStores();
  const [minutes, setMinutes] = useState(String(settings.intervalMinutes));
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(await stores.sync.getState().saveInterval(Number(minutes)));
  }

  return (
    <form className="settings-form settings-form--inline" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor="sync-interval">{t('app.settings.sync.interval')}</label>
        <input
          id="sync-interval"
          type="number"
          min={MIN_INTERVAL_MINUTES}
          max={MAX_INTERVAL_MINUTES}
          value={minutes}
          aria-describedby="sync-interval-hint"
          onChange={(e) => setMinutes(e.target.value)}
        />
        <p id="sync-interval-hint" className="field__hint">
          {t('app.settings.sync.hint', { min: MIN_INTERVAL_MINUTES, max: MAX_INTERVAL_MINUTES })}
        </p>
      </div>
      <div className="button-row">
        <button type="submit">{t('app.common.save')}</button>
        <span role="status">{saved && t('app.common.saved')}</span>
      </div>
    </form>
  );
}
