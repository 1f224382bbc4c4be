/** Guest details from summaries and "Label: value" descriptions, French and English. */
import { describe, expect, it } from 'vitest';
import { extractGuest } from '../../../main/ical/guestDetails';

describe('extractGuest', () => {
  it('reads Airbnb’s reservation code and the phone’s last four digits', () => {
    expect(extractGuest('Reserved', 'Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM8K2Q4Z7X\nPhone Number (Last 4 Digits): 0612')).toEqual({
      name: null,
      guests: null,
      phone: null,
      email: null,
      reference: 'HM8K2Q4Z7X',
      phoneLast4: '0612',
    });
  });

  it('reads Feratel Deskline’s French labels', () => {
    const description = 'Arrivée : 10/07/2026\nDépart : 17/07/2026\nNombre de personnes : 2 adultes, 1 enfant\nNom du client : Lefèvre Hélène\nTél. : 05 53 12 34 56\nCourriel : helene@example.fr\nN° de dossier : GDF-88';
    expect(extractGuest('Réservation', description)).toEqual({
      name: 'Lefèvre Hélène',
      guests: 3,
      phone: '05 53 12 34 56',
      email: 'helene@example.fr',
      reference: 'GDF-88',
      phoneLast4: null,
    });
  });

  it('reads English labels and adds adults and children', () => {
    expect(extractGuest('Booking', 'Guest name: Emily Clarke\nAdults: 2\nChildren: 2\nPhone: +44 7700 900123\nBooking ID: 4711')).toMatchObject({
      name: 'Emily Clarke',
      guests: 4,
      phone: '+44 7700 900123',
      reference: '4711',
    });
  });

  it('takes the name from Abritel’s and Vrbo’s summaries, not from "Not available"', () => {
    expect(extractGuest('Réservée - DUPONT Marie', '')?.name).toBe('DUPONT Marie');
    expect(extractGuest('Reserved – John Smith', '')?.name).toBe('John Smith');
    expect(extractGuest('Reserved - Not available', '')).toBeNull();
  });

  it('finds an e-mail and a phone in a contact line', () => {
    expect(extractGuest('Réservé', 'Contact : jean.martin@example.com / 06 98 76 54 32')).toMatchObject({ email: 'jean.martin@example.com', phone: '06 98 76 54 32' });
  });

  it('returns null when the partner sends nothing about the guest', () => {
    expect(extractGuest('CLOSED - Not available', '')).toBeNull();
    expect(extractGuest('Busy', 'Lorem ipsum: dolor')).toBeNull();
  });
});
