import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, gite, plainSpaces, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [
  unit({ id: 1, name: 'Chambre Tilleul', capacity: 2, stock: 1, baseRateCents: 8500, minStay: 2 }),
  unit({ id: 2, name: 'Suite du Pigeonnier', capacity: 4, stock: 3, baseRateCents: 123450, minStay: 1 }),
];

function withRooms(units = rooms) {
  return fakeApi({
    'property:get': async () => gite,
    'units:list': async () => units,
    'reservations:list': async () => ({ items: [], total: 0 }),
  });
}

describe('UnitList', () => {
  it('lists each room with capacity, stock, minimum stay and its base rate as euros in French', async () => {
    renderPage(withRooms());
    const table = await screen.findByRole('table', { name: /capacité, son stock/ });
    const tilleul = within(table).getByRole('row', { name: /Chambre Tilleul/ });
    const cells = within(tilleul).getAllByRole('cell').map((cell) => plainSpaces(cell.textContent));
    expect(cells).toEqual(['2', '1', '85,00 €', '2']);
    const suite = within(table).getByRole('row', { name: /Suite du Pigeonnier/ });
    expect(plainSpaces(suite.textContent)).toContain('1 234,50 €');
  });

  it('names its columns with header cells scoped to the column', async () => {
    renderPage(withRooms());
    const table = await screen.findByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Chambre', 'Personnes', 'Stock', 'Tarif de base par nuit', 'Séjour minimum (nuits)']);
    expect(within(table).getByRole('rowheader', { name: 'Chambre Tilleul' })).toHaveAttribute('scope', 'row');
  });

  it('formats the rate the English way when the page is in English', async () => {
    renderPage(withRooms(), 'en');
    const row = await screen.findByRole('row', { name: /Chambre Tilleul/ });
    expect(plainSpaces(row.textContent)).toContain('€85.00');
  });

  it('says there are no rooms yet rather than showing an empty table', async () => {
    renderPage(withRooms([]));
    expect(await screen.findByText("Aucune chambre pour l'instant.")).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
