import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView } from '../../../../../shared/alma';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { DEFAULT_TIME_ZONE } from '../../../../../shared/domain';
import { nightAt } from '../../../../../shared/nights';
import { useFormatters } from '../../../format';
import { useAppStore, useSlice, useStores } from '../../../store/StoreContext';
import { AlmaFacts } from './AlmaFacts';
import { AlmaProblems } from './AlmaProblems';

/** The contract that came with the e-mail: what it means for the owner, then their confirmation. */
export function ContractStep({ view, onDone }: { view: AlmaConnectionView; onDone: () => void }) {
  const { t } = useTranslation();
  const stores = useStores();
  const { night } = useFormatters();
  const timeZone = useAppStore((state) => state.property?.timeZone ?? DEFAULT_TIME_ZONE);
  const busy = useSlice('alma', (state) => state.busy);
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);

  async function confirm() {
    const problem = await stores.alma.getState().confirmContract();
    setRefusal(problem);
    if (!problem) onDone();
  }

  return (
    <section className="alma-step" aria-labelledby="alma-contract-heading">
      <h4 id="alma-contract-heading">{t('alma.wizard.contract')}</h4>
      <p>{t('alma.contract.intro')}</p>
      <AlmaFacts commissionBasisPoints={view.commissionBasisPoints} />
      {view.contractConfirmedAt ? (
        <p role="status">{t('alma.contract.confirmed', { date: night(nightAt(new Date(view.contractConfirmedAt), timeZone)) })}</p>
      ) : (
        <div className="button-row">
          <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
            {t('alma.contract.confirm')}
          </button>
        </div>
      )}
      <AlmaProblems refusal={refusal} />
    </section>
  );
}
