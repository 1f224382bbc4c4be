/** French by default; English on a click, everywhere at once; back to French. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { pageApi, plainSpaces, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

describe('the language switch', () => {
  it('switches every visible word, date and amount from French to English and back', async () => {
    const stays = [reservation({ id: 1, unitId: 1, status: 'pending', guestName: 'Camille Martin', arrival: '2026-07-09', departure: '2026-07-11' })];
    const { user } = renderPage(pageApi({ units: [unit({ id: 1, name: 'Chambre Tilleul', baseRateCents: 8550 })], stays }));
    const grid = await screen.findByRole('grid');
    expect(screen.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('fr');
    expect(await screen.findByRole('button', { name: /^Camille Martin, Direct, du jeu\. 9 juil\. au sam\. 11 juil\./ })).toBeInTheDocument();
    expect(plainSpaces(grid.textContent)).toContain('85,50 €');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Planning', 'Reservations', 'Channels', 'Payouts', 'Alerts', 'Settings']);
    expect(grid).toHaveTextContent('July 2026');
    expect(screen.getByRole('button', { name: /^Camille Martin, Direct, Thu 9 Jul to Sat 11 Jul \(2 nights\), on request/ })).toBeInTheDocument();
    expect(plainSpaces(grid.textContent)).toContain('€85.50');
    expect(within(screen.getByRole('contentinfo')).getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Français' }));
    expect(document.documentElement.lang).toBe('fr');
    expect(grid).toHaveTextContent('juillet 2026');
    expect(within(screen.getByRole('navigation', { name: 'Principal' })).getByRole('link', { name: 'Réservations' })).toBeInTheDocument();
  });
});
