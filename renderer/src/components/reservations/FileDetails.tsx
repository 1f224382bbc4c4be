import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reservation } from '../../../../shared/domain';
import { daysBetween } from '../../../../shared/nights';
import { useFormatters } from '../../format';
import { useAppStore } from '../../store/StoreContext';
import { useSources } from '../common/useSources';
import { SourceBadge } from './SourceBadge';

/** Everything the file holds, as the owner reads it. */
export function FileDetails({ file }: { file: Reservation }) {
  const { t } = useTranslation();
  const { money, night } = useFormatters();
  const sources = useSources();
  const room = useAppStore((state) => state.units.find((u) => u.id === file.unitId)?.name);
  const none = t('app.noValue');
  const amount = (cents: number | null) => (cents === null ? none : money(cents));

  const rows: [string, ReactNode][] = [
    [t('app.file.guest'), file.kind === 'block' ? t('app.reservations.blocked') : (file.guestName ?? t('app.reservations.noGuestName'))],
    [
      t('app.file.contact'),
      file.email || file.phone ? (
        <>
          {file.email && <a href={`mailto:${file.email}`}>{file.email}</a>}
          {file.email && file.phone && ' · '}
          {file.phone && <a href={`tel:${file.phone.replace(/[^\d+]/g, '')}`}>{file.phone}</a>}
        </>
      ) : (
        none
      ),
    ],
    [t('app.file.address'), file.address ?? none],
    [t('app.reservations.guests'), file.guests ?? none],
    [t('app.reservations.room'), room ?? t('app.reservations.unknownRoom')],
    [t('app.file.stay'), t('app.file.stayValue', { arrival: night(file.arrival), departure: night(file.departure), count: daysBetween(file.arrival, file.departure) })],
    [t('app.reservations.status'), t(`statuses.${file.status}`)],
    [t('app.reservations.amount'), amount(file.amountCents)],
    [t('app.file.commission'), amount(file.commissionCents)],
    [t('app.file.payoutDate'), file.payoutDate ? night(file.payoutDate) : none],
    [t('app.reservations.source'), <SourceBadge key="source" file={file} sources={sources} />],
    [t('app.file.partnerReference'), file.partnerReference ?? none],
    [t('app.file.notes'), file.notes || none],
  ];

  return (
    <>
      <dl className="file-details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {file.rawText && (
        <details className="raw-text">
          <summary>{t('app.file.rawText')}</summary>
          <pre>{file.rawText}</pre>
        </details>
      )}
    </>
  );
}
