import { useTranslation } from 'react-i18next';
import { IDLE_FORM } from '../../store/formStatus';
import { useAppStore, useSlice, useStores } from '../../store/StoreContext';
import { Refusal } from '../common/Refusal';
import { RoomForm } from './RoomForm';

/** Every room, in the order every view shows them, and a form to add one. */
export function RoomsEditor() {
  const { t } = useTranslation();
  const stores = useStores();
  const units = useAppStore((state) => state.units);
  const forms = useSlice('settings', (state) => state.forms);
  const settings = stores.settings.getState();

  return (
    <>
      {units.length === 0 && <p>{t('app.units.empty')}</p>}
      <ol className="rooms">
        {units.map((unit, index) => (
          <li key={unit.id}>
            <RoomForm
              key={unit.updatedAt}
              unit={unit}
              heading={unit.name}
              status={forms[`room:${unit.id}`] ?? IDLE_FORM}
              onSave={(fields) => settings.updateRoom(unit.id, fields)}
            >
              <button type="button" disabled={index === 0} aria-label={t('app.settings.rooms.moveUp', { name: unit.name })} onClick={() => void settings.moveRoom(unit.id, -1)}>
                ↑
              </button>
              <button
                type="button"
                disabled={index === units.length - 1}
                aria-label={t('app.settings.rooms.moveDown', { name: unit.name })}
                onClick={() => void settings.moveRoom(unit.id, 1)}
              >
                ↓
              </button>
            </RoomForm>
          </li>
        ))}
      </ol>
      <Refusal refusal={forms.roomOrder?.refusal ?? null} />
      <h4>{t('app.settings.rooms.addHeading')}</h4>
      <RoomForm unit={null} heading={t('app.settings.rooms.addHeading')} status={forms['room:new'] ?? IDLE_FORM} onSave={(fields) => settings.createRoom(fields)} />
    </>
  );
}
