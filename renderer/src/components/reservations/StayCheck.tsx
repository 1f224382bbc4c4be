import { useTranslation } from 'react-i18next';
import type { StayCheck as Check } from '../../../../shared/domain';
import { useFormatters } from '../../format';
import { useErrorText } from '../common/useErrorText';

/**
 * What the live check says of the stay being typed: its nights and their rates, nights with
 * nothing left to sell (booking them is an overbooking), and restrictions it breaks.
 */
export function StayCheck({ check, onUseAmount }: { check: Check | null; onUseAmount(cents: number): void }) {
  const { t } = useTranslation();
  const { money, shortNight } = useFormatters();
  const errorText = useErrorText();
  if (!check) return null;
  const unavailable = check.unavailableNights;

  return (
    <section className="stay-check" aria-labelledby="stay-check-heading" aria-live="polite">
      <h3 id="stay-check-heading">{t('app.booking.check.heading')}</h3>
      <p>
        {t('app.booking.check.nights', { count: check.nights.length, amount: money(check.suggestedAmountCents) })}{' '}
        <button type="button" className="link" onClick={() => onUseAmount(check.suggestedAmountCents)}>
          {t('app.booking.check.useAmount')}
        </button>
      </p>
      {unavailable.length === 0 ? (
        <p className="ok">{t('app.booking.check.free')}</p>
      ) : (
        <p className="warning" role="alert">
          {t('app.booking.check.unavailable', { count: unavailable.length, nights: unavailable.map(shortNight).join(', ') })}
        </p>
      )}
      {check.warnings.length > 0 && (
        <ul className="warnings">
          {check.warnings.map((warning, index) => (
            <li key={index}>{errorText(warning)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
