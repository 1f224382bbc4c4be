/** Alerts: the list (messages from `alerts.*`), dismissing, and toasts for what the loop pushes. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../../shared/domain';
import { pageApi, plainSpaces } from '../fakes';
import { renderPage } from '../renderPage';

const overbooking: Alert = {
  id: 3,
  kind: 'overbooking',
  createdAt: '2026-07-08T07:30:00Z',
  reservationIds: [10, 12],
  connectionId: null,
  params: { unit: 'Chambre Tilleul', nights: 2, firstNight: '2026-07-10', lastNight: '2026-07-11' },
  dismissedAt: null,
};
const booked: Alert = { id: 4, kind: 'newBooking', createdAt: '2026-07-08T07:45:00Z', reservationIds: [13], connectionId: 3, params: { guest: 'Emily Clarke' }, dismissedAt: null };

function alertsApi(alerts: Alert[]) {
  return pageApi({}, {
    'alerts:list': vi.fn(async () => alerts),
    'alerts:dismiss': vi.fn(async ({ id }: { id: number }) => ({ ...alerts.find((a) => a.id === id)!, dismissedAt: '2026-07-08T08:00:00Z' })),
  });
}

describe('alerts', () => {
  it('lists open alerts in words, with links to their files, and counts them in the navigation', async () => {
    window.history.replaceState(null, '', '#/alerts');
    renderPage(alertsApi([overbooking]));
    const alert = await screen.findByRole('article');
    expect(within(alert).getByRole('heading', { name: 'Surréservation' })).toBeInTheDocument();
    expect(plainSpaces(alert.textContent)).toContain('Surréservation dans Chambre Tilleul : 2 nuit(s) à partir du ven. 10 juil. 2026 vendues plusieurs fois.');
    expect(within(alert).getByRole('link', { name: 'Ouvrir le dossier n° 12' })).toHaveAttribute('href', '#/reservations/12');
    expect(screen.getByRole('link', { name: /Alertes/ })).toHaveTextContent('1');
  });

  it('dismisses an alert: it moves to the earlier ones', async () => {
    window.history.replaceState(null, '', '#/alerts');
    const api = alertsApi([overbooking]);
    const { user } = renderPage(api);
    await user.click(await screen.findByRole('button', { name: 'Classer' }));
    expect(api['alerts:dismiss']).toHaveBeenCalledWith({ id: 3 });
    expect(await screen.findByText('Rien ne vous attend pour l’instant.')).toBeInTheDocument();
    expect(screen.getByText('1 alerte précédente')).toBeInTheDocument();
  });

  it('shows a pushed overbooking at once as an interrupting toast, and a new booking politely', async () => {
    const { events, user } = renderPage(alertsApi([]));
    await screen.findByRole('heading', { name: 'Planning' });
    act(() => events.emit('alerts:new', overbooking));
    const toasts = screen.getByRole('region', { name: 'Nouvelles alertes' });
    const urgent = within(toasts).getByRole('alert');
    expect(plainSpaces(urgent.textContent)).toContain('Surréservation dans Chambre Tilleul');

    act(() => events.emit('alerts:new', booked));
    // No message of its own yet for this kind: its title says what happened.
    expect(within(toasts).getByRole('status')).toHaveTextContent('Nouvelle réservation');

    await user.click(within(urgent).getByRole('button', { name: 'Fermer' }));
    expect(within(toasts).queryByRole('alert')).not.toBeInTheDocument();
    // Closing a toast does not dismiss the alert: it stays in the list.
    expect(screen.getByRole('link', { name: /Alertes/ })).toHaveTextContent('2');
  });

  it('lets news fade on its own, but not an overbooking', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { events } = renderPage(alertsApi([]));
      await screen.findByRole('heading', { name: 'Planning' });
      act(() => {
        events.emit('alerts:new', overbooking);
        events.emit('alerts:new', booked);
      });
      act(() => vi.advanceTimersByTime(11_000));
      const toasts = screen.getByRole('region', { name: 'Nouvelles alertes' });
      await waitFor(() => expect(within(toasts).queryByRole('status')).not.toBeInTheDocument());
      expect(within(toasts).getByRole('alert')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});
