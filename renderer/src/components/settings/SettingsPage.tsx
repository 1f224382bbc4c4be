import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreContext';
import { LanguageSwitch } from '../LanguageSwitch';
import { FeedServerForm } from './FeedServerForm';
import { PropertyForm } from './PropertyForm';
import { RoomsEditor } from './RoomsEditor';
import { SyncSettingsForm } from './SyncSettingsForm';

/** The property and its terms, the rooms, the sync, the feed server, the language. */
export function SettingsPage() {
  const { t } = useTranslation();
  const property = useAppStore((state) => state.property);

  const section = (id: string, heading: string, body: ReactNode) => (
    <section className="settings-section" aria-labelledby={`settings-${id}`}>
      <h3 id={`settings-${id}`}>{heading}</h3>
      {body}
    </section>
  );

  return (
    <div className="settings">
      <h2>{t('app.nav.settings')}</h2>
      {property && section('property', t('app.settings.property.heading'), <PropertyForm key={property.updatedAt} property={property} />)}
      {section('rooms', t('app.units.heading'), <RoomsEditor />)}
      {section('sync', t('app.settings.sync.heading'), <SyncSettingsForm />)}
      {section('feeds', t('app.settings.feedServer.heading'), <FeedServerForm />)}
      {section(
        'language',
        t('app.language.label'),
        <>
          <p>{t('app.settings.languageHint')}</p>
          <LanguageSwitch />
        </>,
      )}
    </div>
  );
}
