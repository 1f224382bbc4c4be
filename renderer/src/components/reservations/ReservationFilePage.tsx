import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlice, useStores } from '../../store/StoreContext';
import { Refusal } from '../common/Refusal';
import { FileActions } from './FileActions';
import { FileDetails } from './FileDetails';
import { FileFlags } from './FileFlags';
import { FileHistory } from './FileHistory';

/** One reservation file: what it holds, what it needs, what the owner can do, and its history. */
export function ReservationFilePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const stores = useStores();
  const file = useSlice('file', (state) => (state.id === id ? state.file : null));
  const history = useSlice('file', (state) => state.history);
  const loadError = useSlice('file', (state) => state.loadError);
  const refusal = useSlice('file', (state) => state.refusal);

  useEffect(() => void stores.file.getState().open(id), [stores, id]);

  const back = (
    <p>
      <a href="#/reservations">{t('app.file.back')}</a>
    </p>
  );
  if (loadError) {
    return (
      <section aria-labelledby="file-heading">
        <h2 id="file-heading">{t('app.file.heading', { id })}</h2>
        <Refusal refusal={loadError} />
        {back}
      </section>
    );
  }
  if (!file) return <p>{t('app.loading')}</p>;

  const title = file.kind === 'block' ? t('app.reservations.blocked') : (file.guestName ?? t('app.reservations.noGuestName'));
  return (
    <section aria-labelledby="file-heading" className="file">
      {back}
      <div className="page-heading">
        <h2 id="file-heading">
          {title} <span className="file__number">{t('app.file.heading', { id: file.id })}</span>
        </h2>
        <span className={`status-badge status-badge--${file.status}`}>{t(`statuses.${file.status}`)}</span>
      </div>
      <FileFlags file={file} />
      <FileActions file={file} />
      <Refusal refusal={refusal} />
      <FileDetails file={file} />
      <h3>{t('app.file.history.heading')}</h3>
      <FileHistory history={history} />
    </section>
  );
}
