import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView } from '../../../../../shared/alma';
import { useSlice } from '../../../store/StoreContext';
import { AlmaLiveSection } from './AlmaLiveSection';
import { CredentialsStep } from './CredentialsStep';
import { MappingStep } from './MappingStep';

/**
 * What the owner may have to correct once the channel is live — the alerts send them here to
 * "enter the right password" or link a room: the connection details and the rooms' codes, each
 * shown in short and edited with the wizard's own form.
 */
export function AlmaLiveSettings({ view }: { view: AlmaConnectionView }) {
  const { t } = useTranslation();
  const units = useSlice('app', (state) => state.units);
  const codesOf = (unitId: number) => view.rooms.find((room) => room.unitId === unitId);

  const details = (
    <dl className="connection__facts">
      <div>
        <dt>{t('alma.credentials.serviceUrl')}</dt>
        <dd>{view.serviceUrl}</dd>
      </div>
      <div>
        <dt>{t('alma.credentials.propertyCode')}</dt>
        <dd>{view.propertyCode}</dd>
      </div>
      <div>
        <dt>{t('alma.credentials.userName')}</dt>
        <dd>{view.userName}</dd>
      </div>
      <div>
        <dt>{t('alma.credentials.password')}</dt>
        <dd>{view.passwordSaved ? t('alma.active.passwordSaved') : t('alma.active.passwordMissing')}</dd>
      </div>
    </dl>
  );

  const rooms = (
    <ul className="alma-live-rooms">
      {units.map((unit) => {
        const codes = codesOf(unit.id);
        return (
          <li key={unit.id}>
            {t('alma.about', { about: unit.name, text: codes ? t('alma.active.roomCodes', { roomCode: codes.roomCode, rateCode: codes.rateCode }) : t('alma.active.notSold') })}
          </li>
        );
      })}
    </ul>
  );

  return (
    <>
      <AlmaLiveSection heading={t('alma.active.detailsHeading')} summary={details}>
        <CredentialsStep view={view} titled={false} />
      </AlmaLiveSection>
      <AlmaLiveSection heading={t('alma.active.roomsHeading')} summary={rooms}>
        {/* Said before the owner saves: the engine closes out a code that is removed or changed. */}
        <p className="notice" role="note">
          {t('alma.active.roomsNote')}
        </p>
        <MappingStep view={view} titled={false} />
      </AlmaLiveSection>
    </>
  );
}
