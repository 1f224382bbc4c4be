import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isMonth } from '../../../../shared/months';
import { issuesByField } from '../../store/errors';
import { useSlice, useStores } from '../../store/StoreContext';
import { Field } from '../common/Field';
import { PayoutMonthSection } from './PayoutMonthSection';

/** What each channel pays the owner, month by month, over a range of months the owner picks. */
export function PayoutsPage() {
  const { t } = useTranslation();
  const stores = useStores();
  const fromMonth = useSlice('payouts', (state) => state.fromMonth);
  const toMonth = useSlice('payouts', (state) => state.toMonth);
  const result = useSlice('payouts', (state) => state.result);
  const loaded = useSlice('payouts', (state) => state.loaded);
  const refusal = useSlice('payouts', (state) => state.refusal);

  useEffect(() => stores.payouts.getState().ensureLoaded(), [stores]);
  const { setRange, showAroundToday } = stores.payouts.getState();
  const issues = issuesByField(refusal?.issues ?? []);

  // A half-typed or cleared month is not a range yet: the pickers wait for a whole one.
  const pick = (from: string, to: string) => {
    if (isMonth(from) && isMonth(to)) setRange(from, to);
  };

  return (
    <section aria-labelledby="payouts-heading" aria-busy={!loaded}>
      <div className="page-heading">
        <h2 id="payouts-heading">{t('payouts.heading')}</h2>
      </div>
      <p>{t('payouts.intro')}</p>
      <form className="filters" aria-label={t('payouts.range')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('payouts.fromMonth')} issue={issues.fromMonth}>
          {(control) => <input {...control} type="month" value={fromMonth ?? ''} onChange={(e) => pick(e.target.value, toMonth ?? '')} />}
        </Field>
        <Field label={t('payouts.toMonth')} issue={issues.toMonth}>
          {(control) => <input {...control} type="month" value={toMonth ?? ''} onChange={(e) => pick(fromMonth ?? '', e.target.value)} />}
        </Field>
        <button type="button" onClick={showAroundToday}>
          {t('payouts.aroundToday')}
        </button>
      </form>
      {!loaded ? (
        <p>{t('app.loading')}</p>
      ) : (
        // Refused, the last figures would not match the pickers: the refusal beside them says why.
        !refusal && result?.months.map((month) => <PayoutMonthSection key={month.month} month={month} />)
      )}
      <p className="list-note">{t('payouts.notCounted')}</p>
    </section>
  );
}
