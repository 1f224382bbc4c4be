/**
 * One file: what it holds, its history, and the owner's decisions — confirm or refuse a booking
 * on request, cancel, answer a "gone from the partner's feed" flag.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionWithFeeds } from '../../../shared/channelPresets';
import type { Reservation, ReservationHistoryEntry } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { pageApi, plainSpaces, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 2, name: 'Suite du Pigeonnier' })];

function openFile(file: Reservation, history: ReservationHistoryEntry[] = [], calls = {}) {
  let current = file;
  const decided = (status: Reservation['status'], flags = current.flags) => async () => {
    current = { ...current, status, flags };
    return current;
  };
  const api = pageApi(
    { units: rooms, stays: [file] },
    {
      'reservations:get': vi.fn(async () => current),
      'reservations:history': async () => history,
      'reservations:confirm': vi.fn(decided('confirmed')),
      'reservations:refuse': vi.fn(decided('refused')),
      'reservations:cancel': vi.fn(decided('cancelled')),
      'reservations:resolveFlag': vi.fn(async (input: { action: string }) => decided(input.action === 'cancel' ? 'cancelled' : current.status, [])()),
      ...calls,
    },
  );
  window.history.replaceState(null, '', `#/reservations/${file.id}`);
  return { ...renderPage(api), api };
}

const airbnbFile = reservation({
  id: 11,
  unitId: 2,
  guestName: 'Jan de Vries',
  email: 'jan@example.nl',
  phone: '+31 6 1234 5678',
  guests: 3,
  status: 'pending',
  sourceConnectionId: 3,
  partnerReference: 'HM4X2Z',
  arrival: '2026-08-01',
  departure: '2026-08-04',
  amountCents: 42000,
  commissionCents: 5460,
  payoutDate: '2026-08-31',
  rawText: 'BEGIN:VEVENT\nSUMMARY:Reserved\nEND:VEVENT',
});

/** Airbnb, removed since: its files stay. */
const removedAirbnb: ConnectionWithFeeds = {
  id: 3,
  channel: 'airbnb',
  name: 'Airbnb',
  kind: 'ical',
  status: 'removed',
  sendsCancellations: true,
  commissionBasisPoints: null,
  createdAt: '2026-06-01T08:00:00Z',
  updatedAt: '2026-07-05T08:00:00Z',
  feeds: [],
};

