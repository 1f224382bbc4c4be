import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView, ApiRoomMapping } from '../../../../../shared/alma';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { useSlice, useStores } from '../../../store/StoreContext';
import { AlmaProblems } from './AlmaProblems';

type Codes = Record<number, { roomCode: string; rateCode: string }>;

/**
 * Each room's room code and rate code at Alma Heritage (from its e-mail). A room left blank is
 * not sold there; a room with one code only is said to be incomplete before anything is sent.
 * The service checks the rest (a room code used twice) and its words name the room. The live
 * card shows the same form under its own heading (`titled` false).
 */
export function MappingStep({ view, onDone, titled = true }: { view: AlmaConnectionView; onDone?: () => void; titled?: boolean }) {
  const { t } = useTranslation();
  const stores = useStores();
  const units = useSlice('app', (state) => state.units);
  const busy = useSlice('alma', (state) => state.busy);
  const [codes, setCodes] = useState<Codes>(() => Object.fromEntries(view.rooms.map((r) => [r.unitId, { roomCode: r.roomCode, rateCode: r.rateCode }])));
  const [incomplete, setIncomplete] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);
  const [sent, setSent] = useState<ApiRoomMapping[]>([]);
  const [saved, setSaved] = useState(false);

  const codesOf = (unitId: number) => codes[unitId] ?? { roomCode: '', rateCode: '' };
  const setCode = (unitId: number, field: 'roomCode' | 'rateCode', value: string) => setCodes((current) => ({ ...current, [unitId]: { ...codesOf(unitId), [field]: value } }));
  const nameOf = (unitId: number) => units.find((u) => u.id === unitId)?.name ?? String(unitId);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const rows = units.map((unit) => ({ unitId: unit.id, roomCode: codesOf(unit.id).roomCode.trim(), rateCode: codesOf(unit.id).rateCode.trim() }));
    const half = rows.filter((r) => Boolean(r.roomCode) !== Boolean(r.rateCode)).map((r) => nameOf(r.unitId));
    setIncomplete(half);
    if (half.length) return;
    const rooms = rows.filter((r) => r.roomCode && r.rateCode);
    setSent(rooms);
    const problem = await stores.alma.getState().saveMapping(rooms);
    setRefusal(problem);
    if (!problem) {
      setSaved(true);
      if (rooms.length) onDone?.();
    }
  }

  /** An issue on ['rooms', i, …] concerns the i-th room sent. */
  const roomOfIssue = (path: (string | number)[]) => {
    const room = path[0] === 'rooms' && typeof path[1] === 'number' ? sent[path[1]] : undefined;
    return room ? nameOf(room.unitId) : null;
  };

  if (units.length === 0) return <p>{t('alma.mapping.noUnits')}</p>;
  return (
    <form
      className="alma-step"
      onSubmit={(event) => void save(event)}
      {...(titled ? { 'aria-labelledby': 'alma-mapping-heading' } : { 'aria-label': t('alma.wizard.mapping') })}
    >
      {titled && <h4 id="alma-mapping-heading">{t('alma.wizard.mapping')}</h4>}
      <p>{t('alma.mapping.intro')}</p>
      <table className="alma-mapping">
        <thead>
          <tr>
            <th scope="col">{t('alma.mapping.room')}</th>
            <th scope="col">{t('alma.mapping.roomCode')}</th>
            <th scope="col">{t('alma.mapping.rateCode')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <th scope="row">{unit.name}</th>
              <td>
                <input
                  aria-label={`${t('alma.mapping.roomCode')} — ${unit.name}`}
                  value={codesOf(unit.id).roomCode}
                  onChange={(e) => setCode(unit.id, 'roomCode', e.target.value)}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('alma.mapping.rateCode')} — ${unit.name}`}
                  value={codesOf(unit.id).rateCode}
                  onChange={(e) => setCode(unit.id, 'rateCode', e.target.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {incomplete.length > 0 && (
        <ul className="refusal" role="alert">
          {incomplete.map((room) => (
            <li key={room}>{t('alma.mapping.incomplete', { room })}</li>
          ))}
        </ul>
      )}
      <AlmaProblems refusal={refusal} label={roomOfIssue} />
      {saved && <p role="status">{t('alma.wizard.saved')}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('alma.mapping.save')}
        </button>
      </div>
    </form>
  );
}
