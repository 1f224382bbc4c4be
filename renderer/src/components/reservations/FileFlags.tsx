import { useTranslation } from 'react-i18next';
import { holdsStock, type Reservation, type StoredFlag } from '../../../../shared/domain';
import { useSlice, useStores } from '../../store/StoreContext';
import { useIsAlmaFile } from '../channels/alma/useAlmaFile';

/** What each stored flag lets the owner do about it: keep the stay as it is, or cancel it. */
const CANCELLABLE: Record<StoredFlag, boolean> = { goneFromFeed: true, changedByPartner: false, suspiciousFeed: true };

/** The attention flags of a file, each explained, with the owner's way out of it. */
export function FileFlags({ file }: { file: Reservation }) {
  const { t } = useTranslation();
  const stores = useStores();
  const busy = useSlice('file', (state) => state.busy);
  const alma = useIsAlmaFile(file);
  if (file.flags.length === 0) return null;

  return (
    <div className="file-flags">
      {file.flags.map((flag) => (
        <section key={flag} className={`attention attention--${flag}`} aria-labelledby={`flag-${flag}`}>
          {/* Alma Heritage supports no modifications: the owner settles it with them (docs/alma-protocol.md). */}
          <h3 id={`flag-${flag}`}>{alma && flag === 'changedByPartner' ? t('alma.file.changedTitle') : t(`app.flags.${flag}.title`)}</h3>
          <p>{alma && flag === 'changedByPartner' ? t('alma.file.changedBody') : t(`app.flags.${flag}.body`)}</p>
          {flag === 'overbooked' ? (
            <a href="#/planning">{t('app.flags.overbooked.action')}</a>
          ) : (
            <div className="button-row">
              {CANCELLABLE[flag] && holdsStock(file.status) && (
                <button type="button" className="danger" disabled={busy} onClick={() => void stores.file.getState().resolveFlag(flag, 'cancel')}>
                  {t('app.flags.cancel')}
                </button>
              )}
              <button type="button" disabled={busy} onClick={() => void stores.file.getState().resolveFlag(flag, 'keep')}>
                {t(`app.flags.${flag}.keep`)}
              </button>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