describe('a reservation file', () => {
  it('names the source of a file from a removed channel, and says it was removed', async () => {
    openFile(airbnbFile, [], { 'connections:list': async () => [removedAirbnb] });
    expect(await screen.findByRole('heading', { level: 2, name: 'Jan de Vries dossier n° 11' })).toBeInTheDocument();
    await waitFor(() => expect(plainSpaces(document.querySelector('.file-details')!.textContent)).toContain('Airbnb (d’un canal supprimé)'));
  });

  it('shows the guest, contact, guests, room, nights, amount, commission, payout date, source, reference and raw text', async () => {
    openFile(airbnbFile, [
      { id: 1, reservationId: 11, at: '2026-07-01T08:15:00Z', actor: { kind: 'sync', connectionId: 3 }, action: 'created', changes: {} },
      { id: 2, reservationId: 11, at: '2026-07-02T16:40:00Z', actor: { kind: 'owner', connectionId: null }, action: 'updated', changes: { guests: [2, 3], amountCents: [38000, 42000] } },
    ]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Jan de Vries dossier n° 11' })).toBeInTheDocument();
    const details = plainSpaces(document.querySelector('.file-details')!.textContent);
    for (const text of ['jan@example.nl', '+31 6 1234 5678', 'Suite du Pigeonnier', 'sam. 1 août 2026 → mar. 4 août 2026 (3 nuits)', '420,00 €', '54,60 €', 'lun. 31 août 2026', 'HM4X2Z', 'Canal 3']) {
      expect(details).toContain(text);
    }
    expect(screen.getByRole('link', { name: 'jan@example.nl' })).toHaveAttribute('href', 'mailto:jan@example.nl');
    expect(screen.getByText(/SUMMARY:Reserved/)).toBeInTheDocument();

    const history = document.querySelector('.history')!;
    expect(plainSpaces(history.textContent)).toContain('Créé · 1 juil. 2026, 10:15 · synchronisation de Canal 3');
    expect(plainSpaces(history.textContent)).toContain('Personnes : 2 → 3');
    expect(plainSpaces(history.textContent)).toContain('Montant : 380,00 € → 420,00 €');
  });

  it('confirms a booking on request', async () => {
    const { user, api } = openFile(airbnbFile);
    await user.click(await screen.findByRole('button', { name: 'Confirmer la réservation' }));
    expect(api['reservations:confirm']).toHaveBeenCalledWith({ id: 11 });
    expect(await screen.findByText('Confirmée', { selector: '.status-badge' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirmer la réservation' })).not.toBeInTheDocument();
  });

  it('refuses a booking on request after asking, with the reason given', async () => {
    const { user, api } = openFile(airbnbFile);
    await user.click(await screen.findByRole('button', { name: 'Refuser…' }));
    await user.type(screen.getByLabelText('Motif (facultatif, gardé dans l’historique)'), 'Travaux');
    await user.click(screen.getByRole('button', { name: 'Refuser la réservation' }));
    expect(api['reservations:refuse']).toHaveBeenCalledWith({ id: 11, reason: 'Travaux' });
    expect(await screen.findByText('Refusée', { selector: '.status-badge' })).toBeInTheDocument();
  });

  it('cancels a stay only after the owner confirms it', async () => {
    const { user, api } = openFile({ ...airbnbFile, status: 'confirmed' });
    await user.click(await screen.findByRole('button', { name: 'Annuler la réservation…' }));
    expect(api['reservations:cancel']).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Annuler la réservation' }));
    expect(api['reservations:cancel']).toHaveBeenCalledWith({ id: 11 });
  });

  it('explains a file gone from the partner’s calendar and lets the owner cancel it or keep it', async () => {
    const flagged = { ...airbnbFile, status: 'confirmed' as const, flags: ['goneFromFeed' as const] };
    const { user, api } = openFile(flagged);
    const attention = await screen.findByRole('region', { name: 'Disparu du calendrier du partenaire' });
    expect(attention).toHaveTextContent('Ce partenaire ne transmet pas les annulations');
    await user.click(within(attention).getByRole('button', { name: 'Annuler le dossier' }));
    expect(api['reservations:resolveFlag']).toHaveBeenCalledWith({ id: 11, flag: 'goneFromFeed', action: 'cancel' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Disparu du calendrier du partenaire' })).not.toBeInTheDocument());
  });

  it('keeps a flagged stay when the owner says so', async () => {
    const { user, api } = openFile({ ...airbnbFile, status: 'confirmed', flags: ['goneFromFeed'] });
    await user.click(await screen.findByRole('button', { name: 'Garder le séjour' }));
    expect(api['reservations:resolveFlag']).toHaveBeenCalledWith({ id: 11, flag: 'goneFromFeed', action: 'keep' });
  });

  it('says why a decision was refused', async () => {
    const { user } = openFile(airbnbFile, [], {
      'reservations:confirm': async () => {
        throw ApiError.conflict('errors.notPending', { status: 'cancelled' });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Confirmer la réservation' }));
    expect(await screen.findByText('Seule une réservation sur demande peut être confirmée ou refusée ; celle-ci est annulée.')).toBeInTheDocument();
  });

  it('says so when the file does not exist', async () => {
    openFile(airbnbFile, [], {
      'reservations:get': async () => {
        throw ApiError.notFound('errors.unknownReservation', { id: 11 });
      },
    });
    expect(await screen.findByText("Ce dossier de réservation n'existe pas.")).toBeInTheDocument();
  });
});
