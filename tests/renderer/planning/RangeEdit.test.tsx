/**
 * Selecting nights on the planning (drag, shift-click, keyboard) and editing them from the side
 * panel: the Api is called with the selected room and range, and undo puts back exactly what the
 * nights had before. "Now" is Wednesday 8 July 2026 in Paris.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { NightOverride } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { pageApi, plainSpaces, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul' }), unit({ id: 2, name: 'Suite du Pigeonnier' })];

const cell = (room: string, night: string) => screen.getByRole('gridcell', { name: new RegExp(`^${night.replace(/\./g, '\\.')} 2026, ${room},`) });
const selectedNights = () =>
  screen
    .getAllByRole('gridcell')
    .filter((c) => c.getAttribute('aria-selected') === 'true')
    .map((c) => `${c.dataset.unit}:${c.dataset.night}`);

const setResult = { nightsChanged: 3, overbookings: [] };

function editableApi(previous: NightOverride[] = []) {
  return pageApi(
    { units: rooms },
    {
      'overrides:list': vi.fn(async () => previous),
      'overrides:set': vi.fn(async () => setResult),
    },
  );
}

async function openPlanning(api = editableApi()) {
  const page = renderPage(api);
  await screen.findByRole('gridcell', { name: /^ven\. 10 juil\. 2026, Chambre Tilleul,/ });
  return page;
}

describe('selecting nights', () => {
  it('selects a range of one room by click-and-drag', async () => {
    const { user } = await openPlanning();
    await user.pointer([
      { keys: '[MouseLeft>]', target: cell('Chambre Tilleul', 'ven. 10 juil.') },
      { target: cell('Chambre Tilleul', 'sam. 11 juil.') },
      // Dragging over another room does not leave the room the drag began in.
      { target: cell('Suite du Pigeonnier', 'sam. 11 juil.') },
      { target: cell('Chambre Tilleul', 'dim. 12 juil.') },
      { keys: '[/MouseLeft]' },
    ]);
    expect(selectedNights()).toEqual(['1:2026-07-10', '1:2026-07-11', '1:2026-07-12']);
    expect(plainSpaces(screen.getByText(/^Chambre Tilleul : du/).textContent)).toBe('Chambre Tilleul : du ven. 10 juil. 2026 au dim. 12 juil. 2026 (3 nuits)');
  });

  it('stretches the selection with shift-click, backwards too', async () => {
    const { user } = await openPlanning();
    await user.click(cell('Suite du Pigeonnier', 'mar. 14 juil.'));
    await user.keyboard('{Shift>}');
    await user.click(cell('Suite du Pigeonnier', 'ven. 10 juil.'));
    await user.keyboard('{/Shift}');
    expect(selectedNights()).toEqual(['2:2026-07-10', '2:2026-07-11', '2:2026-07-12', '2:2026-07-13', '2:2026-07-14']);
  });

  it('moves and selects with the keyboard from today, and Enter goes to the panel', async () => {
    const { user } = await openPlanning();
    const grid = screen.getByRole('grid');
    // One tab stop for the whole grid, after the page's tools.
    for (let i = 0; i < 20 && document.activeElement !== grid; i++) await user.tab();
    expect(grid).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Revenir à aujourd’hui' }).compareDocumentPosition(grid) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(grid.getAttribute('aria-activedescendant')).toBe(cell('Suite du Pigeonnier', 'jeu. 9 juil.').id);
    await user.keyboard('{Shift>}{ArrowRight}{ArrowRight}{/Shift}');
    expect(selectedNights()).toEqual(['2:2026-07-09', '2:2026-07-10', '2:2026-07-11']);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Tarif de la nuit (€)')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Effacer la sélection' }));
    expect(selectedNights()).toEqual([]);
  });

  it('clears the selection with Escape', async () => {
    const { user } = await openPlanning();
    await user.click(cell('Chambre Tilleul', 'ven. 10 juil.'));
    expect(selectedNights()).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(selectedNights()).toEqual([]);
  });
});

describe('editing the selected nights', () => {
  async function selectTenToTwelve(user: ReturnType<typeof renderPage>['user']) {
    await user.click(cell('Chambre Tilleul', 'ven. 10 juil.'));
    await user.keyboard('{Shift>}');
    await user.click(cell('Chambre Tilleul', 'dim. 12 juil.'));
    await user.keyboard('{/Shift}');
  }

  it('sets rate, stock and restrictions over exactly the selected room and nights, reading them first for undo', async () => {
    const api = editableApi();
    const { user } = await openPlanning(api);
    await selectTenToTwelve(user);
    const panel = screen.getByRole('complementary', { name: 'Nuits sélectionnées' });
    await user.type(within(panel).getByLabelText('Tarif de la nuit (€)'), '99,50');
    await user.type(within(panel).getByLabelText('Chambres à vendre'), '2');
    await user.selectOptions(within(panel).getByLabelText('Fermé aux arrivées'), 'Oui');
    await user.click(within(panel).getByRole('button', { name: 'Appliquer' }));

    const range = { unitIds: [1], firstNight: '2026-07-10', lastNight: '2026-07-12' };
    expect(api['overrides:list']).toHaveBeenCalledWith(range);
    expect(api['overrides:set']).toHaveBeenCalledWith({ ...range, changes: { rateCents: 9950, stock: 2, closedToArrival: true } });
    expect(await within(panel).findByText('3 nuits modifiées.')).toBeInTheDocument();
  });

  it('closes the nights to sale, and applies to every room when asked', async () => {
    const api = editableApi();
    const { user } = await openPlanning(api);
    await selectTenToTwelve(user);
    await user.click(screen.getByLabelText('Appliquer à toutes les chambres'));
    expect(screen.getByText(/^Toutes les chambres : du/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fermer à la vente' }));
    expect(api['overrides:set']).toHaveBeenCalledWith({ unitIds: [1, 2], firstNight: '2026-07-10', lastNight: '2026-07-12', changes: { closed: true } });
  });

  it('undoes an edit by putting back each night’s previous values, grouped into runs', async () => {
    const previous: NightOverride[] = [{ unitId: 1, night: '2026-07-11', rateCents: 12000, stock: null, minStay: 3, closedToArrival: null, closedToDeparture: null, closed: null }];
    const api = editableApi(previous);
    const { user } = await openPlanning(api);
    await selectTenToTwelve(user);
    await user.type(screen.getByLabelText('Tarif de la nuit (€)'), '99');
    await user.click(screen.getByRole('button', { name: 'Appliquer' }));
    await screen.findByText('3 nuits modifiées.');

    vi.mocked(api['overrides:set']).mockClear();
    await user.click(screen.getByRole('button', { name: 'Annuler la dernière modification' }));
    await screen.findByText(/^Modification annulée/);
    expect(vi.mocked(api['overrides:set']).mock.calls.map(([input]) => input)).toEqual([
      { unitIds: [1], firstNight: '2026-07-10', lastNight: '2026-07-10', changes: { rateCents: null } },
      { unitIds: [1], firstNight: '2026-07-11', lastNight: '2026-07-11', changes: { rateCents: 12000 } },
      { unitIds: [1], firstNight: '2026-07-12', lastNight: '2026-07-12', changes: { rateCents: null } },
    ]);
    expect(screen.getByRole('button', { name: 'Annuler la dernière modification' })).toBeDisabled();
  });

  it('says what cannot be read without calling the service, and shows the service’s refusal under its field', async () => {
    const api = editableApi();
    vi.mocked(api['overrides:set']).mockRejectedValueOnce(
      ApiError.invalid([{ path: ['changes', 'stock'], key: 'errors.stockNegative', params: { limit: 0 } }]),
    );
    const { user } = await openPlanning(api);
    await selectTenToTwelve(user);
    await user.type(screen.getByLabelText('Tarif de la nuit (€)'), 'cher');
    await user.click(screen.getByRole('button', { name: 'Appliquer' }));
    expect(screen.getByLabelText('Tarif de la nuit (€)')).toHaveAccessibleDescription(/Montant non valide\./);
    expect(api['overrides:set']).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Tarif de la nuit (€)'));
    await user.type(screen.getByLabelText('Chambres à vendre'), '-1');
    await user.click(screen.getByRole('button', { name: 'Appliquer' }));
    await waitFor(() => expect(screen.getByLabelText('Chambres à vendre')).toHaveAccessibleDescription('Le stock ne peut pas être négatif.'));
  });

  it('asks for a value rather than sending an empty change', async () => {
    const api = editableApi();
    const { user } = await openPlanning(api);
    await user.click(cell('Chambre Tilleul', 'ven. 10 juil.'));
    await user.click(screen.getByRole('button', { name: 'Appliquer' }));
    expect(screen.getByText('Indiquez au moins une valeur à changer.')).toBeInTheDocument();
    expect(api['overrides:set']).not.toHaveBeenCalled();
  });

  it('offers to book the selected nights, with the form filled in', async () => {
    const { user } = await openPlanning(pageApi({ units: rooms }, { 'reservations:check': async () => ({ nights: [], unavailableNights: [], warnings: [], suggestedAmountCents: 0 }) }));
    await selectTenToTwelve(user);
    await user.click(screen.getByRole('button', { name: 'Réserver ces nuits' }));
    expect(window.location.hash).toBe('#/reservations/new?unit=1&arrival=2026-07-10&departure=2026-07-13');
    expect(await screen.findByLabelText('Arrivée')).toHaveValue('2026-07-10');
    expect(screen.getByLabelText('Départ')).toHaveValue('2026-07-13');
  });
});
