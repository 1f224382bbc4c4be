import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reservation } from '../../../shared/domain';
import { daysBetween } from '../../../shared/nights';
import { useFormatters } from '../format';
import { useAppStore } from '../store/StoreContext';

export function ReservationList() {
  const { t } = useTranslation();
  const { money, night } = useFormatters();
  const reservations = useAppStore((state) => state.reservations);
  const total = useAppStore((state) => state.reservationsTotal);
  const units = useAppStore((state) => state.units);
  const loaded = useAppStore((state) => state.loaded.reservations);
  const unitNames = useMemo(() => new Map(units.map((unit) => [unit.id, unit.name])), [units]);
  const none = t('app.noValue');

  const guestLabel = (reservation: Reservation) =>
    reservation.kind === 'block' ? t('app.reservations.blocked') : (reservation.guestName ?? t('app.reservations.noGuestName'));
  const sourceLabel = (reservation: Reservation) =>
    reservation.sourceConnectionId === null
      ? t('app.reservations.direct')
      : t('app.reservations.channel', { id: reservation.sourceConnectionId });

  return (
    <section aria-labelledby="reservations-heading" aria-busy={!loaded}>
      <h2 id="reservations-heading">{t('app.reservations.heading')}</h2>
      {!loaded ? (
        <p>{t('app.loading')}</p>
      ) : reservations.length === 0 ? (
        <p>{t('app.reservations.empty')}</p>
      ) : (
        <table>
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
            </tr>
          </thead>
          <tbody>
            {reservations.map((reservation) => (
              <tr key={reservation.id} className={`status-${reservation.status}`}>
                <th scope="row">{guestLabel(reservation)}</th>
                <td>{unitNames.get(reservation.unitId) ?? t('app.reservations.unknownRoom')}</td>
                <td>{night(reservation.arrival)}</td>
                <td>{night(reservation.departure)}</td>
                <td className="number">{daysBetween(reservation.arrival, reservation.departure)}</td>
                <td className="number">{reservation.guests ?? none}</td>
                <td>{t(`statuses.${reservation.status}`)}</td>
                <td>{sourceLabel(reservation)}</td>
                <td className="number">{reservation.amountCents === null ? none : money(reservation.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loaded && total > reservations.length && (
        <p className="list-note">{t('app.reservations.shown', { shown: reservations.length, total })}</p>
      )}
    </section>
  );
}
