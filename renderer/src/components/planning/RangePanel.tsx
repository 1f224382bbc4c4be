import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../../../shared/errors';
import { addDays } from '../../../../shared/nights';
import { useFormatters } from '../../format';
import type { OverrideChanges } from '../../planning/undo';
import { issuesByField } from '../../store/errors';
import { useAppStore, useSlice, useStores } from '../../store/StoreContext';
import { Field } from '../common/Field';
import { Refusal } from '../common/Refusal';
import { EMPTY_RANGE_VALUES, rangeChanges, type RangeValues, type Tristate } from './rangeChanges';

export const RANGE_FIRST_FIELD_ID = 'range-rate';

/**
 * The side panel of the planning: sets rate, stock, minimum stay and arrival/departure
 * restrictions over the selected nights, closes or reopens them, and undoes the last change.
 */
export function RangePanel() {
  const { t } = useTranslation();
  const { night } = useFormatters();
  const stores = useStores();
  const selection = useSlice('selection', (state) => state.selection);
  const allRooms = useSlice('selection', (state) => state.allRooms);
  const saving = useSlice('selection', (state) => state.saving);
  const refusal = useSlice('selection', (state) => state.refusal);
  const notice = useSlice('selection', (state) => state.notice);
  const canUndo = useSlice('selection', (state) => state.undo.length > 0);
  const units = useAppStore((state) => state.units);
  const [values, setValues] = useState<RangeValues>(EMPTY_RANGE_VALUES);
  const [localIssues, setLocalIssues] = useState<ApiIssue[]>([]);
  const [nothing, setNothing] = useState(false);

  // The selection's nights, read from the store each time the selection changes.
  // range() reads `allRooms` from the store: it is listed so that ticking the box recomputes it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const range = useMemo(() => (selection ? stores.selection.getState().range() : null), [selection, allRooms, stores]);
  const issues = issuesByField([...localIssues, ...(refusal?.issues ?? [])], ['changes']);
  const set = (field: keyof RangeValues) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  async function apply(changes: OverrideChanges) {
    setNothing(false);
    setLocalIssues([]);
    await stores.selection.getState().apply(changes);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { changes, issues: found } = rangeChanges(values);
    if (found.length) return setLocalIssues(found);
    if (Object.keys(changes).length === 0) return setNothing(true);
    void apply(changes).then(() => setValues(EMPTY_RANGE_VALUES));
  }

  const room = units.find((u) => u.id === selection?.unitId)?.name ?? '';
  const tristate = (field: 'closedToArrival' | 'closedToDeparture') => (
    <Field label={t(`app.range.${field}`)} issue={issues[field]}>
      {(props) => (
        <select {...props} value={values[field]} onChange={(e) => setValues({ ...values, [field]: e.target.value as Tristate })}>
          <option value="">{t('app.range.unchanged')}</option>
          <option value="yes">{t('app.range.yes')}</option>
          <option value="no">{t('app.range.no')}</option>
        </select>
      )}
    </Field>
  );

  return (
    <aside className="range-panel" aria-labelledby="range-heading">
      <h2 id="range-heading">{t('app.range.heading')}</h2>
      {!range ? (
        <p className="range-panel__hint">{t('app.range.hint')}</p>
      ) : (
        <form onSubmit={submit} aria-describedby="range-summary" noValidate>
          <p id="range-summary" className="range-panel__summary">
            {t(allRooms ? 'app.range.summaryAll' : 'app.range.summary', { room, first: night(range.firstNight), last: night(range.lastNight), count: range.nights })}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={allRooms} onChange={(e) => stores.selection.getState().setAllRooms(e.target.checked)} />
            {t('app.range.allRooms')}
          </label>
          <Field id={RANGE_FIRST_FIELD_ID} label={t('app.range.rate')} issue={issues.rateCents} hint={t('app.range.emptyHint')}>
            {(props) => <input {...props} inputMode="decimal" value={values.rate} onChange={set('rate')} />}
          </Field>
          <Field label={t('app.range.stock')} issue={issues.stock}>
            {(props) => <input {...props} inputMode="numeric" value={values.stock} onChange={set('stock')} />}
          </Field>
          <Field label={t('app.range.minStay')} issue={issues.minStay}>
            {(props) => <input {...props} inputMode="numeric" value={values.minStay} onChange={set('minStay')} />}
          </Field>
          {tristate('closedToArrival')}
          {tristate('closedToDeparture')}
          {nothing && <p className="refusal">{t('app.range.nothing')}</p>}
          <div className="button-row">
            <button type="submit" className="primary" disabled={saving}>
              {t('app.range.apply')}
            </button>
            <button type="button" disabled={saving} onClick={() => void apply({ closed: true })}>
              {t('app.range.close')}
            </button>
            <button type="button" disabled={saving} onClick={() => void apply({ closed: null })}>
              {t('app.range.open')}
            </button>
          </div>
          <div className="button-row">
            <button type="button" disabled={saving} onClick={() => void apply({ rateCents: null, stock: null, minStay: null, closedToArrival: null, closedToDeparture: null, closed: null })}>
              {t('app.range.reset')}
            </button>
            <button
              type="button"
              onClick={() => stores.nav.getState().go({ view: 'newBooking', unitId: selection!.unitId, arrival: range.firstNight, departure: addDays(range.lastNight, 1) })}
            >
              {t('app.range.book')}
            </button>
            <button type="button" onClick={() => stores.selection.getState().clear()}>
              {t('app.range.clear')}
            </button>
          </div>
        </form>
      )}
      <Refusal refusal={refusal && refusal.issues.length === 0 ? refusal : null} />
      <div role="status" className="range-panel__notice">
        {notice && t(notice.kind === 'applied' ? 'app.range.applied' : 'app.range.undone', { count: notice.nights })}
        {notice && notice.overbookings > 0 && <strong className="warning"> {t('app.range.overbookings', { count: notice.overbookings })}</strong>}
      </div>
      <button type="button" disabled={!canUndo || saving} onClick={() => void stores.selection.getState().undoLast()}>
        {t('app.range.undo')}
      </button>
    </aside>
  );
}
