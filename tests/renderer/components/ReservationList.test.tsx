import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Reservation } from '../../../shared/domain';
import { fakeApi, gite, plainSpaces, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul' }), unit({ id: 2, name: 'Suite du Pigeonnier' })];

const files = [
  reservation({ id: 10, unitId: 1, guestName: 'Camille Martin', arrival: '2026-07-10', departure: '2026-07-14', guests: 2, amountCents: 34000 }),
  reservation({ id: 11, unitId: 2, guestName: 'Jan de Vries', status: 'pending', sourceConnectionId: 3, arrival: '2026-08-01', departure: '2026-08-03' }),
  reservation({ id: 12, unitId: 2, kind: 'block', guestName: null, guests: null, amountCents: null, sourceConnectionId: 5 }),
  reservation({ id: 13, unitId: 1, guestName: 'Paul Girard', status: 'cancelled' }),
];

function withFiles(items: Reservation[], total = items.length) {
  return fakeApi({
    'property:get': async () => gite,
    'units:list': async () => rooms,
    'reservations:list': async () => ({ items, total }),
  });
}

function cellsOf(row: HTMLElement): string[] {
  return within(row).getAllByRole('cell').map((cell) => plainSpaces(cell.textContent));
}

describe('ReservationList', () => {
  it('shows a direct booking with its guest, room, dates, nights, guests, status and amount', async () => {
    renderPage(withFiles(files));
    const row = await screen.findByRole('row', { name: /Camille Martin/ });
    expect(cellsOf(row)).toEqual([
      'Chambre Tilleul',
      'ven. 10 juil. 2026',
      'mar. 14 juil. 2026',
      '4',
      '2',
      'Confirmée',
      'Direct',
      '340,00 €',
    ]);
  });

  it('translates each status and names the channel a file came from', async () => {
    renderPage(withFiles(files));
    const pending = await screen.findByRole('row', { name: /Jan de Vries/ });
    expect(cellsOf(pending)).toEqual(expect.arrayContaining(['Suite du Pigeonnier', 'Sur demande', 'Canal 3', '2']));
    expect(cellsOf(screen.getByRole('row', { name: /Paul Girard/ }))).toContain('Annulée');
  });

  it('shows a block as "Bloqué" with no guest count and no amount', async () => {
    renderPage(withFiles(files));
    const block = await screen.findByRole('row', { name: /Bloqué/ });
    const cells = cellsOf(block);
    expect(cells[4]).toBe('—'); // guests
    expect(cells[6]).toBe('Canal 5');
    expect(cells[7]).toBe('—'); // amount
  });

  it('says how many files are not shown when the list was cut at its limit', async () => {
    renderPage(withFiles(files.slice(0, 2), 730));
    expect(await screen.findByText('2 dossiers affichés sur 730.')).toBeInTheDocument();
  });

  it('says there are no files yet rather than showing an empty table', async () => {
    renderPage(withFiles([]));
    expect(await screen.findByText("Aucun dossier de réservation pour l'instant.")).toBeInTheDocument();
  });
});
