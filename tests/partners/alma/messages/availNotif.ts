/**
 * OTA_HotelAvailNotifRQ: stock (a message without RatePlanCode: BookingLimit, SetLimit) and
 * restrictions (a message with RatePlanCode: all four values, full state). At most 500
 * messages; all or nothing.
 */
import { errors, Problems } from '../errors';
import type { Restrictions } from '../state';
import type { Element } from '../xml';
import { checkControl, checkHotelCode, exactly, nth, required, single, type Handler } from './common';

export const MAX_AVAIL_MESSAGES = 500;
const INTEGER = /^\d+$/;
const NEGATIVE_INTEGER = /^-\d+$/;

type Change =
  | { kind: 'stock'; room: string; nights: string[]; bookingLimit: number }
  | { kind: 'restrictions'; room: string; rate: string; nights: string[]; restrictions: Restrictions };

export const handleAvailNotif: Handler = (root, state) => {
  const problems = new Problems();
  const container = single(root, 'AvailStatusMessages', root.name, problems);
  if (!container) return { errors: problems.list };
  checkHotelCode(container, 'AvailStatusMessages', state, problems);
  const messages = container.all('AvailStatusMessage');
  if (messages.length === 0) problems.add(errors.missing('AvailStatusMessages has no AvailStatusMessage'));
  if (messages.length > MAX_AVAIL_MESSAGES) problems.add(errors.invalid(`${messages.length} AvailStatusMessage in one request, at most ${MAX_AVAIL_MESSAGES}`));
  if (!problems.none) return { errors: problems.list };

  const changes: Change[] = [];
  messages.forEach((message, index) => {
    const where = nth('AvailStatusMessage', index);
    const control = single(message, 'StatusApplicationControl', where, problems);
    const target = control && checkControl(control, where, state, problems);
    const change = control?.attr('RatePlanCode') === undefined ? readStock(message, where, problems) : readRestrictions(message, where, problems);
    if (!target || !change) return;
    if (change.kind === 'stock') changes.push({ ...change, room: target.room, nights: target.nights });
    else changes.push({ ...change, room: target.room, rate: target.rate!, nights: target.nights });
  });
  if (!problems.none) return { errors: problems.list };

  for (const change of changes) {
    for (const night of change.nights) {
      if (change.kind === 'stock') state.setStock(change.room, night, change.bookingLimit);
      else state.setRestrictions(change.room, change.rate, night, change.restrictions);
    }
  }
  return { content: {} };
};

function readStock(message: Element, where: string, problems: Problems): { kind: 'stock'; bookingLimit: number } | undefined {
  if (message.all('LengthsOfStay').length > 0 || message.all('RestrictionStatus').length > 0) {
    problems.add(errors.invalid(`${where}: restrictions need a RatePlanCode; a stock message carries BookingLimit only`));
    return undefined;
  }
  const typeOk = exactly(message, 'BookingLimitMessageType', 'SetLimit', where, problems);
  const limit = required(message, 'BookingLimit', where, problems);
  if (limit === undefined) return undefined;
  if (NEGATIVE_INTEGER.test(limit)) {
    problems.add(errors.invalid(`${where} BookingLimit="${limit}" is negative`));
    return undefined;
  }
  if (!INTEGER.test(limit)) {
    problems.add(errors.invalid(`${where} BookingLimit="${limit}" is not a whole number`));
    return undefined;
  }
  return typeOk ? { kind: 'stock', bookingLimit: Number(limit) } : undefined;
}

function readRestrictions(message: Element, where: string, problems: Problems): { kind: 'restrictions'; restrictions: Restrictions } | undefined {
  if (message.attr('BookingLimit') !== undefined) {
    problems.add(errors.invalid(`${where}: BookingLimit is per room type, it goes in a message without RatePlanCode`));
    return undefined;
  }
  const before = problems.total;
  const lengths = single(message, 'LengthsOfStay', where, problems);
  const length = lengths && single(lengths, 'LengthOfStay', `${where} LengthsOfStay`, problems);
  let minStay: number | undefined;
  if (length) {
    const lengthWhere = `${where} LengthOfStay`;
    exactly(length, 'MinMaxMessageType', 'SetMinLOS', lengthWhere, problems);
    exactly(length, 'TimeUnit', 'Day', lengthWhere, problems);
    const time = required(length, 'Time', lengthWhere, problems);
    if (time !== undefined && (!INTEGER.test(time) || Number(time) < 1)) problems.add(errors.invalid(`${lengthWhere} Time="${time}" is not a whole number of nights ≥ 1`));
    else if (time !== undefined) minStay = Number(time);
  }
  const statuses = new Map<string, boolean>();
  for (const status of message.all('RestrictionStatus')) {
    const name = required(status, 'Restriction', `${where} RestrictionStatus`, problems);
    const value = required(status, 'Status', `${where} RestrictionStatus`, problems);
    if (name === undefined || value === undefined) continue;
    if (!['Master', 'Arrival', 'Departure'].includes(name)) problems.add(errors.invalid(`${where} Restriction="${name}" is not Master, Arrival or Departure`));
    else if (statuses.has(name)) problems.add(errors.invalid(`${where} states Restriction="${name}" twice`));
    else if (value !== 'Open' && value !== 'Close') problems.add(errors.invalid(`${where} Restriction="${name}" Status="${value}" is not Open or Close`));
    else statuses.set(name, value === 'Close');
  }
  // Full state, not a delta: a message that leaves one value out is refused, not guessed.
  for (const name of ['Master', 'Arrival', 'Departure']) {
    if (!statuses.has(name) && !message.all('RestrictionStatus').some((s) => s.attr('Restriction') === name)) {
      problems.add(errors.missing(`${where} has no RestrictionStatus Restriction="${name}"`));
    }
  }
  if (problems.total !== before || minStay === undefined) return undefined;
  return {
    kind: 'restrictions',
    restrictions: {
      minStay,
      closed: statuses.get('Master')!,
      closedToArrival: statuses.get('Arrival')!,
      closedToDeparture: statuses.get('Departure')!,
    },
  };
}
