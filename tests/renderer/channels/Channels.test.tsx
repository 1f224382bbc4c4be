/** The status bar and the channels overview, fed by 'sync:status' and the loop's events. */
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { SyncStatus } from '../../../shared/sync';
import { IN_STEP, pageApi, plainSpaces } from '../fakes';
import { renderPage } from '../renderPage';

const failing: SyncStatus = {
  overall: 'failing',
  paused: false,
  lastRoundAt: '2026-07-08T07:50:00Z',
  connections: [
    {
      connectionId: 3,
      channel: 'airbnb',
      name: 'Airbnb',
      state: 'failing',
      lastSuccessAt: '2026-07-07T18:00:00Z',
      lastFailureAt: '2026-07-08T07:50:00Z',
      lastError: { key: 'feeds.problem.notFound', params: { status: 404 } },
      failingSince: '2026-07-08T06:00:00Z',
      nextDueAt: '2026-07-08T08:10:00Z',
    },
    {
      connectionId: 4,
      channel: 'france_voyage',
      name: 'France-Voyage',
      state: 'ok',
      lastSuccessAt: '2026-07-08T07:50:00Z',
      lastFailureAt: null,
      lastError: null,
      failingSince: null,
      nextDueAt: '2026-07-08T08:00:00Z',
    },
  ],
};

function syncApi(status: SyncStatus = IN_STEP) {
  return pageApi({}, {
    'sync:status': vi.fn(async () => status),
    'sync:now': vi.fn(async () => ({ ...status, overall: 'syncing' as const })),
    'sync:pause': vi.fn(async () => ({ ...status, overall: 'paused' as const, paused: true })),
    'sync:resume': vi.fn(async () => status),
  });
}

const statusBar = () => screen.getByRole('contentinfo');

describe('the status bar', () => {
  it('says all is in step, shows progress while syncing, names the failing channels, and syncs on demand', async () => {
    const api = syncApi();
    const { events, user } = renderPage(api);
    expect(await within(await screen.findByRole('contentinfo')).findByText('Tous les canaux sont à jour')).toBeInTheDocument();

    act(() => events.emit('sync:status', { ...IN_STEP, overall: 'syncing' }));
    act(() => events.emit('sync:progress', { done: 2, total: 5 }));
    expect(within(statusBar()).getByText('Synchronisation…')).toBeInTheDocument();
    expect(within(statusBar()).getByRole('progressbar', { name: 'Avancement de la synchronisation' })).toHaveAttribute('value', '2');
    expect(within(statusBar()).getByText('2 sur 5')).toBeInTheDocument();
    expect(within(statusBar()).getByRole('button', { name: 'Synchroniser maintenant' })).toBeDisabled();

    act(() => events.emit('sync:status', failing));
    expect(within(statusBar()).getByText('Un canal est en échec : Airbnb')).toBeInTheDocument();
    expect(within(statusBar()).queryByRole('progressbar')).not.toBeInTheDocument();

    act(() => events.emit('sync:status', { ...failing, overall: 'conflict' }));
    expect(within(statusBar()).getByText('Un conflit vous attend')).toBeInTheDocument();

    await user.click(within(statusBar()).getByRole('button', { name: 'Synchroniser maintenant' }));
    expect(api['sync:now']).toHaveBeenCalledWith(undefined);
  });

  it('says plainly when this Pigeonnier has no sync loop, rather than failing', async () => {
    const api = pageApi({}, { 'sync:status': async () => Promise.reject(new ApiError({ code: 'unknown_call', key: 'errors.unknownCall', params: { name: 'sync:status' }, issues: [] })) });
    renderPage(api);
    expect(await within(await screen.findByRole('contentinfo')).findByText('La synchronisation ne tourne pas')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the channels overview', () => {
  it('shows a card per connection: state, last and next sync, the last error in plain words', async () => {
    window.history.replaceState(null, '', '#/channels');
    renderPage(syncApi(failing));
    const airbnb = await screen.findByRole('article', { name: 'Airbnb' });
    expect(within(airbnb).getByText('En échec')).toBeInTheDocument();
    const text = plainSpaces(airbnb.textContent);
    expect(text).toContain('Dernière synchronisation7 juil. 2026, 20:00');
    expect(text).toContain('Prochaine synchronisation8 juil. 2026, 10:10');
    expect(text).toContain('En échec depuis8 juil. 2026, 08:00');
    expect(text).toContain('Dernier problème : Ce lien de calendrier n’existe plus chez le partenaire (HTTP 404) : copiez à nouveau le lien depuis son extranet.');
    expect(screen.getByRole('article', { name: 'France-Voyage' })).toHaveTextContent('À jour');
  });

  it('syncs one connection now, and pauses and resumes the loop', async () => {
    window.history.replaceState(null, '', '#/channels');
    const api = syncApi(failing);
    const { user, events } = renderPage(api);
    await user.click(await screen.findByRole('button', { name: 'Synchroniser Airbnb maintenant' }));
    expect(api['sync:now']).toHaveBeenCalledWith({ connectionId: 3 });

    await user.click(screen.getByRole('button', { name: 'Mettre en pause' }));
    expect(api['sync:pause']).toHaveBeenCalled();
    expect(await screen.findByText(/La synchronisation est en pause/)).toBeInTheDocument();
    expect(within(statusBar()).getByText('Synchronisation en pause')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reprendre la synchronisation' }));
    expect(api['sync:resume']).toHaveBeenCalled();
    act(() => events.emit('sync:status', { ...failing, overall: 'inStep', paused: false }));
    expect(screen.queryByText(/La synchronisation est en pause/)).not.toBeInTheDocument();
  });
});
