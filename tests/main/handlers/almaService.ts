/**
 * The property the alma:* handler tests start from (almaOpening, almaCredentials, almaMapping):
 * a real service on a SQLite file, a gîte in Sarlat with two rooms (La Grange, La Tour), and
 * the calls and reads those tests share.
 *
 * The clock starts on Friday 1 May 2026 (a public holiday) at 10:00 UTC: the e-mail is due by
 * Wednesday 13 May (Mon 4 … Thu 7, Fri 8 May a holiday, Mon 11, Tue 12, Wed 13).
 */
import type { ApiCallName, ApiResult } from '../../../shared/api';
import type { AlmaConnectionView } from '../../../shared/alma';
import { addUnit, openService, type Harness } from '../../helpers/service';

export const PASSWORD = 'Tr3s-S3cr3t-mot-de-passe';
export const DETAILS = { serviceUrl: 'https://ota.alma-heritage.example/ota', propertyCode: 'AH-1234', userName: 'gite-des-lilas' };

export interface AlmaProperty {
  harness: Harness;
  grange: number;
  tour: number;
}

/** A fresh service with the property described (eligible) and its two rooms. */
export function openAlmaProperty(): AlmaProperty {
  const harness = openService();
  harness.service.call('property:save', { name: 'Le Pigeonnier', type: 'gite', postalCode: '24200', city: 'Sarlat' });
  const grange = addUnit(harness.service, { name: 'La Grange' }).id;
  const tour = addUnit(harness.service, { name: 'La Tour' }).id;
  return { harness, grange, tour };
}

/** The calls and reads on the current test's property (`current` changes with each test). */
export function almaCalls(current: () => AlmaProperty) {
  function call<K extends ApiCallName>(name: K, input?: unknown): ApiResult<K> {
    return current().harness.service.call(name, input);
  }
  return {
    call,
    open(): AlmaConnectionView {
      return call('alma:open');
    },
    settingsJson(id: number): string {
      return (current().harness.service.db.prepare('SELECT settings FROM channel_connections WHERE id = ?').get(id) as { settings: string }).settings;
    },
    outboxRows(id: number): { unit_id: number; message_kind: string; first_night: string; last_night: string }[] {
      return current()
        .harness.service.db.prepare('SELECT unit_id, message_kind, first_night, last_night FROM outbox WHERE connection_id = ? ORDER BY unit_id, message_kind')
        .all(id) as { unit_id: number; message_kind: string; first_night: string; last_night: string }[];
    },
    /** Opens the channel and fills every step, leaving it 'ready'. */
    readyChannel(): AlmaConnectionView {
      const { connection } = call('alma:open');
      call('alma:saveCredentials', { id: connection.id, ...DETAILS, password: PASSWORD });
      call('alma:confirmContract', { id: connection.id });
      return call('alma:saveMapping', { id: connection.id, rooms: [{ unitId: current().grange, roomCode: 'CH-ROSE', rateCode: 'STD' }] });
    },
  };
}
