import { useTranslation } from 'react-i18next';
import { ALMA_COMMISSION_BASIS_POINTS } from '../../../../../shared/alma';
import { useFormatters } from '../../../format';

/** A commission in basis points as the owner reads a percentage: "13 %" in French, "13%" in English. */
export function usePercent(): (basisPoints: number) => string {
  const { locale } = useFormatters();
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return (basisPoints) => format.format(basisPoints / 10_000);
}

/**
 * What Alma Heritage states about selling through it (seed 000), where the owner decides: before
 * opening the channel and when confirming the contract. The terms of sale are the property's
 * own, kept in Settings.
 */
export function AlmaFacts({ commissionBasisPoints = ALMA_COMMISSION_BASIS_POINTS }: { commissionBasisPoints?: number }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <section className="alma-facts" aria-labelledby="alma-facts-heading">
      <h4 id="alma-facts-heading">{t('alma.facts.heading')}</h4>
      <ul>
        <li>{t('alma.facts.commission', { percent: percent(commissionBasisPoints) })}</li>
        <li>{t('alma.facts.prepaid')}</li>
        <li>{t('alma.facts.payout')}</li>
        <li>
          {t('alma.facts.terms')} <a href="#/settings">{t('alma.facts.termsLink')}</a>
        </li>
        <li>{t('alma.facts.modifications')}</li>
        <li>{t('alma.facts.onRequest')}</li>
        <li>{t('alma.facts.cancellations')}</li>
      </ul>
    </section>
  );
}
