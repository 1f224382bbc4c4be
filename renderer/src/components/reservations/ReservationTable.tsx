import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reservation } from '../../../../shared/domain';
import { daysBetween } from '../../../../shared/nights';
import { formatRoute } from '../../routes';
import { useFormatters } from '../../format';
import { useAppStore } from '../../store/StoreContext';
import { useSources } from '../common/useSources';
import { FlagList } from './FlagList';
import { SourceBadge } from './SourceBadge';

/** The files as a table: each guest's name opens their file. */
export function ReservationTable({ files }: { files: Reservation[] }) {
  const { t } = useTranslation();
  const { money, night } = useFormatters();
  const units = useAppStore((state) => state.units);
  const sources = useSources();
  const unitNames = useMemo(() => new Map(units.map((unit) => [unit.id, unit.name])), [units]);
  const none = t('app.noValue');

  const guestLabel = (file: Reservation) => (file.kind === 'block' ? t('app.reservations.blocked') : (file.guestName ?? t('app.reservations.noGuestName')));

  return (
    <table className="files">
      <caption>{t('app.reservations.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('app.reservations.guest')}</th>
          <th scope="col">{t('app.reservations.room')}</th>
          <th scope="col">{t('app.reservations.arrival')}</th>
          <th scope="col">{t('app.reservations.departure')}</th>
          <th scope="col" className="number">{t('app.reservations.nights')}</th>
          <th scope="col" className="number">{t('app.reservations.guests')}</th>
          <th scope="col">{t('app.reservations.status')}</th>
          <th scope="col">{t('app.reservations.source')}</th>
          <th scope="col" className="number">{t('app.reservations.amount')}</th>
          <th scope="col">{t('app.reservations.attention')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.id} className={`status-${file.status}${file.flags.length ? ' needs-attention' : ''}`}>
            <th scope="row">
              <a href={formatRoute({ view: 'file', id: file.id })}>{guestLabel(file)}</a>
            </th>
            <td>{unitNames.get(file.unitId) ?? t('app.reservations.unknownRoom')}</td>
            <td>{night(file.arrival)}</td>
            <td>{night(file.departure)}</td>
            <td className="number">{daysBetween(file.arrival, file.departure)}</td>
            <td className="number">{file.guests ?? none}</td>
            <td>{t(`statuses.${file.status}`)}</td>
            <td>
              <SourceBadge file={file} sources={sources} />
            </td>
            <td className="number">{file.amountCents === null ? none : money(file.amountCents)}</td>
            <td>
              <FlagList flags={file.flags} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
