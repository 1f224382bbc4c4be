/**
 * The planning grid over a fake Api whose availability is computed from its rooms and files.
 * "Now" is Wednesday 8 July 2026 in Paris, so the grid opens on early July.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH } from '../../../renderer/src/planning/gridModel';
import { pageApi, plainSpaces, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul', baseRateCents: 8500 }), unit({ id: 2, name: 'Suite du Pigeonnier', baseRateCents: 14000, minStay: 2 })];

const cell = (room: string, night: string) => screen.getByRole('gridcell', { name: new RegExp(`^${night}, ${room},`) });
const bar = (name: RegExp) => screen.getByRole('button', { name });

describe('the planning grid', () => {
  it('draws rooms as rows and nights as columns, months and weekdays in French, today marked, weekends shaded', async () => {
    renderPage(pageApi({ units: rooms }));
    const grid = await screen.findByRole('grid', { name: /Planning/ });
    expect(within(grid).getByRole('rowheader', { name: 'Chambre Tilleul' })).toBeInTheDocument();
    expect(within(grid).getByRole('rowheader', { name: 'Suite du Pigeonnier' })).toBeInTheDocument();
    expect(grid).toHaveTextContent('juillet 2026');

    const today = within(grid).getByRole('columnheader', { name: 'mer. 8 juil. 2026 (aujourd’hui)' });
    expect(today).toHaveAttribute('aria-current', 'date');
    expect(today).toHaveTextContent('mer.8');
    expect(within(grid).getByRole('columnheader', { name: 'sam. 11 juil. 2026' })).toHaveClass('day-head--weekend');
    expect(within(grid).getByRole('columnheader', { name: 'ven. 10 juil. 2026' })).not.toHaveClass('day-head--weekend');

    expect(await screen.findByRole('gridcell', { name: /^mer\. 8 juil\. 2026, Chambre Tilleul, 1 libre, 85\s€$/ })).toHaveClass('cell--today');
    expect(cell('Chambre Tilleul', 'dim\\. 12 juil\\. 2026')).toHaveClass('cell--weekend');
  });

  it('shows in each cell the free stock or "closed", the rate, and the minimum stay where it is above one night', async () => {
    const overrides = [{ unitId: 1, night: '2026-07-14', rateCents: null, stock: null, minStay: null, closedToArrival: null, closedToDeparture: null, closed: true }];
    renderPage(pageApi({ units: rooms, overrides }));
    const open = await screen.findByRole('gridcell', { name: /^jeu\. 9 juil\. 2026, Suite du Pigeonnier,/ });
    expect(plainSpaces(open.getAttribute('aria-label'))).toBe('jeu. 9 juil. 2026, Suite du Pigeonnier, 1 libre, 140 €, séjour minimum 2 nuits');
    expect(plainSpaces(open.textContent)).toBe('1\n140 €≥2');
    const closed = cell('Chambre Tilleul', 'mar\\. 14 juil\\. 2026');
    expect(closed).toHaveClass('cell--closed');
    expect(plainSpaces(closed.textContent)).toBe('fermé\n85 €');
  });

  it('writes months and weekdays in English when the page is in English', async () => {
    renderPage(pageApi({ units: rooms }), 'en');
    const grid = await screen.findByRole('grid', { name: /Planning/ });
    expect(grid).toHaveTextContent('July 2026');
    expect(within(grid).getByRole('columnheader', { name: 'Wed, 8 Jul 2026 (today)' })).toHaveTextContent('Wed8');
  });

  it('draws each file as a bar across its nights, from its arrival, with the guest and the source letter', async () => {
    const stays = [
      reservation({ id: 10, unitId: 1, guestName: 'Camille Martin', arrival: '2026-07-09', departure: '2026-07-12' }),
      // Began before the first night drawn: drawn from the first column in view, reaching back.
      reservation({ id: 11, unitId: 2, guestName: 'Hannah Becker', arrival: '2026-06-28', departure: '2026-07-07' }),
    ];
    renderPage(pageApi({ units: rooms, stays }));
    const camille = await screen.findByRole('button', { name: 'Camille Martin, Direct, du jeu. 9 juil. au dim. 12 juil. (3 nuits)' });
    expect(camille.closest('[role="gridcell"]')).toHaveAttribute('data-night', '2026-07-09');
    expect(camille.closest('[role="row"]')).toHaveAccessibleName(/Chambre Tilleul/);
    expect(camille.style.width).toBe(`${3 * COLUMN_WIDTH - 6}px`);
    expect(camille).toHaveTextContent('DCamille Martin');

    const hannah = bar(/^Hannah Becker/);
    const host = hannah.closest('[role="gridcell"]')!;
    const hostNight = host.getAttribute('data-night')!;
    const daysBefore = (Date.parse(hostNight) - Date.parse('2026-06-28')) / 86_400_000;
    expect(hannah.style.left).toBe(`${-daysBefore * COLUMN_WIDTH + 3}px`);
    expect(hannah.style.width).toBe(`${9 * COLUMN_WIDTH - 6}px`);
  });

  it('tells pending, blocks, flagged files and overbooked nights apart, in looks and in words', async () => {
    const stays = [
      reservation({ id: 20, unitId: 1, guestName: 'Jan de Vries', status: 'pending', arrival: '2026-07-09', departure: '2026-07-11' }),
      reservation({ id: 21, unitId: 1, kind: 'block', guestName: null, arrival: '2026-07-13', departure: '2026-07-15', sourceConnectionId: 4 }),
      reservation({ id: 22, unitId: 2, guestName: 'Paul Girard', flags: ['goneFromFeed'], arrival: '2026-07-09', departure: '2026-07-11' }),
      reservation({ id: 23, unitId: 2, guestName: 'Léa Dubois', flags: ['overbooked'], arrival: '2026-07-15', departure: '2026-07-17' }),
      reservation({ id: 24, unitId: 2, guestName: 'Olivier Dubois', flags: ['overbooked'], arrival: '2026-07-16', departure: '2026-07-18' }),
    ];
    renderPage(pageApi({ units: rooms, stays }));
    expect(await screen.findByRole('button', { name: /^Jan de Vries, .*sur demande, en attente de votre réponse$/ })).toHaveClass('bar--pending');
    expect(bar(/^Bloqué, Canal 4,/)).toHaveClass('bar--block');
    expect(bar(/^Paul Girard, .*à vérifier$/)).toHaveClass('bar--flagged');
    expect(bar(/^Léa Dubois, .*surréservé$/)).toHaveClass('bar--overbooked');

    // Two stays on the one room of the suite on the 16th: both drawn, on two lanes, and the night says so.
    const overbooked = cell('Suite du Pigeonnier', 'jeu\\. 16 juil\\. 2026');
    expect(overbooked).toHaveClass('cell--overbooked');
    expect(overbooked).toHaveAccessibleName(/surréservée de 1/);
    expect(plainSpaces(overbooked.textContent)).toContain('−1');
    expect(bar(/^Olivier Dubois/).style.top).not.toBe(bar(/^Léa Dubois/).style.top);
  });

  it('opens the file when its bar is clicked', async () => {
    const file = reservation({ id: 10, unitId: 1, guestName: 'Camille Martin', arrival: '2026-07-09', departure: '2026-07-12' });
    const api = pageApi({ units: rooms, stays: [file] }, { 'reservations:get': async () => file, 'reservations:history': async () => [] });
    const { user } = renderPage(api);
    await user.click(await screen.findByRole('button', { name: /^Camille Martin/ }));
    expect(await screen.findByRole('heading', { level: 2, name: /Camille Martin/ })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/reservations/10');
  });
});
