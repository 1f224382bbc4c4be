import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPERTY_TYPES, type PropertyType } from '../../../../shared/domain';
import { parseEuros } from '../../../../shared/money';
import { COUNTRY_ZONES, TIME_ZONES } from '../../settings/places';
import { useSlice, useStores } from '../../store/StoreContext';
import { Field } from '../common/Field';
import { Refusal } from '../common/Refusal';

interface RoomDraft {
  name: string;
  capacity: string;
  rate: string;
}

const newRoom = (): RoomDraft => ({ name: '', capacity: '2', rate: '' });

/** First run: the property and its rooms in one short form, or the demo guest house to look around. */
export function Welcome() {
  const { t } = useTranslation();
  const stores = useStores();
  const forms = useSlice('settings', (state) => state.forms);
  const [name, setName] = useState('');
  const [type, setType] = useState<PropertyType>('chambre_hotes');
  const [timeZone, setTimeZone] = useState(COUNTRY_ZONES.FR!);
  const [rooms, setRooms] = useState<RoomDraft[]>([newRoom()]);
  const welcome = forms.welcome;
  const busy = Boolean(welcome?.saving || forms.demo?.saving);

  const setRoom = (index: number, changes: Partial<RoomDraft>) => setRooms(rooms.map((room, i) => (i === index ? { ...room, ...changes } : room)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const units = rooms.map((room) => ({
      name: room.name,
      // What is not a number goes as typed: the service says what is wrong with it.
      capacity: /^\d+$/.test(room.capacity.trim()) ? Number(room.capacity) : (room.capacity as unknown as number),
      baseRateCents: parseEuros(room.rate) ?? (room.rate as unknown as number),
    }));
    void stores.settings.getState().setUp({ name, type, timeZone, country: 'FR' }, units);
  }

  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('app.welcome.heading')}</h2>
      <p>{t('app.welcome.intro')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('app.welcome.property')}</legend>
          <Field label={t('app.settings.property.name')} issue={welcome?.issues.name}>
            {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t('app.settings.property.type')}>
            {(control) => (
              <select {...control} value={type} onChange={(e) => setType(e.target.value as PropertyType)}>
                {PROPERTY_TYPES.map((option) => (
                  <option key={option} value={option}>
                    {t(`app.settings.types.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('app.settings.property.timeZone')} hint={t('app.settings.property.timeZoneHint')}>
            {(control) => (
              <select {...control} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                {TIME_ZONES.map((zone) => (
                  <option key={zone}>{zone}</option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('app.welcome.rooms')}</legend>
          {rooms.map((room, index) => {
            const issues = forms[`welcome:room:${index}`]?.issues ?? {};
            return (
              <div className="welcome__room" key={index} role="group" aria-label={t('app.welcome.roomNumber', { number: index + 1 })}>
                <Field label={t('app.units.name')} issue={issues.name}>
                  {(control) => <input {...control} value={room.name} onChange={(e) => setRoom(index, { name: e.target.value })} />}
                </Field>
                <Field label={t('app.units.capacity')} issue={issues.capacity}>
                  {(control) => <input {...control} inputMode="numeric" value={room.capacity} onChange={(e) => setRoom(index, { capacity: e.target.value })} />}
                </Field>
                <Field label={t('app.settings.rooms.baseRate')} issue={issues.baseRateCents}>
                  {(control) => <input {...control} inputMode="decimal" value={room.rate} onChange={(e) => setRoom(index, { rate: e.target.value })} />}
                </Field>
                {rooms.length > 1 && (
                  <button type="button" onClick={() => setRooms(rooms.filter((_, i) => i !== index))}>
                    {t('app.welcome.removeRoom')}
                  </button>
                )}
              </div>
            );
          })}
          <button type="button" onClick={() => setRooms([...rooms, newRoom()])}>
            {t('app.welcome.addRoom')}
          </button>
        </fieldset>
        <Refusal refusal={welcome?.refusal ?? null} />
        <button type="submit" className="primary" disabled={busy}>
          {t('app.welcome.create')}
        </button>
      </form>
      <section className="welcome__demo" aria-labelledby="demo-heading">
        <h3 id="demo-heading">{t('app.welcome.demoHeading')}</h3>
        <p>{t('app.welcome.demoBody')}</p>
        <Refusal refusal={forms.demo?.refusal ?? null} />
        <button type="button" disabled={busy} onClick={() => void stores.settings.getState().loadDemo()}>
          {t('app.welcome.loadDemo')}
        </button>
      </section>
    </section>
  );
}
