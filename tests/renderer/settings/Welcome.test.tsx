/** First run: the property and its rooms in one form, or the demo. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { Property } from '../../../shared/domain';
import { gite, pageApi, unit } from '../fakes';
import { renderPage } from '../renderPage';

function firstRunApi() {
  let property: Property | null = null;
  return pageApi(
    { property: null, units: [] },
    {
      'property:get': vi.fn(async () => property),
      'property:save': vi.fn(async (input) => (property = { ...gite, ...input })),
      'units:create': vi.fn(async (input) => unit({ id: 1, ...input })),
      'demo:load': vi.fn(async () => {
        property = { ...gite, name: 'La Maison des Hirondelles' };
        return { units: 3, reservations: 9 };
      }),
    },
  );
}

describe('the first run', () => {
  it('creates the property and each room, then opens the planning', async () => {
    const api = firstRunApi();
    const { user } = renderPage(api);
    await screen.findByRole('heading', { name: 'Bienvenue dans Pigeonnier' });
    await user.type(screen.getByLabelText('Nom'), 'Le Moulin');
    await user.selectOptions(screen.getByLabelText('Type'), 'Gîte');
    const first = screen.getByRole('group', { name: 'Chambre 1' });
    await user.type(within(first).getByLabelText('Chambre'), 'Le gîte');
    await user.clear(within(first).getByLabelText('Personnes'));
    await user.type(within(first).getByLabelText('Personnes'), '6');
    await user.type(within(first).getByLabelText('Tarif de base par nuit (€)'), '180');
    await user.click(screen.getByRole('button', { name: 'Ajouter une chambre' }));
    const second = screen.getByRole('group', { name: 'Chambre 2' });
    await user.type(within(second).getByLabelText('Chambre'), 'La cabane');
    await user.type(within(second).getByLabelText('Tarif de base par nuit (€)'), '95,50');
    await user.click(screen.getByRole('button', { name: 'Créer mon planning' }));

    expect(api['property:save']).toHaveBeenCalledWith({ name: 'Le Moulin', type: 'gite', timeZone: 'Europe/Paris', country: 'FR' });
    await waitFor(() => expect(api['units:create']).toHaveBeenCalledTimes(2));
    expect(vi.mocked(api['units:create']).mock.calls.map(([input]) => input)).toEqual([
      { name: 'Le gîte', capacity: 6, baseRateCents: 18000 },
      { name: 'La cabane', capacity: 2, baseRateCents: 9550 },
    ]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Planning' })).toBeInTheDocument();
  });

  it('shows what the service refused, field by field, and stays on the form', async () => {
    const api = firstRunApi();
    vi.mocked(api['property:save']).mockRejectedValueOnce(ApiError.invalid([{ path: ['name'], key: 'errors.required', params: { limit: 1 } }]));
    const { user } = renderPage(api);
    await user.click(await screen.findByRole('button', { name: 'Créer mon planning' }));
    await waitFor(() => expect(screen.getByLabelText('Nom')).toHaveAccessibleDescription('Obligatoire.'));
    expect(api['units:create']).not.toHaveBeenCalled();
  });

  it('loads the demo for an owner who is just looking', async () => {
    const api = firstRunApi();
    const { user } = renderPage(api);
    await user.click(await screen.findByRole('button', { name: 'Charger la démonstration' }));
    expect(api['demo:load']).toHaveBeenCalled();
    expect(await screen.findByRole('heading', { level: 1, name: 'La Maison des Hirondelles' })).toBeInTheDocument();
  });
});
