/**
 * OTA_NotifReportRQ: the channel manager acknowledges events it has stored, each identified by
 * (number, ResStatus, CreateDateTime) exactly as delivered. An acknowledged event is no longer
 * delivered. Acknowledging again is harmless: Success, with a warning, and counted. An event
 * that was never queued is refused (97): a client that rewrote the identity would otherwise
 * believe it had acknowledged and see the event again forever.
 */
import { isUtcInstant } from '../dates';
import { errors, Problems, type OtaWarning } from '../errors';
import { nth, required, type Handler } from './common';
import { almaNumber, fileNumber } from './ids';

const STATUSES = ['Book', 'Request', 'Cancel', 'Modify'];

interface Ack {
  number: string;
  resStatus: string;
  createDateTime: string;
  fileNumber: string | null;
}

export const handleNotifReport: Handler = (root, state) => {
  const problems = new Problems();
  if (root.all('Success').length !== 1) problems.add(errors.missing(`${root.name} has no Success: only stored events are acknowledged`));
  const reservations = root.at('NotifDetails', 'HotelNotifReport', 'HotelReservations')?.all('HotelReservation') ?? [];
  if (reservations.length === 0) problems.add(errors.missing('NotifDetails/HotelNotifReport/HotelReservations has no HotelReservation'));
  if (!problems.none) return { errors: problems.list };

  const acks: Ack[] = [];
  reservations.forEach((reservation, index) => {
    const where = nth('HotelReservation', index);
    const before = problems.total;
    const resStatus = required(reservation, 'ResStatus', where, problems);
    const createDateTime = required(reservation, 'CreateDateTime', where, problems);
    if (resStatus !== undefined && !STATUSES.includes(resStatus)) problems.add(errors.invalid(`${where} ResStatus="${resStatus}" is not ${STATUSES.join(', ')}`));
    if (createDateTime !== undefined && !isUtcInstant(createDateTime)) problems.add(errors.invalid(`${where} CreateDateTime="${createDateTime}" is not an ISO instant in UTC`));
    const number = almaNumber(reservation, where, problems);
    const ours = fileNumber(reservation, where, resStatus === 'Book' || resStatus === 'Request', problems);
    if (problems.total !== before || number === undefined || resStatus === undefined || createDateTime === undefined || ours === undefined) return;
    if (!state.hasEvent(number, resStatus, createDateTime)) {
      problems.add(errors.notFound(`${where}: no event ${number} ${resStatus} created ${createDateTime}`));
      return;
    }
    acks.push({ number, resStatus, createDateTime, fileNumber: ours });
  });
  if (!problems.none) return { errors: problems.list };

  const warnings: OtaWarning[] = [];
  for (const ack of acks) {
    const { repeated } = state.acknowledge(ack.number, ack.resStatus, ack.createDateTime, ack.fileNumber);
    if (repeated) warnings.push({ type: 11, shortText: 'Already acknowledged', text: `${ack.number} ${ack.resStatus} ${ack.createDateTime} was already acknowledged` });
  }
  return { content: {}, warnings };
};
