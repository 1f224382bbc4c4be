/**
 * A reservation file made from an Alma Heritage booking (pure), by the seed page's rules: the
 * guest prepays everything to Alma Heritage, which keeps its commission (13 % unless the owner
 * set another rate on the connection) and pays the rest at the end of the month of departure.
 */
import { ALMA_COMMISSION_BASIS_POINTS, type ApiRoomMapping } from '../../../shared/alma';
import { percentOf } from '../../../shared/money';
import type { AlmaReservationEvent } from '../../channels/alma/messages';
import type { ReservationFields } from '../../db/reservations';
import { payoutRuleOf } from '../../payouts/channelRules';

/** Alma Heritage's payment terms, kept with the other channels' (one rule, read by the payouts too). */
const ALMA_PAYOUT = payoutRuleOf('alma_heritage');

export function almaFileFields(
  event: AlmaReservationEvent,
  mapping: ApiRoomMapping,
  connection: { id: number; commissionBasisPoints: number | null },
): ReservationFields {
  const basisPoints = connection.commissionBasisPoints ?? ALMA_COMMISSION_BASIS_POINTS;
  const amountCents = event.amountCents !== null && event.amountCents >= 0 ? event.amountCents : null;
  return {
    unitId: mapping.unitId,
    sourceConnectionId: connection.id,
    partnerReference: event.reservationNumber,
    externalId: event.reservationNumber,
    kind: 'booking',
    // On request: pending until the owner answers; it holds the nights meanwhile.
    status: event.resStatus === 'Request' ? 'pending' : 'confirmed',
    arrival: event.arrival,
    departure: event.departure,
    guests: event.guests !== null && event.guests >= 1 ? event.guests : null,
    guestName: event.guestName,
    email: event.email,
    phone: event.phone,
    address: event.address,
    amountCents,
    // Half up (an amount is never negative here), like every commission in the app.
    commissionCents: amountCents === null ? null : percentOf(amountCents, basisPoints),
    payoutDate: ALMA_PAYOUT?.payoutDate(event.departure) ?? null,
    notes: event.comments ?? '',
    rawText: event.raw,
  };
}

/** What the "created" history row lists: the file's own values, not the raw text. */
export function createdChanges(fields: ReservationFields): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  const keys = [
    'externalId', 'partnerReference', 'kind', 'status', 'arrival', 'departure', 'guests', 'guestName', 'email', 'phone',
    'address', 'amountCents', 'commissionCents', 'payoutDate',
  ] as const;
  for (const key of keys) if (fields[key] !== null) changes[key] = [null, fields[key]];
  return changes;
}
