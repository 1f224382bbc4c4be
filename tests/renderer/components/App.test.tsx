import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { pageApi, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul' })];

describe('App', () => {
  it("heads the page with the property's name and opens on the planning", async () => {
    renderPage(pageApi({ units: rooms }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Le Pigeonnier de Sarlat' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Planning' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Principal' })).getByRole('link', { name: 'Planning' })).toHaveAttribute('aria-current', 'page');
  });

  it('welcomes a first-time owner instead of showing an empty planning', async () => {
    renderPage(pageApi({ property: null, units: [] }));
    expect(await screen.findByRole('heading', { name: 'Bienvenue dans Pigeonnier' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Pigeonnier' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('moves between views with the navigation, and the address says where the owner is', async () => {
    const { user } = renderPage(pageApi({ units: rooms }));
    const nav = await screen.findByRole('navigation', { name: 'Principal' });
    await user.click(within(nav).getByRole('link', { name: 'Réservations' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Dossiers de réservation' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/reservations');
    await user.click(within(nav).getByRole('link', { name: 'Réglages' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Réglages' })).toBeInTheDocument();
  });

  it('shows a refusal translated with its params, in the language of the page', async () => {
    const api = pageApi({ units: rooms }, {
      'units:list': async () => {
        throw ApiError.conflict('errors.guestsOverCapacity', { capacity: 4 });
      },
    });
    const { user } = renderPage(api);
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette chambre accueille 4 personnes au plus.');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This room sleeps 4 at most.');
  });

  it('lists the field issues of a refused input under its message, until dismissed', async () => {
    const api = pageApi({ units: rooms }, {
      'units:list': async () => {
        throw ApiError.invalid([{ path: ['limit'], key: 'errors.tooBig', params: { limit: 5000 } }]);
      },
    });
    const { user } = renderPage(api);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Certains champs sont à corriger.');
    expect(within(banner).getByRole('listitem')).toHaveTextContent('Au plus 5000.');

    await user.click(screen.getByRole('button', { name: 'Fermer ce message' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('words a refusal with a key this page does not know in a generic sentence with its code', async () => {
    const api = pageApi({ units: rooms }, {
      'units:list': async () => {
        throw ApiError.notFound('errors.someFutureKey');
      },
    });
    renderPage(api);
    expect(await screen.findByRole('alert')).toHaveTextContent('Pigeonnier a refusé cette demande (not_found).');
  });

  it('shows the network message when the service cannot be reached', async () => {
    const api = pageApi({ units: rooms }, {
      'property:get': async () => {
        throw new ApiError({ code: 'internal', key: 'errors.network', issues: [] });
      },
    });
    renderPage(api);
    expect(await screen.findByRole('alert')).toHaveTextContent('Pigeonnier ne répond pas. Est-il toujours lancé ?');
  });

  it('draws a new booking on the planning after the main process pushes reservations:changed', async () => {
    const stays = [reservation({ id: 1, unitId: 1, guestName: 'Camille Martin', arrival: '2026-07-09', departure: '2026-07-11' })];
    const api = pageApi({ units: rooms, stays });
    const { events } = renderPage(api);
    expect(await screen.findByRole('button', { name: /^Camille Martin/ })).toBeInTheDocument();

    stays.push(reservation({ id: 2, unitId: 1, guestName: 'Léa Dubois', arrival: '2026-07-12', departure: '2026-07-14' }));
    act(() => events.emit('reservations:changed', { reservationIds: [2] }));
    expect(await screen.findByRole('button', { name: /^Léa Dubois/ })).toBeInTheDocument();
  });

  it('opens the file a desktop notification points to', async () => {
    const file = reservation({ id: 7, unitId: 1, guestName: 'Hannah Becker' });
    const api = pageApi({ units: rooms, stays: [file] }, { 'reservations:get': async () => file, 'reservations:history': async () => [] });
    const { events } = renderPage(api);
    await screen.findByRole('heading', { level: 2, name: 'Planning' });
    act(() => events.emit('app:navigate', { target: 'reservation', id: 7 }));
    expect(await screen.findByRole('heading', { level: 2, name: /Hannah Becker/ })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/reservations/7');
  });
});
