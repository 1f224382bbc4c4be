import { useTranslation } from 'react-i18next';
import type { ReservationHistoryEntry } from '../../../../shared/domain';
import { isNight } from '../../../../shared/nights';
import { useFormatters } from '../../format';
import { useSources } from '../common/useSources';

/** Every change of the file: when, by whom (the owner or a channel's sync), what went from what to what. */
export function FileHistory({ history }: { history: ReservationHistoryEntry[] }) {
  const { t } = useTranslation();
  const { instant, night, money } = useFormatters();
  const sources = useSources();
  const none = t('app.noValue');

  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return none;
    if (typeof raw === 'number' && field.endsWith('Cents')) return money(raw);
    if (typeof raw === 'string' && isNight(raw)) return night(raw);
    if (field === 'status' && typeof raw === 'string') return t([`statuses.${raw}`, 'app.noValue'] as unknown as 'app.noValue');
    if (typeof raw === 'boolean') return t(raw ? 'app.common.yes' : 'app.common.no');
    return String(raw);
  };
  const actor = (entry: ReservationHistoryEntry) =>
    entry.actor.kind === 'owner'
      ? t('app.file.history.owner')
      : t('app.file.history.sync', { name: sources.name({ sourceConnectionId: entry.actor.connectionId }) });

  if (history.length === 0) return <p>{t('app.file.history.empty')}</p>;
  return (
    <ol className="history">
      {history.map((entry) => (
        <li key={entry.id}>
          <p className="history__head">
            <strong>{t(`app.file.history.actions.${entry.action}`)}</strong> · {instant(entry.at)} · {actor(entry)}
          </p>
          {entry.action !== 'created' && Object.keys(entry.changes).length > 0 && (
            <ul className="history__changes">
              {Object.entries(entry.changes).map(([field, [before, after]]) => (
                <li key={field}>
                  {t([`app.file.fields.${field}`, 'app.file.fields.other'] as unknown as 'app.file.fields.other', { field })} : {value(field, before)} → {value(field, after)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
