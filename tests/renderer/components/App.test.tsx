import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { fakeApi, gite, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul' })];

function healthyApi() {
  return fakeApi({
    'property:get': async () => gite,
    'units:list': async () => rooms,
    'reservations:list': async () => ({ items: [reservation({ id: 1, unitId: 1, status: 'pending' })], total: 1 }),
  });
}

describe('App', () => {
  it("heads the page with the property's name", async () => {
    renderPage(healthyApi());
    expect(await screen.findByRole('heading', { level: 1, name: 'Le Pigeonnier de Sarlat' })).toBeInTheDocument();
    expect(screen.queryByText(/Aucun établissement/)).not.toBeInTheDocument();
  });

  it('tells a first-time owner how to start when there is no property yet', async () => {
    const api = fakeApi({
      'property:get': async () => null,
      'units:list': async () => [],
      'reservations:list': async () => ({ items: [], total: 0 }),
    });
    renderPage(api);
    expect(await screen.findByText("Aucun établissement pour l'instant — lancez la démo ou configurez-le.")).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Pigeonnier' })).toBeInTheDocument();
  });

  it('switches the visible text from French to English and back', async () => {
    const { user } = renderPage(healthyApi());
    expect(await screen.findByRole('heading', { name: 'Chambres' })).toBeInTheDocument();
    expect(await screen.findByText('Sur demande')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Rooms' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Reservation files' })).toBeInTheDocument();
    expect(screen.getByText('On request')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Français' }));
    expect(screen.getByRole('heading', { name: 'Chambres' })).toBeInTheDocument();
    expect(screen.getByText('Sur demande')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
  });

  it('shows a refusal translated with its params, in the language of the page', async () => {
    const api = healthyApi();
    api['units:list'] = async () => {
      throw ApiError.conflict('errors.guestsOverCapacity', { capacity: 4 });
    };
    const { user } = renderPage(api);
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette chambre accueille 4 personnes au plus.');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This room sleeps 4 at most.');
  });

  it('lists the field issues of a refused input under its message, until dismissed', async () => {
    const api = healthyApi();
    api['reservations:list'] = async () => {
      throw ApiError.invalid([{ path: ['limit'], key: 'errors.tooBig', params: { limit: 5000 } }]);
    };
    const { user } = renderPage(api);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Certains champs sont à corriger.');
    expect(within(banner).getByRole('listitem')).toHaveTextContent('Au plus 5000.');

    await user.click(screen.getByRole('button', { name: 'Fermer ce message' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('words a refusal with a key this page does not know in a generic sentence with its code', async () => {
    const api = healthyApi();
    api['units:list'] = async () => {
      throw ApiError.notFound('errors.someFutureKey');
    };
    renderPage(api);
    expect(await screen.findByRole('alert')).toHaveTextContent('Pigeonnier a refusé cette demande (not_found).');
  });

  it('shows the network message when the service cannot be reached', async () => {
    const api = healthyApi();
    api['property:get'] = async () => {
      throw new ApiError({ code: 'internal', key: 'errors.network', issues: [] });
    };
    renderPage(api);
    expect(await screen.findByRole('alert')).toHaveTextContent('Pigeonnier ne répond pas. Est-il toujours lancé ?');
  });

  it('shows a new booking after the main process pushes reservations:changed', async () => {
    const api = healthyApi();
    const { events } = renderPage(api);
    expect(await screen.findByText('Camille Martin')).toBeInTheDocument();

    api['reservations:list'] = async () => ({
      items: [reservation({ id: 2, unitId: 1, guestName: 'Léa Dubois' })],
      total: 1,
    });
    act(() => events.emit('reservations:changed', { reservationIds: [2] }));
    expect(await screen.findByText('Léa Dubois')).toBeInTheDocument();
    expect(screen.queryByText('Camille Martin')).not.toBeInTheDocument();
  });
});
