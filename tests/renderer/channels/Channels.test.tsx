/** The status bar and the channels overview, fed by 'sync:status' and the loop's events. */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { ApiInput } from '../../../shared/api';
import type { ConnectionWithFeeds, LinkCheckResult } from '../../../shared/channelPresets';
import type { Channel } from '../../../shared/domain';
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

/** What 'connections:list' answers: one room, receiving from `importUrl` when given. */
function listed(id: number, channel: Channel, name: string, feed: { importUrl?: string | null; status?: ConnectionWithFeeds['status'] } = {}): ConnectionWithFeeds {
  const importUrl = feed.importUrl === undefined ? `https://${channel}.example.com/${id}.ics` : feed.importUrl;
  return {
    id,
    channel,
    name,
    kind: 'ical',
    status: feed.status ?? 'active',
    sendsCancellations: true,
    commissionBasisPoints: null,
    createdAt: '2026-07-01T08:00:00Z',
    updatedAt: '2026-07-01T08:00:00Z',
    feeds: [{ id: id * 10, connectionId: id, unitId: 1, importUrl, importEnabled: importUrl !== null, exportEnabled: true, health: 'ok', lastError: null, lastSuccessAt: null, failingSince: null }],
  };
}

function syncApi(status: SyncStatus = IN_STEP) {
  return pageApi({}, {
    'connections:list': vi.fn(async () => status.connections.map((c) => listed(c.connectionId, c.channel as Channel, c.name))),
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

  it('gives a card to every connection, send-only ones too, with pause, remove and the links to copy', async () => {
    window.history.replaceState(null, '', '#/channels');
    const alma = listed(5, 'google', 'Agenda Google', { importUrl: null });
    const update = vi.fn(async (input: { id: number; status?: 'active' | 'paused' }) => ({ ...alma, status: input.status ?? alma.status }));
    const remove = vi.fn(async () => ({ ...alma, status: 'removed' as const }));
    const api = pageApi({}, {
      'sync:status': async () => failing,
      'connections:list': async () => [listed(3, 'airbnb', 'Airbnb'), listed(4, 'france_voyage', 'France-Voyage'), alma, listed(6, 'amivac', 'Amivac', { status: 'removed' })],
      'feeds:list': async () => [{ feedId: 50, connectionId: 5, connectionName: 'Agenda Google', channel: 'google' as const, unitId: 1, unit: 'Chambre Tilleul', url: 'http://127.0.0.1:4780/feeds/abcdefghijklmnopqrstuvwxyz.ics' }],
      'connections:update': update,
      'connections:remove': remove,
    });
    const { user } = renderPage(api);
    const card = await screen.findByRole('article', { name: 'Agenda Google' });
    expect(screen.getByRole('article', { name: 'Airbnb' })).toHaveTextContent('En échec');
    expect(screen.queryByRole('article', { name: 'Amivac' })).not.toBeInTheDocument();
    expect(card).toHaveTextContent('Calendrier sortant seulement');
    expect(within(card).queryByRole('button', { name: /Synchroniser/ })).not.toBeInTheDocument();

    await user.click(within(card).getByText(/lien à copier/));
    await user.click(within(card).getByRole('button', { name: /Chambre Tilleul/ }));
    expect(await navigator.clipboard.readText()).toBe('http://127.0.0.1:4780/feeds/abcdefghijklmnopqrstuvwxyz.ics');

    await user.click(within(card).getByRole('button', { name: 'Mettre en pause — Agenda Google' }));
    expect(update).toHaveBeenCalledWith({ id: 5, status: 'paused' });
    expect(await within(card).findByRole('button', { name: 'Reprendre — Agenda Google' })).toBeInTheDocument();

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(true);
    await user.click(within(card).getByRole('button', { name: 'Supprimer — Agenda Google' }));
    expect(remove).toHaveBeenCalledWith({ id: 5 });
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Agenda Google' })).not.toBeInTheDocument());
    confirm.mockRestore();
  });

  it('replaces a room’s link on the same connection: checked like in the wizard, then saved', async () => {
    window.history.replaceState(null, '', '#/channels');
    const NEW = 'https://www.airbnb.fr/calendar/ical/123.ics?s=new';
    let emit: ((result: LinkCheckResult) => void) | null = null;
    const checkLink = vi.fn(async () => {
      setTimeout(() => act(() => emit?.({ checkId: 'c1', ok: true, bookings: 2, blocks: 0, first: '2026-07-03', last: '2026-07-10', warnings: [] })), 0);
      return { checkId: 'c1' };
    });
    const before = listed(3, 'airbnb', 'Airbnb');
    const update = vi.fn(async (input: ApiInput<'connections:update'>) => ({ ...before, feeds: [{ ...before.feeds[0]!, importUrl: input.rooms![0]!.importUrl! }] }));
    const api = pageApi({}, { 'sync:status': async () => failing, 'connections:list': async () => [before], 'connections:checkLink': checkLink, 'connections:update': update });
    const { user, events } = renderPage(api);
    emit = (result) => events.emit('connections:linkChecked', result);
    const card = await screen.findByRole('article', { name: 'Airbnb' });
    expect(card).toHaveTextContent('https://airbnb.example.com/3.ics');

    await user.click(within(card).getByRole('button', { name: 'Remplacer le lien — Chambre Tilleul' }));
    await user.type(within(card).getByLabelText('Lien iCal du partenaire — Chambre Tilleul'), NEW);
    await user.click(within(card).getByRole('button', { name: 'Vérifier le lien — Chambre Tilleul' }));
    expect(checkLink).toHaveBeenCalledWith({ url: NEW });
    expect(await within(card).findByText(/^2 réservations du .* ; aucune période bloquée\.$/)).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Enregistrer' }));
    expect(update).toHaveBeenCalledWith({ id: 3, rooms: [{ unitId: 1, importUrl: NEW }] });
    expect(api['connections:create']).not.toHaveBeenCalled();
    expect(await within(card).findByText(NEW)).toBeInTheDocument();
    expect(within(card).queryByRole('textbox')).not.toBeInTheDocument();
  });
});
