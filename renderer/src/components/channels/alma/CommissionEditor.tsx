import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { useFormatters } from '../../../format';
import { useSlice, useStores } from '../../../store/StoreContext';
import { AlmaProblems } from './AlmaProblems';

/**
 * Basis points as the owner types a percentage in their language: "13,5" in French, "13.5" in
 * English (no % sign: the label says it; no grouping: it is at most 100).
 */
export function basisPointsToPercentText(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(basisPoints / 100);
}

/**
 * Percentage typed by the owner → basis points, or null when it is not 0–100. Either decimal
 * mark is taken whatever the language ("13,5" and "13.5"): a French owner may type a point, an
 * English one a comma, and with at most two decimals neither can be a thousands separator.
 */
export function percentToBasisPoints(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalised)) return null;
  const [whole = '0', fraction = ''] = normalised.split('.');
  // Integers all the way: 13.45 % must be 1345 basis points, not 1344.9999.
  const basisPoints = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return basisPoints <= 10_000 ? basisPoints : null;
}

/** The commission Alma Heritage takes (13 % by default), used for the payouts. */
export function CommissionEditor({ basisPoints }: { basisPoints: number }) {
  const { t } = useTranslation();
  const stores = useStores();
  const { locale } = useFormatters();
  const busy = useSlice('alma', (state) => state.busy);
  const [text, setText] = useState(() => basisPointsToPercentText(basisPoints, locale));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const value = percentToBasisPoints(text);
    if (value === null) {
      setMessage({ ok: false, text: t('alma.active.commissionInvalid') });
      return;
    }
    const problem = await stores.alma.getState().saveCommission(value);
    setRefusal(problem);
    setMessage(problem ? null : { ok: true, text: t('alma.active.commissionSaved') });
  }

  return (
    <form className="alma-commission" onSubmit={(event) => void save(event)}>
      <label>
        {t('alma.active.commission')}
        <input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {t('alma.active.saveCommission')}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'refusal'}>
          {message.text}
        </p>
      )}
      <AlmaProblems refusal={refusal} />
    </form>
  );
}
