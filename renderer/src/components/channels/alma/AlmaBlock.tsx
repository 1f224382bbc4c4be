import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlice, useStores } from '../../../store/StoreContext';
import { Refusal } from '../../common/Refusal';
import { AlmaContact } from './AlmaContact';
import { AlmaLiveCard } from './AlmaLiveCard';
import { AlmaOpen } from './AlmaOpen';
import { AlmaPendingCard } from './AlmaPendingCard';
import { AlmaWizard } from './AlmaWizard';

/**
 * Alma Heritage's block on the channels page (seed 000: "dans le bloc Alma Heritage, cliquez sur
 * Ouvrir le canal"): open it, follow the request, set it up, then watch it sync. Its technical
 * contact is always at hand.
 */
export function AlmaBlock() {
  const { t } = useTranslation();
  const stores = useStores();
  const loaded = useSlice('alma', (state) => state.loaded);
  const loadError = useSlice('alma', (state) => state.loadError);
  const eligibility = useSlice('alma', (state) => state.eligibility);
  const view = useSlice('alma', (state) => state.view);

  useEffect(() => void stores.alma.getState().load(), [stores]);

  let body;
  if (!loaded) body = <p>{t('alma.block.loading')}</p>;
  else if (loadError) body = <Refusal refusal={loadError} />;
  else if (view === null) body = eligibility && <AlmaOpen eligibility={eligibility} />;
  else if (view.connection.status === 'pending') {
    body = (
      <>
        <AlmaPendingCard view={view} />
        <AlmaWizard view={view} />
      </>
    );
  } else body = <AlmaLiveCard view={view} />;

  return (
    <section className="alma-block" aria-labelledby="alma-heading">
      <h3 id="alma-heading">{t('alma.block.heading')}</h3>
      <p>{t('alma.block.intro')}</p>
      {body}
      <AlmaContact />
    </section>
  );
}
