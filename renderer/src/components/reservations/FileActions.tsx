import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { holdsStock, type Reservation } from '../../../../shared/domain';
import { useSlice, useStores } from '../../store/StoreContext';
import { useIsAlmaFile } from '../channels/alma/useAlmaFile';

type Asking = 'refuse' | 'cancel' | null;

/**
 * Confirm or refuse a booking on request; edit or cancel a stay. Refusing and cancelling ask first.
 * An Alma Heritage file says its answer goes back to Alma Heritage, and its cancellation is one
 * the owner received by e-mail and records here.
 */
export function FileActions({ file }: { file: Reservation }) {
  const { t } = useTranslation();
  const stores = useStores();
  const busy = useSlice('file', (state) => state.busy);
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const alma = useIsAlmaFile(file);

  async function decide(run: () => Promise<boolean>) {
    if (await run()) {
      setAsking(null);
      setReason('');
    }
  }

  const pending = file.status === 'pending';
  const open = holdsStock(file.status);
  if (!open) return null;

  return (
    <div className="file-actions">
      <div className="button-row">
        {pending && (
          <button type="button" className="primary" disabled={busy} onClick={() => void decide(() => stores.file.getState().confirm())}>
            {t('app.file.actions.confirm')}
          </button>
        )}
        {pending && (
          <button type="button" disabled={busy} aria-expanded={asking === 'refuse'} onClick={() => setAsking(asking === 'refuse' ? null : 'refuse')}>
            {t('app.file.actions.refuse')}
          </button>
        )}
        <a className="button" href={`#/reservations/${file.id}/edit`}>
          {t('app.file.actions.edit')}
        </a>
        <button type="button" disabled={busy} aria-expanded={asking === 'cancel'} onClick={() => setAsking(asking === 'cancel' ? null : 'cancel')}>
          {alma ? t('alma.file.recordCancellation') : t('app.file.actions.cancel')}
        </button>
      </div>
      {pending && alma && <p className="list-note">{t('alma.file.answerSent')}</p>}
      {/* Local edits are allowed (the owner's file), but must not pass for a change sent to the partner. */}
      {alma && <p className="list-note">{t('alma.file.editStaysHere')}</p>}
      {asking && (
        <form
          className="decision"
          onSubmit={(event) => {
            event.preventDefault();
            void decide(() => (asking === 'refuse' ? stores.file.getState().refuse(reason) : stores.file.getState().cancel(reason)));
          }}
        >
          <p>{asking === 'refuse' ? t('app.file.actions.refuseQuestion') : alma ? t('alma.file.cancelQuestion') : t('app.file.actions.cancelQuestion')}</p>
          <label htmlFor="decision-reason">{t('app.file.actions.reason')}</label>
          <textarea id="decision-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="button-row">
            <button type="submit" className="danger" disabled={busy}>
              {asking === 'refuse' ? t('app.file.actions.refuseConfirm') : alma ? t('alma.file.cancelConfirm') : t('app.file.actions.cancelConfirm')}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('app.common.back')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
