import { useEffect, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Night } from '../../../../shared/nights';
import { centsText, type BookingValues } from '../../booking/bookingValues';
import { useFormatters } from '../../format';
import { useAppStore, useSlice, useStores } from '../../store/StoreContext';
import { Field } from '../common/Field';
import { Refusal } from '../common/Refusal';
import { OverbookingDialog } from './OverbookingDialog';
import { StayCheck } from './StayCheck';

type Props = { mode: 'create'; unitId?: number; arrival?: Night; departure?: Night } | { mode: 'edit'; id: number };

/** A new direct booking, or an edit of a file, with the nights checked live as the owner types. */
export function BookingPage(props: Props) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const stores = useStores();
  const booking = stores.booking;
  const units = useAppStore((state) => state.units);
  const values = useSlice('booking', (state) => state.values);
  const issues = useSlice('booking', (state) => state.issues);
  const refusal = useSlice('booking', (state) => state.refusal);
  const overbooking = useSlice('booking', (state) => state.overbooking);
  const check = useSlice('booking', (state) => state.check);
  const saving = useSlice('booking', (state) => state.saving);
  const editing = useSlice('booking', (state) => state.editing);

  const key = props.mode === 'edit' ? `edit:${props.id}` : `create:${props.unitId ?? ''}:${props.arrival ?? ''}:${props.departure ?? ''}`;
  useEffect(() => {
    if (props.mode === 'edit') void booking.getState().startEdit(props.id, locale);
    else booking.getState().startCreate(props, stores.app.getState().units[0]?.id ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` says everything the form starts from
  }, [key, booking, stores]);

  const edit = props.mode === 'edit';
  if (edit && editing?.id !== props.id) return refusal ? <Refusal refusal={refusal} /> : <p>{t('app.loading')}</p>;

  const on = (name: keyof BookingValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    booking.getState().setField(name, event.target.value as never);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void booking.getState().submit();
  };
  const text = (name: keyof BookingValues, label: string, type = 'text', extra: Record<string, string> = {}) => (
    <Field label={label} issue={issues[name]}>
      {(control) => <input {...control} {...extra} type={type} value={values[name]} onChange={on(name)} />}
    </Field>
  );
  const cancelHref = edit ? `#/reservations/${props.id}` : '#/planning';

  return (
    <section aria-labelledby="booking-heading" className="booking">
      <h2 id="booking-heading">{edit ? t('app.booking.editHeading', { id: props.id }) : t('app.booking.newHeading')}</h2>
      <form onSubmit={submit} noValidate className="booking__form">
        <fieldset>
          <legend>{t('app.booking.stay')}</legend>
          <Field label={t('app.reservations.room')} issue={issues.unitId}>
            {(control) => (
              <select {...control} value={values.unitId} onChange={on('unitId')}>
                <option value="">{t('app.booking.chooseRoom')}</option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {t('app.booking.roomOption', { name: unit.name, count: unit.capacity })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('arrival', t('app.reservations.arrival'), 'date')}
          {text('departure', t('app.reservations.departure'), 'date')}
          {text('guests', t('app.reservations.guests'), 'text', { inputMode: 'numeric' })}
          {!edit && (
            <Field label={t('app.reservations.status')} issue={issues.status}>
              {(control) => (
                <select {...control} value={values.status} onChange={on('status')}>
                  <option value="confirmed">{t('statuses.confirmed')}</option>
                  <option value="pending">{t('statuses.pending')}</option>
                </select>
              )}
            </Field>
          )}
        </fieldset>
        <StayCheck check={check} onUseAmount={(cents) => booking.getState().setField('amount', centsText(cents, locale))} />
        <fieldset>
          <legend>{t('app.booking.guest')}</legend>
          {text('guestName', t('app.booking.guestName'), 'text', { autoComplete: 'off' })}
          {text('email', t('app.booking.email'), 'email')}
          {text('phone', t('app.booking.phone'), 'tel')}
          {text('address', t('app.file.address'))}
        </fieldset>
        <fieldset>
          <legend>{t('app.booking.money')}</legend>
          <Field label={t('app.booking.amount')} issue={issues.amount} hint={t('app.booking.amountHint')}>
            {(control) => <input {...control} inputMode="decimal" value={values.amount} onChange={on('amount')} />}
          </Field>
          {edit && (
            <>
              <Field label={t('app.file.commission')} issue={issues.commission}>
                {(control) => <input {...control} inputMode="decimal" value={values.commission} onChange={on('commission')} />}
              </Field>
              {text('payoutDate', t('app.file.payoutDate'), 'date')}
              {text('partnerReference', t('app.file.partnerReference'))}
            </>
          )}
        </fieldset>
        <Field label={t('app.file.notes')} issue={issues.notes}>
          {(control) => <textarea {...control} rows={3} value={values.notes} onChange={on('notes')} />}
        </Field>
        <Refusal refusal={refusal} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={saving}>
            {edit ? t('app.booking.saveChanges') : t('app.booking.create')}
          </button>
          <a className="button" href={cancelHref}>
            {t('app.common.cancel')}
          </a>
        </div>
      </form>
      {overbooking && (
        <OverbookingDialog
          refusal={overbooking}
          saving={saving}
          onConfirm={() => void booking.getState().submit(true)}
          onBack={() => booking.getState().dismissOverbooking()}
        />
      )}
    </section>
  );
}
