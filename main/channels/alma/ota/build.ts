/**
 * The request documents of docs/alma-protocol.md, one function per message, built as objects
 * and serialised by XMLBuilder (never by gluing strings: the builder escapes what the owner
 * typed). Element order follows the protocol's examples, which follow the OTA schema.
 *
 * Inputs are checked here because a wrong value would be a wrong statement to the partner (a
 * negative stock, a run ending before it starts): that is a bug in Pigeonnier, so it throws.
 */
import { compareNights, isNight } from '../../../../shared/nights';
import { centsToAmount } from '../amount';
import type { AlmaAck, AlmaDecision, RateRun, RestrictionRun, StockRun } from '../messages';
import { ATTR, buildXml } from './xml';

export const OTA_NAMESPACE = 'http://www.opentravel.org/OTA/2003/05';

/** What every request carries: who we are, which property, and the token the answer must echo. */
export interface Envelope {
  propertyCode: string;
  userName: string;
  password: string;
  echoToken: string;
  /** ISO instant, UTC. */
  timeStamp: string;
}

/** What Pigeonnier sends as OTA_PingRQ EchoData and expects back. */
export const PING_ECHO = 'Pigeonnier';

/** Pigeonnier's file number as the partner sees it (HotelReservationID ResID_Type=10). */
export function fileNumber(fileId: number): string {
  if (!Number.isSafeInteger(fileId) || fileId <= 0) throw new RangeError(`Not a file id: ${fileId}`);
  return `PGN-${fileId}`;
}

type Element = Record<string, unknown>;

const a = (attributes: Record<string, string>): Element =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`${ATTR}${name}`, value]));

function root(name: string, envelope: Envelope, body: Element, extra: Record<string, string> = {}): string {
  return buildXml({
    [name]: {
      ...a({ xmlns: OTA_NAMESPACE, Version: '1.0', TimeStamp: envelope.timeStamp, EchoToken: envelope.echoToken, ...extra }),
      POS: { Source: { RequestorID: a({ ID: envelope.userName, MessagePassword: envelope.password }) } },
      ...body,
    },
  });
}

function checkNights(run: { first: string; last: string }): void {
  if (!isNight(run.first) || !isNight(run.last) || compareNights(run.first, run.last) > 0) {
    throw new RangeError(`Not a run of nights: ${String(run.first)} … ${String(run.last)}`);
  }
}

function count(value: number, min: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be a whole number ≥ ${min}: ${value}`);
  return String(value);
}

/** Inventory dates are nights, both inclusive: Start = first night, End = last night (not the departure). */
function control(run: { roomCode: string; first: string; last: string }, rateCode?: string): Element {
  checkNights(run);
  return a({ Start: run.first, End: run.last, InvTypeCode: run.roomCode, ...(rateCode === undefined ? {} : { RatePlanCode: rateCode }) });
}

export function buildPingRQ(envelope: Envelope): string {
  return root('OTA_PingRQ', envelope, { EchoData: PING_ECHO });
}

/** Stock: per room type, never with a RatePlanCode (a rate plan would make it a restriction for the partner). */
export function buildStockRQ(envelope: Envelope, runs: StockRun[]): string {
  const messages = runs.map((run) => ({
    ...a({ BookingLimit: count(run.bookingLimit, 0, 'BookingLimit'), BookingLimitMessageType: 'SetLimit' }),
    StatusApplicationControl: control(run),
  }));
  return root('OTA_HotelAvailNotifRQ', envelope, { AvailStatusMessages: { ...a({ HotelCode: envelope.propertyCode }), AvailStatusMessage: messages } });
}

const status = (closed: boolean) => (closed ? 'Close' : 'Open');

/** Restrictions: the full state, all four values in every message, never a delta. */
export function buildRestrictionsRQ(envelope: Envelope, runs: RestrictionRun[]): string {
  const messages = runs.map((run) => ({
    StatusApplicationControl: control(run, run.rateCode),
    LengthsOfStay: { LengthOfStay: a({ MinMaxMessageType: 'SetMinLOS', Time: count(run.minStay, 1, 'Minimum stay'), TimeUnit: 'Day' }) },
    RestrictionStatus: [
      a({ Restriction: 'Master', Status: status(run.closed) }),
      a({ Restriction: 'Arrival', Status: status(run.closedToArrival) }),
      a({ Restriction: 'Departure', Status: status(run.closedToDeparture) }),
    ],
  }));
  return root('OTA_HotelAvailNotifRQ', envelope, { AvailStatusMessages: { ...a({ HotelCode: envelope.propertyCode }), AvailStatusMessage: messages } });
}

export function buildRatesRQ(envelope: Envelope, runs: RateRun[]): string {
  const messages = runs.map((run) => ({
    StatusApplicationControl: control(run, run.rateCode),
    Rates: { Rate: { BaseByGuestAmts: { BaseByGuestAmt: a({ AmountAfterTax: centsToAmount(run.amountCents), CurrencyCode: 'EUR' }) } } },
  }));
  return root('OTA_HotelRateAmountNotifRQ', envelope, { RateAmountMessages: { ...a({ HotelCode: envelope.propertyCode }), RateAmountMessage: messages } });
}

export function buildReadRQ(envelope: Envelope): string {
  return root('OTA_ReadRQ', envelope, {
    ReadRequests: { HotelReadRequest: { ...a({ HotelCode: envelope.propertyCode }), SelectionCriteria: a({ SelectionType: 'Undelivered' }) } },
  });
}

/** The number a held event (no file yet) is acknowledged under: "H" so it is never read as a file number. */
export function heldNumber(heldId: number): string {
  if (!Number.isSafeInteger(heldId) || heldId <= 0) throw new RangeError(`Not a held event id: ${heldId}`);
  return `PGN-H${heldId}`;
}

const ourId = (value: string): Element => ({
  HotelReservationIDs: { HotelReservationID: a({ ResID_Type: '10', ResID_Value: value }) },
});
const pigeonnierId = (fileId: number): Element => ourId(fileNumber(fileId));

/** The events named exactly as received (number, ResStatus, CreateDateTime): that triple is the event's identity. */
export function buildNotifReportRQ(envelope: Envelope, acks: AlmaAck[]): string {
  const reservations = acks.map((ack) => ({
    ...a({ ResStatus: ack.resStatus, CreateDateTime: ack.createdAt }),
    UniqueID: a({ Type: '14', ID: ack.reservationNumber }),
    ...(ack.fileId !== null ? { ResGlobalInfo: pigeonnierId(ack.fileId) } : ack.heldId !== undefined ? { ResGlobalInfo: ourId(heldNumber(ack.heldId)) } : {}),
  }));
  return root('OTA_NotifReportRQ', envelope, {
    Success: '',
    NotifDetails: { HotelNotifReport: { HotelReservations: { HotelReservation: reservations } } },
  });
}

/** The owner's answer to an on-request booking: Commit accepts, Cancel refuses. */
export function buildDecisionRQ(envelope: Envelope, decision: AlmaDecision): string {
  return root(
    'OTA_HotelResNotifRQ',
    envelope,
    {
      HotelReservations: {
        HotelReservation: { UniqueID: a({ Type: '14', ID: decision.reservationNumber }), ResGlobalInfo: pigeonnierId(decision.fileId) },
      },
    },
    { ResStatus: decision.decision === 'accept' ? 'Commit' : 'Cancel' },
  );
}
