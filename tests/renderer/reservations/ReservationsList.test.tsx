/**
 * The list of files: what each row shows, and each filter turned into the right
 * 'reservations:list' input; the CSV export.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionWithFeeds } from '../../../shared/channelPresets';
import { pageApi, plainSpaces, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul' }), unit({ id: 2, name: 'Suite du Pigeonnier' })];
const files = [
  reservation({ id: 10, unitId: 1, guestName: 'Camille Martin', arrival: '2026-07-10', departure: '2026-07-14', guests: 2, amountCents: 34000 }),
  reservation({ id: 11, unitId: 2, guestName: 'Jan de Vries', status: 'pending', sourceConnectionId: 3, arrival: '2026-08-01', departure: '2026-08-03', flags: ['goneFromFeed'] }),
  reservation({ id: 12, unitId: 2, kind: 'block', guestName: null, guests: null, amountCents: null, sourceConnectionId: 5 }),
];
const links = [
  { feedId: 1, connectionId: 3, connectionName: 'Airbnb', channel: 'airbnb' as const, unitId: 2, unit: 'Suite du Pigeonnier', url: 'http://127.0.0.1:4780/feeds/abc.ics' },
];

/** A connection removed since: its files stay, marked. */
const removedAmivac: ConnectionWithFeeds = {
  id: 5,
  channel: 'amivac',
  name: 'Amivac',
  kind: 'ical',
  status: 'removed',
  sendsCancellations: true,
  commissionBasisPoints: null,
  createdAt: '2026-06-01T08:00:00Z',
  updatedAt: '2026-07-05T08:00:00Z',
  feeds: [],
};

async function openList(saveFile = vi.fn()) {
  const list = vi.fn(async () => ({ items: files, total: files.length }));
  const exportCsv = vi.fn(async () => ({ filename: 'pigeonnier-reservations-2026-07-08.csv', content: '\ufeffDossier;Chambre\r\n' }));
  const api = pageApi({ units: rooms }, { 'reservations:list': list, 'feeds:list': async () => links, 'reservations:exportCsv': exportCsv });
  window.history.replaceState(null, '', '#/reservations');
  const page = renderPage(api, 'fr', { saveFile });
  await screen.findByRole('row', { name: /Camille Martin/ });
  return { ...page, api, list, exportCsv, saveFile };
}

const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => plainSpaces(cell.textContent));
/** The inputs the list was asked with, from the page's own calls (the planning asks for its own). */
const listInputs = (list: ReturnType<typeof vi.fn>) => list.mock.calls.map(([input]) => input).filter((input) => input.limit === 500);

describe('the reservation files', () => {
  it('shows each file with its room, dates, nights, guests, status, source, amount and what needs attention', async () => {
    await openList();
    expect(cellsOf(screen.getByRole('row', { name: /Camille Martin/ }))).toEqual([
      'Chambre Tilleul',
      'ven. 10 juil. 2026',
      'mar. 14 juil. 2026',
      '4',
      '2',
      'Confirmée',
      'DDirect',
      '340,00 €',
      '',
    ]);
    const pending = cellsOf(screen.getByRole('row', { name: /Jan de Vries/ }));
    expect(pending).toEqual(expect.arrayContaining(['Sur demande', 'AAirbnb', 'Disparu chez le partenaire']));
    expect(cellsOf(screen.getByRole('row', { name: /Bloqué/ }))).toEqual(expect.arrayContaining(['—', '?Canal 5']));
    expect(screen.getByRole('link', { name: 'Camille Martin' })).toHaveAttribute('href', '#/reservations/10');
  });

  it('marks the files from a removed channel, under its name', async () => {
    const api = pageApi({ units: rooms }, { 'reservations:list': async () => ({ items: files, total: files.length }), 'feeds:list': async () => links, 'connections:list': async () => [removedAmivac] });
    window.history.replaceState(null, '', '#/reservations');
    renderPage(api);
    const blocked = await screen.findByRole('row', { name: /Bloqué/ });
    await waitFor(() => expect(cellsOf(blocked)).toEqual(expect.arrayContaining(['MAmivac (d’un canal supprimé)'])));
    expect(cellsOf(screen.getByRole('row', { name: /Jan de Vries/ }))).toEqual(expect.arrayContaining(['AAirbnb']));
  });

  it('asks for current and coming stays first, then applies each filter as it changes', async () => {
    const { user, list } = await openList();
    expect(listInputs(list)[0]).toEqual({ limit: 500, firstNight: '2026-07-08' });

    await user.click(screen.getByRole('checkbox', { name: 'Sur demande' }));
    await waitFor(() => expect(listInputs(list).at(-1)).toEqual({ limit: 500, firstNight: '2026-07-08', statuses: ['pending'] }));

    await user.selectOptions(screen.getByLabelText('Provenance'), 'Airbnb');
    await waitFor(() => expect(listInputs(list).at(-1)).toMatchObject({ source: 3 }));
    await user.selectOptions(screen.getByLabelText('Provenance'), 'Direct');
    await waitFor(() => expect(listInputs(list).at(-1)).toMatchObject({ source: 'direct' }));

    await user.type(screen.getByLabelText('au'), '2026-08-31');
    await waitFor(() => expect(listInputs(list).at(-1)).toMatchObject({ firstNight: '2026-07-08', lastNight: '2026-08-31' }));

    await user.click(screen.getByRole('checkbox', { name: 'À vérifier seulement' }));
    await waitFor(() => expect(listInputs(list).at(-1)).toMatchObject({ needsAttention: true }));

    await user.click(screen.getByRole('button', { name: 'Toutes périodes et tous statuts' }));
    await waitFor(() => expect(listInputs(list).at(-1)).toEqual({ limit: 500, source: 'direct', needsAttention: true }));
  });

  it('searches once the owner pauses typing', async () => {
    const { user, list } = await openList();
    const before = listInputs(list).length;
    await user.type(screen.getByLabelText('Rechercher'), 'Lefèvre');
    await waitFor(() => expect(listInputs(list).at(-1)).toMatchObject({ search: 'Lefèvre' }));
    // One read for the whole word, not one per letter.
    expect(listInputs(list).length - before).toBeLessThan(3);
  });

  it('says when nothing matches', async () => {
    const { user, list } = await openList();
    list.mockResolvedValue({ items: [], total: 0 });
    await user.click(screen.getByRole('checkbox', { name: 'Refusée' }));
    expect(await screen.findByText('Aucun dossier ne correspond à ces filtres.')).toBeInTheDocument();
  });

  it("exports the accountant's CSV in the page's language and hands it over as a file", async () => {
    const { user, exportCsv, saveFile } = await openList();
    await user.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    expect(exportCsv).toHaveBeenCalledWith({ language: 'fr' });
    await waitFor(() => expect(saveFile).toHaveBeenCalledWith('pigeonnier-reservations-2026-07-08.csv', '\ufeffDossier;Chambre\r\n', 'text/csv;charset=utf-8'));
  });
});
