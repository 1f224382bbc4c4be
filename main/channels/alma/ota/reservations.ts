/**
 * The reservation events of an OTA_ResRetrieveRS (docs/alma-protocol.md, "In: reservations"),
 * each checked on its own. The rule: a field that is absent is null (or the event is rejected
 * when the field is required); a field that is present but unreadable rejects the event. A
 * rejected event is reported with its reason (never dropped in silence), is not stored, and so
 * is not acknowledged: Alma Heritage keeps it until someone settles it.
 *
 * Dates: TimeSpan Start is the arrival, End the departure (the morning the guest leaves), so a
 * stay of the nights 1–3 December reads Start 2026-12-01, End 2026-12-04; these are exactly our
 * arrival/departure. Only plain dates are read: a time or a Duration is not what we agreed.
 */
import { compareNights, isNight } from '../../../../shared/nights';
import { amountToCents } from '../amount';
import { ALMA_RES_STATUSES, type AlmaReservationEvent, type AlmaRejectedReservation, type AlmaResStatus, type AlmaMessage } from '../messages';
import { almaMessage } from '../result';
import { attr, child, children, nodeToXml, path, text, type XmlNode } from './xml';

export interface ReadReservations {
  events: AlmaReservationEvent[];
  rejected: AlmaRejectedReservation[];
}

class Rejected extends Error {
  constructor(readonly reason: AlmaMessage) {
    super(reason.key);
  }
}

function reject(key: string, params?: Record<string, string | number>): never {
  throw new Rejected(almaMessage(`reservation.${key}`, params));
}

const nonEmpty = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());

/**
 * An ISO date-time (xs:dateTime), e.g. 2026-11-21T08:59:00Z, the zone optional as OTA allows.
 * Only checked, never converted: it is kept exactly as sent because it is part of the event's
 * identity, and the acknowledgement must name the event with the same characters.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  // The date part through Temporal: Date.parse takes 31 November for 1 December.
  return match !== null && isNight(match[1]);
}

function reservationNumber(node: XmlNode): string | null {
  const unique = children(node, 'UniqueID').find((id) => attr(id, 'Type') === '14');
  return nonEmpty(attr(unique, 'ID'));
}

function night(value: string | undefined, field: 'Arrival' | 'Departure'): string {
  if (value === undefined || value === '') return reject(`missing${field}`);
  if (!isNight(value)) return reject(`bad${field}`, { value });
  return value;
}

function guests(stay: XmlNode | undefined): number | null {
  const counts = children(child(stay, 'GuestCounts'), 'GuestCount');
  if (counts.length === 0) return null;
  let total = 0;
  for (const guestCount of counts) {
    const value = attr(guestCount, 'Count') ?? '';
    if (!/^\d{1,3}$/.test(value)) reject('badGuests', { value });
    total += Number(value);
  }
  return total;
}

function amount(stay: XmlNode | undefined): number | null {
  const total = child(stay, 'Total');
  const value = attr(total, 'AmountAfterTax');
  if (value === undefined) return null;
  const cents = amountToCents(value);
  if (cents === null) return reject('badAmount', { value });
  const currency = attr(total, 'CurrencyCode');
  if (currency !== undefined && currency !== 'EUR') reject('currency', { currency });
  return cents;
}

function joined(parts: (string | null)[], separator: string): string | null {
  const kept = parts.filter((part): part is string => part !== null);
  return kept.length > 0 ? kept.join(separator) : null;
}

function address(customer: XmlNode | undefined): string | null {
  const node = child(customer, 'Address');
  if (!node) return null;
  const country = child(node, 'CountryName');
  return joined(
    [
      ...children(node, 'AddressLine').map((line) => nonEmpty(text(line))),
      joined([nonEmpty(text(child(node, 'PostalCode'))), nonEmpty(text(child(node, 'CityName')))], ' '),
      nonEmpty(attr(country, 'Code')) ?? nonEmpty(text(country)),
    ],
    ', ',
  );
}

function comments(node: XmlNode): string | null {
  const list = children(path(node, 'ResGlobalInfo', 'Comments'), 'Comment');
  // The text is in <Text>, or straight in <Comment> from partners who skip it.
  return joined(
    list.map((comment) => joined([nonEmpty(text(comment)), ...children(comment, 'Text').map((t) => nonEmpty(text(t)))], '\n')),
    '\n',
  );
}

function event(node: XmlNode, raw: string): AlmaReservationEvent {
  const number = reservationNumber(node) ?? reject('missingNumber');
  const status = attr(node, 'ResStatus') ?? '';
  if (!(ALMA_RES_STATUSES as readonly string[]).includes(status)) reject('badStatus', { status });
  const createdAt = attr(node, 'CreateDateTime') ?? '';
  if (!isDateTime(createdAt)) reject('badCreatedAt', { value: createdAt });

  // One event is one room (docs/alma-protocol.md): two stays in one event is not that.
  const stays = children(child(node, 'RoomStays'), 'RoomStay');
  if (stays.length !== 1) reject('roomStays', { count: stays.length });
  const stay = stays[0];
  const roomCode = nonEmpty(attr(path(stay, 'RoomTypes', 'RoomType'), 'RoomTypeCode')) ?? reject('missingRoom');
  const span = child(stay, 'TimeSpan');
  const arrival = night(attr(span, 'Start'), 'Arrival');
  const departure = night(attr(span, 'End'), 'Departure');
  if (compareNights(departure, arrival) <= 0) reject('noNights', { arrival, departure });

  const customer = path(node, 'ResGuests', 'ResGuest', 'Profiles', 'ProfileInfo', 'Profile', 'Customer');
  const name = child(customer, 'PersonName');
  return {
    reservationNumber: number,
    resStatus: status as AlmaResStatus,
    createdAt,
    roomCode,
    rateCode: nonEmpty(attr(path(stay, 'RatePlans', 'RatePlan'), 'RatePlanCode')),
    arrival,
    departure,
    guests: guests(stay),
    guestName: joined([nonEmpty(text(child(name, 'GivenName'))), nonEmpty(text(child(name, 'Surname')))], ' '),
    email: nonEmpty(text(child(customer, 'Email'))),
    phone: nonEmpty(attr(child(customer, 'Telephone'), 'PhoneNumber')),
    address: address(customer),
    amountCents: amount(stay),
    comments: comments(node),
    raw,
  };
}

/**
 * Every HotelReservation of the answer's ReservationsList, in the partner's order (oldest
 * first). `raw` is the element written back from the parsed tree (same elements, attributes
 * and texts; spacing, comments and entity spelling normalised): enough to diagnose, and safe to
 * store since it went through the same refusals as the answer.
 */
export function readReservations(root: XmlNode): ReadReservations {
  const result: ReadReservations = { events: [], rejected: [] };
  for (const node of children(child(root, 'ReservationsList'), 'HotelReservation')) {
    const raw = nodeToXml('HotelReservation', node);
    try {
      result.events.push(event(node, raw));
    } catch (error) {
      if (!(error instanceof Rejected)) throw error;
      result.rejected.push({
        reservationNumber: reservationNumber(node),
        resStatus: nonEmpty(attr(node, 'ResStatus')),
        createdAt: nonEmpty(attr(node, 'CreateDateTime')),
        reason: error.reason,
        raw,
      });
    }
  }
  return result;
}
