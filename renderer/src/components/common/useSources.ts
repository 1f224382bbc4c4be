import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reservation } from '../../../../shared/domain';
import { connectionsOf, lookOf, type Connection, type SourceLook } from '../../channels/sourceLook';
import { useSlice } from '../../store/StoreContext';

export interface Sources {
  connections: Map<number, Connection>;
  name(file: Pick<Reservation, 'sourceConnectionId'>): string;
  look(file: Pick<Reservation, 'sourceConnectionId'>): SourceLook;
  /** True when the file's connection was removed (its files stay). */
  removed(file: Pick<Reservation, 'sourceConnectionId'>): boolean;
}

/** Where files come from, named and coloured the same way in every view. */
export function useSources(): Sources {
  const { t } = useTranslation();
  const status = useSlice('sync', (state) => state.status);
  const links = useSlice('sync', (state) => state.links);
  const listed = useSlice('connections', (state) => state.connections);
  return useMemo(() => {
    const connections = connectionsOf(status, links, listed);
    return {
      connections,
      name: (file) =>
        file.sourceConnectionId === null
          ? t('app.reservations.direct')
          : (connections.get(file.sourceConnectionId)?.name ?? t('app.reservations.channel', { id: file.sourceConnectionId })),
      look: (file) => lookOf(file, connections),
      removed: (file) => file.sourceConnectionId !== null && connections.get(file.sourceConnectionId)?.removed === true,
    };
  }, [status, links, listed, t]);
}
