import type { Reservation } from '../../shared/domain';

/** A whole Reservation for pure tests (no database): a confirmed direct booking unless told otherwise. */
export function reservationFixture(fields: Partial<Reservation> & Pick<Reservation, 'id' | 'arrival' | 'departure'>): Reservation {
  return {
    unitId: 1,
    sourceConnectionId: null,
    partnerReference: null,
    kind: 'booking',
    status: 'confirmed',
    guests: 2,
    guestName: `Guest ${fields.id}`,
    email: null,
    phone: null,
    address: null,
    amountCents: null,
    commissionCents: null,
    payoutDate: null,
    notes: '',
    rawText: null,
    flags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}
