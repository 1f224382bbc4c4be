import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlmaEligibility, AlmaMessage } from '../../../../../shared/alma';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { useFormatters } from '../../../format';
import { countryName } from '../../../settings/places';
import { useSlice, useStores } from '../../../store/StoreContext';
import { useErrorText } from '../../common/useErrorText';
import { AlmaFacts } from './AlmaFacts';
import { AlmaProblems } from './AlmaProblems';

/** A reason in words, the country by its name in the page's language ("Monaco", not "MC"). */
function useReasonText(): (reason: AlmaMessage) => string {
  const errorText = useErrorText();
  const { locale } = useFormatters();
  return (reason) => {
    const country = reason.params?.country;
    return errorText(typeof country === 'string' ? { ...reason, params: { ...reason.params, country: countryName(country, locale) } } : reason);
  };
}

/**
 * Before the channel is opened: "Open the channel" and what Alma Heritage states, for an
 * eligible property; otherwise why not, and where to correct the property if it is wrong.
 */
export function AlmaOpen({ eligibility }: { eligibility: AlmaEligibility }) {
  const { t } = useTranslation();
  const stores = useStores();
  const busy = useSlice('alma', (state) => state.busy);
  const reasonText = useReasonText();
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);

  if (!eligibility.eligible) {
    return (
      <div className="alma-refused" role="note" aria-labelledby="alma-refused-heading">
        <h4 id="alma-refused-heading">{t('alma.block.refused')}</h4>
        <ul>
          {eligibility.reasons.map((reason) => (
            <li key={reason.key}>{reasonText(reason)}</li>
          ))}
        </ul>
        <a href="#/settings">{t('alma.block.fixInSettings')}</a>
      </div>
    );
  }
  return (
    <>
      <AlmaFacts />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void stores.alma.getState().open().then(setRefusal)}>
          {t('alma.block.open')}
        </button>
      </div>
      <p className="list-note">{t('alma.block.openNote')}</p>
      <AlmaProblems refusal={refusal} />
    </>
  );
}
