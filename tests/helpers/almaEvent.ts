/**
 * The reservation of docs/alma-protocol.md's OTA_ResRetrieveRS example, as the connector reads it
 * (without its raw text): the codec's tests expect it, the file rules' tests start from it.
 */
import type { AlmaReservationEvent } from '../../main/channels/alma/messages';

export const PROTOCOL_EXAMPLE_EVENT: Omit<AlmaReservationEvent, 'raw'> = {
  reservationNumber: 'AH-R-10042',
  resStatus: 'Book',
  createdAt: '2026-11-21T08:59:00Z',
  roomCode: 'CH-ROSE',
  rateCode: 'STD',
  arrival: '2026-12-01',
  departure: '2026-12-04',
  guests: 2,
  guestName: 'Claire Dubois',
  email: 'claire.dubois@example.fr',
  phone: '+33 6 12 34 56 78',
  address: '3 rue des Tilleuls, 37000 Tours, FR',
  amountCents: 28_500,
  comments: 'Arrivée vers 18 h',
};
