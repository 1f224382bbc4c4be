import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../../shared/errors';
import { useErrorText } from '../common/useErrorText';

/**
 * The service refused the stay because it would sell a night twice. The owner reads why and
 * chooses: book anyway (the overbooking is then raised as an alert) or go back to the form.
 */
export function OverbookingDialog({ refusal, saving, onConfirm, onBack }: { refusal: ApiErrorBody; saving: boolean; onConfirm(): void; onBack(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const backRef = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus: Enter does not overbook by accident.
  useEffect(() => backRef.current?.focus(), []);

  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="overbooking-title"
        aria-describedby="overbooking-body"
        className="dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onBack();
        }}
      >
        <h2 id="overbooking-title">{t('app.booking.overbooking.title')}</h2>
        <div id="overbooking-body">
          <p>{errorText(refusal, refusal.code)}</p>
          <p>{t('app.booking.overbooking.explain')}</p>
        </div>
        <div className="button-row">
          <button type="button" ref={backRef} onClick={onBack}>
            {t('app.booking.overbooking.back')}
          </button>
          <button type="button" className="danger" disabled={saving} onClick={onConfirm}>
            {t('app.booking.overbooking.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
