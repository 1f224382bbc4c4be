/**
 * The reservation identifiers a request carries: Alma Heritage's number (UniqueID Type 14) and
 * our file number (HotelReservationID ResID_Type 10 in ResGlobalInfo).
 */
import { errors, type Problems } from '../errors';
import type { Element } from '../xml';
import { exactly, required, single } from './common';

export function almaNumber(reservation: Element, where: string, problems: Problems): string | undefined {
  const id = single(reservation, 'UniqueID', where, problems);
  if (!id) return undefined;
  const typeOk = exactly(id, 'Type', '14', `${where} UniqueID`, problems);
  const number = required(id, 'ID', `${where} UniqueID`, problems);
  return typeOk ? number : undefined;
}

/** Our file number; `undefined` with a problem when required and absent, null when optional and absent. */
export function fileNumber(reservation: Element, where: string, isRequired: boolean, problems: Problems): string | null | undefined {
  const ids = reservation.at('ResGlobalInfo', 'HotelReservationIDs')?.all('HotelReservationID') ?? [];
  const ours = ids.filter((id) => id.attr('ResID_Type') === '10');
  if (ours.length > 1) {
    problems.add(errors.invalid(`${where} has ${ours.length} HotelReservationID ResID_Type="10", one expected`));
    return undefined;
  }
  if (ours.length === 0) {
    if (!isRequired) return null;
    problems.add(errors.missing(`${where} has no HotelReservationID ResID_Type="10" (the channel manager's file number)`));
    return undefined;
  }
  return required(ours[0]!, 'ResID_Value', `${where} HotelReservationID`, problems);
}
