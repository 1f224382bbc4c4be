import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView } from '../../../../../shared/alma';
import { almaMissing } from '../../../../../shared/almaStage';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { useSlice, useStores } from '../../../store/StoreContext';
import { AlmaProblems } from './AlmaProblems';

/**
 * The last step: what activation does, and the button — disabled, with what is still missing
 * listed beside it (the same rule the main process applies when it refuses).
 */
export function ActivateStep({ view }: { view: AlmaConnectionView }) {
  const { t } = useTranslation();
  const stores = useStores();
  const busy = useSlice('alma', (state) => state.busy);
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);
  const missing = almaMissing({
    status: view.connection.status,
    hasCredentials: Boolean(view.serviceUrl && view.propertyCode && view.userName),
    anyCredentials: Boolean(view.serviceUrl || view.propertyCode || view.userName),
    passwordSaved: view.passwordSaved,
    contractConfirmed: view.contractConfirmedAt !== null,
    mappedRooms: view.rooms.length,
  });

  return (
    <section className="alma-step" aria-labelledby="alma-activate-heading">
      <h4 id="alma-activate-heading">{t('alma.wizard.activate')}</h4>
      <p>{t('alma.activate.intro')}</p>
      {missing.length > 0 && (
        <div id="alma-missing">
          <p>{t('alma.activate.missing')}</p>
          <ul>
            {missing.map((item) => (
              <li key={item}>{t(`alma.missing.${item}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy || missing.length > 0}
          aria-describedby={missing.length > 0 ? 'alma-missing' : undefined}
          onClick={() => void stores.alma.getState().activate().then(setRefusal)}
        >
          {t('alma.activate.button')}
        </button>
      </div>
      <AlmaProblems refusal={refusal} />
    </section>
  );
}
