/** Settings: the property and its terms, the rooms (add, edit, order), the feed server, the sync interval. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { gite, pageApi, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul', baseRateCents: 9500 }), unit({ id: 2, name: 'Suite du Pigeonnier', capacity: 4, minStay: 2 })];

function settingsApi() {
  return pageApi(
    { units: rooms },
    {
      'property:save': vi.fn(async (input) => ({ ...gite, ...input, updatedAt: '2026-07-08T09:00:00Z' })),
      'units:create': vi.fn(async (input) => unit({ id: 3, ...input })),
      'units:update': vi.fn(async ({ id, changes }) => ({ ...rooms.find((r) => r.id === id)!, ...changes })),
      'units:reorder': vi.fn(async ({ unitIds }: { unitIds: number[] }) => unitIds.map((id) => rooms.find((r) => r.id === id)!)),
      'settings:saveFeedServer': vi.fn(async (input) => ({ host: '0.0.0.0', port: 4780, publicBaseUrl: 'https://gite.example.fr', linkBase: 'https://gite.example.fr', linksLocalOnly: false, ...input })),
      'settings:saveSync': vi.fn(async ({ intervalMinutes }: { intervalMinutes: number }) => ({ intervalMinutes, paused: false })),
    },
  );
}

async function openSettings(api = settingsApi()) {
  window.history.replaceState(null, '', '#/settings');
  const page = renderPage(api);
  await screen.findByRole('region', { name: 'Établissement' });
  return { ...page, api };
}

describe('the settings', () => {
  it('saves the property with its address, country, time zone and terms of sale', async () => {
    const { user, api } = await openSettings();
    const section = screen.getByRole('region', { name: 'Établissement' });
    expect(within(section).getByLabelText('Nom')).toHaveValue('Le Pigeonnier de Sarlat');
    await user.selectOptions(within(section).getByLabelText('Type'), 'Gîte');
    await user.selectOptions(within(section).getByLabelText('Pays'), 'Guadeloupe');
    // The zone follows the country while the owner has not chosen another.
    expect(within(section).getByLabelText('Fuseau horaire')).toHaveValue('America/Guadeloupe');
    await user.type(within(section).getByLabelText('Conditions générales de vente'), 'Arrhes de 30 %.');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer' }));
    expect(api['property:save']).toHaveBeenCalledWith(expect.objectContaining({ name: 'Le Pigeonnier de Sarlat', type: 'gite', country: 'GP', timeZone: 'America/Guadeloupe', termsOfSale: 'Arrhes de 30 %.' }));
  });

  it('shows the service’s refusal under the field it concerns', async () => {
    const api = settingsApi();
    vi.mocked(api['property:save']).mockRejectedValueOnce(ApiError.invalid([{ path: ['name'], key: 'errors.required', params: { limit: 1 } }]));
    const { user } = await openSettings(api);
    const section = screen.getByRole('region', { name: 'Établissement' });
    await user.clear(within(section).getByLabelText('Nom'));
    await user.click(within(section).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(within(section).getByLabelText('Nom')).toHaveAccessibleDescription('Obligatoire.'));
  });

  it('edits a room, adds one, and moves one up', async () => {
    const { user, api } = await openSettings();
    const tilleul = screen.getByRole('form', { name: 'Chambre Tilleul' });
    expect(within(tilleul).getByLabelText('Tarif de base par nuit (€)')).toHaveValue('95,00');
    await user.clear(within(tilleul).getByLabelText('Tarif de base par nuit (€)'));
    await user.type(within(tilleul).getByLabelText('Tarif de base par nuit (€)'), '99,90');
    await user.click(within(tilleul).getByRole('button', { name: 'Enregistrer' }));
    expect(api['units:update']).toHaveBeenCalledWith({ id: 1, changes: { name: 'Chambre Tilleul', capacity: 2, stock: 1, baseRateCents: 9990, minStay: 1 } });

    const added = screen.getByRole('form', { name: 'Ajouter une chambre' });
    await user.type(within(added).getByLabelText('Chambre'), 'La Grange');
    await user.clear(within(added).getByLabelText('Personnes'));
    await user.type(within(added).getByLabelText('Personnes'), '5');
    await user.type(within(added).getByLabelText('Tarif de base par nuit (€)'), '120');
    await user.click(within(added).getByRole('button', { name: 'Ajouter la chambre' }));
    expect(api['units:create']).toHaveBeenCalledWith({ name: 'La Grange', capacity: 5, stock: 1, baseRateCents: 12000, minStay: 1 });

    await user.click(screen.getByRole('button', { name: 'Monter Suite du Pigeonnier' }));
    expect(api['units:reorder']).toHaveBeenCalledWith({ unitIds: [2, 1] });
    expect(screen.getByRole('button', { name: 'Monter Chambre Tilleul' })).toBeEnabled();
  });

  it('opens the feed server to the network with a public address, and says when links stay local', async () => {
    const { user, api } = await openSettings();
    const section = screen.getByRole('region', { name: 'Calendriers sortants (serveur de flux)' });
    expect(await within(section).findByText(/Ces liens désignent cet ordinateur seulement/)).toBeInTheDocument();
    await user.selectOptions(within(section).getByLabelText('Qui peut joindre les calendriers'), 'Le réseau local et internet (via votre box)');
    await user.type(within(section).getByLabelText('Adresse publique'), 'https://gite.example.fr');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer' }));
    expect(api['settings:saveFeedServer']).toHaveBeenCalledWith({ host: '0.0.0.0', port: 4780, publicBaseUrl: 'https://gite.example.fr' });
    await waitFor(() => expect(within(section).queryByText(/Ces liens désignent cet ordinateur seulement/)).not.toBeInTheDocument());
  });

  it('sets the sync interval, and says where start at login is set', async () => {
    const { user, api } = await openSettings();
    const section = screen.getByRole('region', { name: 'Synchronisation' });
    const interval = await within(section).findByLabelText('Lire les calendriers des partenaires toutes les (minutes)');
    await user.clear(interval);
    await user.type(interval, '15');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer' }));
    expect(api['settings:saveSync']).toHaveBeenCalledWith({ intervalMinutes: 15 });
    expect(within(section).getByText(/se règle dans l’application de bureau/)).toBeInTheDocument();
  });
});
