import type { Reservation } from '../../../../../shared/domain';
import { useSources } from '../../common/useSources';

/**
 * True for a file that came from Alma Heritage: its file view words some actions the partner's
 * way (the owner's answer is sent back; cancellations arrive by e-mail; no modifications).
 */
export function useIsAlmaFile(file: Pick<Reservation, 'sourceConnectionId'>): boolean {
  const sources = useSources();
  return file.sourceConnectionId !== null && sources.connections.get(file.sourceConnectionId)?.channel === 'alma_heritage';
}
