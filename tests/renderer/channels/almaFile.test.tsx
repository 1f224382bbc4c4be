/**
 * A reservation file from Alma Heritage, in the real file view over a fake Api: a booking on
 * request is confirmed or refused and the owner is told the answer goes to Alma Heritage; the
 * cancel action records a cancellation received by e-mail; a modification Alma Heritage sent
 * (not supported) says what to do. A file from another channel keeps the usual words.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionWithFeeds } from '../../../shared/channelPresets';
import type { Reservation } from '../../../shared/domain';
import { pageApi, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const alma: ConnectionWithFeeds = {
  id: 7,
  channel: 'alma_heritage',
  name: 'Alma Heritage',
  kind: 'api',
  status: 'active',
  sendsCancellations: true,
  commissionBasisPoints: 1300,
  createdAt: '2026-06-01T08:00:00Z',
  updatedAt: '2026-06-01T08:00:00Z',
  feeds: [],
};

const airbnb: ConnectionWithFeeds = { ...alma, id: 3, channel: 'airbnb', name: 'Airbnb', kind: 'ical', commissionBasisPoints: null };

const onRequest = reservation({
  id: 21,
  unitId: 2,
  guestName: 'Claire Dubois',
  status: 'pending',
  sourceConnectionId: 7,
  partnerReference: 'AH-R-10043',
  arrival: '2026-12-01',
  departure: '2026-12-04',
  amountCents: 28500,
});

function openFile(file: Reservation) {
  let current = file;
  const decided = (status: Reservation['status']) => async () => (current = { ...current, status });
  const api = pageApi(
    { units: [unit({ id: 2, name: 'Chambre Rose' })], stays: [file] },
    {
      'connections:list': async () => [alma, airbnb],
      'reservations:get': vi.fn(async () => current),
      'reservations:history': async () => [],
      'reservations:confirm': vi.fn(decided('confirmed')),
      'reservations:refuse': vi.fn(decided('refused')),
      'reservations:cancel': vi.fn(decided('cancelled')),
    },
  );
  window.history.replaceState(null, '', `#/reservations/${file.id}`);
  return { ...renderPage(api), api };
}

describe('a file from Alma Heritage', () => {
  it('on request: says the answer goes to Alma Heritage, and confirms', async () => {
    const { user, api } = openFile(onRequest);
    expect(await screen.findByText('Votre réponse est transmise à Alma Heritage.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirmer la réservation' }));
    expect(api['reservations:confirm']).toHaveBeenCalledWith({ id: 21 });
    expect(await screen.findByText('Confirmée', { selector: '.status-badge' })).toBeInTheDocument();
    expect(screen.queryByText('Votre réponse est transmise à Alma Heritage.')).not.toBeInTheDocument();
  });

  it('on request: refuses after asking', async () => {
    const { user, api } = openFile(onRequest);
    await user.click(await screen.findByRole('button', { name: 'Refuser…' }));
    await user.type(screen.getByLabelText('Motif (facultatif, gardé dans l’historique)'), 'Maison fermée en décembre');
    await user.click(screen.getByRole('button', { name: 'Refuser la réservation' }));
    expect(api['reservations:refuse']).toHaveBeenCalledWith({ id: 21, reason: 'Maison fermée en décembre' });
  });

  it('records a cancellation received by e-mail, in those words', async () => {
    const { user, api } = openFile({ ...onRequest, status: 'confirmed' });
    await user.click(await screen.findByRole('button', { name: 'Enregistrer une annulation reçue par e-mail…' }));
    expect(screen.getByText('Enregistrer l’annulation qu’Alma Heritage vous a envoyée par e-mail ? Les nuits sont libérées.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’annulation' }));
    expect(api['reservations:cancel']).toHaveBeenCalledWith({ id: 21 });
    expect(screen.queryByText('Votre réponse est transmise à Alma Heritage.')).not.toBeInTheDocument();
  });

  it('says an edit made here stays in Pigeonnier (Alma Heritage takes no changes)', async () => {
    openFile({ ...onRequest, status: 'confirmed' });
    expect(await screen.findByRole('link', { name: 'Modifier' })).toBeInTheDocument();
    expect(screen.getByText(/Une modification faite ici reste dans Pigeonnier/)).toBeInTheDocument();
  });

  it('flagged as changed by Alma Heritage: modifications are not supported, and says what to do', async () => {
    openFile({ ...onRequest, status: 'confirmed', flags: ['changedByPartner'] });
    const flag = await screen.findByRole('region', { name: 'Alma Heritage a envoyé une modification de ce séjour' });
    expect(flag).toHaveTextContent('Alma Heritage ne prend pas en charge les modifications de séjour');
    expect(flag).toHaveTextContent('la modification devient une annulation et une nouvelle réservation. Enregistrez ensuite l’annulation ici');
  });
});

describe('a file from another channel', () => {
  it('keeps the usual words', async () => {
    openFile({ ...onRequest, sourceConnectionId: 3, flags: ['changedByPartner'] });
    expect(await screen.findByRole('button', { name: 'Annuler la réservation…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirmer la réservation' })).toBeInTheDocument();
    expect(screen.queryByText('Votre réponse est transmise à Alma Heritage.')).not.toBeInTheDocument();
    expect(screen.queryByText(/Une modification faite ici reste dans Pigeonnier/)).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Modifié par le partenaire' })).queryByText(/Alma Heritage/)).not.toBeInTheDocument();
  });
});
