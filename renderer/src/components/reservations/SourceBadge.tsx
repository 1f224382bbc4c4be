import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reservation } from '../../../../shared/domain';
import type { Sources } from '../common/useSources';

/** The source's letter on its colour, then its name, and whether that channel was removed. */
export function SourceBadge({ file, sources }: { file: Pick<Reservation, 'sourceConnectionId'>; sources: Sources }) {
  const { t } = useTranslation();
  const look = sources.look(file);
  return (
    <span className="source">
      <span className="source__letter" aria-hidden="true" style={{ '--source': look.colour } as CSSProperties}>
        {look.letter}
      </span>
      {sources.name(file)}
      {sources.removed(file) && <span className="source__removed"> ({t('channels.manage.removedChannel')})</span>}
    </span>
  );
}
