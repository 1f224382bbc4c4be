/**
 * OTA_ReadRQ → OTA_ResRetrieveRS: the reservation events not yet acknowledged, oldest first, at
 * most 50 per answer. Reading acknowledges nothing: the same events come again, identical,
 * until an OTA_NotifReportRQ acknowledges them.
 */
import { Problems } from '../errors';
import { checkHotelCode, exactly, single, type Handler } from './common';
import { hotelReservationXml } from './reservationXml';

export const MAX_EVENTS_PER_READ = 50;

export const handleRead: Handler = (root, state) => {
  const problems = new Problems();
  const requests = single(root, 'ReadRequests', root.name, problems);
  const read = requests && single(requests, 'HotelReadRequest', 'ReadRequests', problems);
  if (read) {
    checkHotelCode(read, 'HotelReadRequest', state, problems);
    const criteria = single(read, 'SelectionCriteria', 'HotelReadRequest', problems);
    if (criteria) exactly(criteria, 'SelectionType', 'Undelivered', 'SelectionCriteria', problems);
  }
  if (!problems.none) return { errors: problems.list };

  const events = state.deliver(MAX_EVENTS_PER_READ);
  return { content: { ReservationsList: events.length > 0 ? { HotelReservation: events.map(hotelReservationXml) } : '' } };
};
