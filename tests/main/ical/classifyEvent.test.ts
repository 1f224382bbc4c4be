/** Reservation, block or unknown, and the status, from partners' real wording. */
import { describe, expect, it } from 'vitest';
import { classifyKind, classifyStatus } from '../../../main/ical/classifyEvent';

describe('classifyKind', () => {
  it.each([
    ['Reserved', 'reservation'],
    ['Airbnb (Not available)', 'block'],
    ['CLOSED - Not available', 'unknown'],
    ['Réservée - DUPONT Marie', 'reservation'],
    ['Indisponible', 'block'],
    ['Reserved - John Smith', 'reservation'],
    ['Blocked', 'block'],
    ['Busy', 'unknown'],
    ['Occupé', 'unknown'],
    ['Réservé', 'reservation'],
    ['RESERVE', 'reservation'],
    ['Option', 'reservation'],
    ['Fermé pour travaux', 'block'],
    ['Non disponible', 'block'],
    ['Réservé par le propriétaire', 'block'],
    ['Annulée - Martin', 'reservation'],
    ['', 'unknown'],
  ] as const)('%j is %s', (summary, kind) => {
    expect(classifyKind(summary, false)).toBe(kind);
  });

  it('takes an unknown summary with a guest for a booking', () => {
    expect(classifyKind('Famille Moreau', false)).toBe('unknown');
    expect(classifyKind('Famille Moreau', true)).toBe('reservation');
  });
});

describe('classifyStatus', () => {
  it.each([
    ['CANCELLED', 'Reserved', 'cancelled'],
    ['cancelled', 'Reserved', 'cancelled'],
    [' Canceled ', 'Reserved', 'cancelled'],
    [undefined, 'Annulée - Martin', 'cancelled'],
    [undefined, 'Cancelled: John', 'cancelled'],
    ['TENTATIVE', 'Réservé', 'tentative'],
    [undefined, 'Option - Famille Martin', 'tentative'],
    [undefined, 'Tentative - Jane Doe', 'tentative'],
    ['CONFIRMED', 'Réservé', 'confirmed'],
    [undefined, 'Reserved', 'confirmed'],
    [undefined, 'Politique d’annulation stricte', 'confirmed'],
  ] as const)('STATUS %j with %j is %s', (status, summary, expected) => {
    expect(classifyStatus(status, summary)).toBe(expected);
  });
});
