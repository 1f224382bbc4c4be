import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../../../shared/errors';
import { parseEuros } from '../../../../shared/money';
import type { Unit } from '../../../../shared/domain';
import { centsText } from '../../booking/bookingValues';
import { useFormatters } from '../../format';
import { issuesByField } from '../../store/errors';
import type { FormStatus } from '../../store/formStatus';
import { Field } from '../common/Field';
import { Refusal } from '../common/Refusal';

export interface RoomFields {
  name: string;
  capacity: number;
  stock: number;
  baseRateCents: number;
  minStay: number;
}

interface RoomValues {
  name: string;
  capacity: string;
  stock: string;
  rate: string;
  minStay: string;
}

const valuesOf = (unit: Unit | null, locale: string): RoomValues =>
  unit
    ? { name: unit.name, capacity: String(unit.capacity), stock: String(unit.stock), rate: centsText(unit.baseRateCents, locale), minStay: String(unit.minStay) }
    : { name: '', capacity: '2', stock: '1', rate: '', minStay: '1' };

/** The form's text → the room's fields; what is not a number is said with the service's keys. */
function read(values: RoomValues): { fields: RoomFields; issues: ApiIssue[] } {
  const issues: ApiIssue[] = [];
  const count = (text: string, field: string) => {
    if (/^\s*-?\d+\s*$/.test(text)) return Number(text);
    issues.push({ path: [field], key: text.trim() ? 'errors.integer' : 'errors.required' });
    return 0;
  };
  const rate = parseEuros(values.rate);
  if (rate === null) issues.push({ path: ['baseRateCents'], key: values.rate.trim() ? 'errors.amount' : 'errors.required' });
  const fields = {
    name: values.name,
    capacity: count(values.capacity, 'capacity'),
    stock: count(values.stock, 'stock'),
    baseRateCents: rate ?? 0,
    minStay: count(values.minStay, 'minStay'),
  };
  return { fields, issues };
}

/** One room's name, capacity, stock, base rate and minimum stay; the same form adds a room. */
export function RoomForm({ unit, status, onSave, heading, children }: { unit: Unit | null; status: FormStatus; onSave(fields: RoomFields): Promise<boolean>; heading: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const [values, setValues] = useState<RoomValues>(() => valuesOf(unit, locale));
  const [local, setLocal] = useState<ApiIssue[]>([]);
  const issues = { ...status.issues, ...issuesByField(local) };
  const set = (name: keyof RoomValues) => (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { fields, issues: found } = read(values);
    setLocal(found);
    if (found.length) return;
    if ((await onSave(fields)) && !unit) setValues(valuesOf(null, locale));
  }

  const input = (name: keyof RoomValues, issueField: string, label: string, inputMode: 'text' | 'numeric' | 'decimal') => (
    <Field label={label} issue={issues[issueField]}>
      {(control) => <input {...control} inputMode={inputMode} value={values[name]} onChange={set(name)} />}
    </Field>
  );

  return (
    <form className="room-form" onSubmit={(event) => void submit(event)} noValidate aria-label={heading}>
      {input('name', 'name', t('app.units.name'), 'text')}
      {input('capacity', 'capacity', t('app.units.capacity'), 'numeric')}
      {input('stock', 'stock', t('app.units.stock'), 'numeric')}
      {input('rate', 'baseRateCents', t('app.settings.rooms.baseRate'), 'decimal')}
      {input('minStay', 'minStay', t('app.units.minStay'), 'numeric')}
      <div className="room-form__tools">
        <button type="submit" className={unit ? undefined : 'primary'} disabled={status.saving}>
          {unit ? t('app.common.save') : t('app.settings.rooms.add')}
        </button>
        {children}
        <span role="status">{status.savedAt && t('app.common.saved')}</span>
      </div>
      <Refusal refusal={status.refusal && Object.keys(status.issues).length === 0 ? status.refusal : null} />
    </form>
  );
}
