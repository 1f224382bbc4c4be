/**
 * The booking form: live availability and restriction checks, the service's refusal keys as
 * the fields' messages, and the warning before an overbooking, then the resend with
 * allowOverbooking once the owner says so.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StayCheck } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { pageApi, plainSpaces, reservation, unit } from '../fakes';
import { renderPage } from '../renderPage';

const rooms = [unit({ id: 1, name: 'Chambre Tilleul', capacity: 2, baseRateCents: 8500 }), unit({ id: 2, name: 'Suite du Pigeonnier', capacity: 4 })];

const night = (date: string, rateCents = 8500) => ({ night: date, stock: 1, held: 0, free: 1, closed: false, rateCents, minStay: 1, closedToArrival: false, closedToDeparture: false });
const freeCheck: StayCheck = { nights: [night('2026-07-10'), night('2026-07-11'), night('2026-07-12')], unavailableNights: [], warnings: [], suggestedAmountCents: 25500 };

function bookingApi(check: StayCheck = freeCheck) {
  const created = reservation({ id: 42, unitId: 1, guestName: 'Camille Martin', arrival: '2026-07-10', departure: '2026-07-13' });
  return pageApi(
    { units: rooms },
    {
      'reservations:check': vi.fn(async () => check),
      'reservations:create': vi.fn(async () => ({ reservation: created, overbookings: [] })),
      'reservations:get': async () => created,
      'reservations:history': async () => [],
    },
  );
}

async function openForm(api = bookingApi()) {
  window.history.replaceState(null, '', '#/reservations/new');
  const page = renderPage(api);
  await screen.findByRole('heading', { name: 'Nouvelle réservation directe' });
  return page;
}

async function fillStay(user: ReturnType<typeof renderPage>['user']) {
  await user.selectOptions(screen.getByLabelText('Chambre'), 'Chambre Tilleul (2 personnes)');
  await user.type(screen.getByLabelText('Arrivée'), '2026-07-10');
  await user.type(screen.getByLabelText('Départ'), '2026-07-13');
  await user.type(screen.getByLabelText('Nom du client'), 'Camille Martin');
}

describe('the booking form', () => {
  it('checks the nights live and offers the amount the rates give', async () => {
    const api = bookingApi();
    const { user } = await openForm(api);
    await fillStay(user);
    const check = await screen.findByRole('region', { name: 'Disponibilité' });
    expect(api['reservations:check']).toHaveBeenLastCalledWith({ unitId: 1, arrival: '2026-07-10', departure: '2026-07-13', guests: 2 });
    expect(plainSpaces(check.textContent)).toContain('3 nuits, 255,00 € aux tarifs actuels.');
    expect(within(check).getByText('Toutes les nuits sont libres.')).toBeInTheDocument();

    await user.click(within(check).getByRole('button', { name: 'Reprendre ce montant' }));
    expect(screen.getByLabelText('Montant du séjour (€)')).toHaveValue('255,00');
  });

  it('warns while typing when nights are sold out or restrictions are broken', async () => {
    const check: StayCheck = {
      ...freeCheck,
      unavailableNights: ['2026-07-11'],
      warnings: [{ key: 'warnings.minStay', params: { nights: 4 } }, { key: 'warnings.closedToDeparture', params: { night: '2026-07-13' } }],
    };
    const { user } = await openForm(bookingApi(check));
    await fillStay(user);
    const region = await screen.findByRole('region', { name: 'Disponibilité' });
    expect(within(region).getByRole('alert')).toHaveTextContent('Plus rien à vendre le sam. 11 juil. : réserver serait une surréservation.');
    expect(region).toHaveTextContent('La durée minimale depuis cette arrivée est de 4 nuits.');
    expect(region).toHaveTextContent('Départs fermés le lun. 13 juil. 2026.');
  });

  it("shows each of the service's refusals next to its field, in the owner's language", async () => {
    const api = bookingApi();
    vi.mocked(api['reservations:create']).mockRejectedValueOnce(
      ApiError.invalid([
        { path: ['guests'], key: 'errors.guestsOverCapacity', params: { capacity: 2, unit: 'Chambre Tilleul' } },
        { path: ['email'], key: 'errors.email' },
        { path: ['amountCents'], key: 'errors.amountNegative', params: { limit: 0 } },
      ]),
    );
    const { user } = await openForm(api);
    await fillStay(user);
    await user.clear(screen.getByLabelText('Personnes'));
    await user.type(screen.getByLabelText('Personnes'), '3');
    await user.type(screen.getByLabelText('E-mail'), 'camille@');
    await user.type(screen.getByLabelText('Montant du séjour (€)'), '-10');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la réservation' }));

    expect(await screen.findByText('Certains champs sont à corriger.')).toBeInTheDocument();
    expect(screen.getByLabelText('Personnes')).toHaveAccessibleDescription('Cette chambre accueille 2 personnes au plus.');
    expect(screen.getByLabelText('Personnes')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('Adresse e-mail non valide.');
    expect(screen.getByLabelText('Montant du séjour (€)')).toHaveAccessibleDescription(/Un montant ne peut pas être négatif\./);
    expect(api['reservations:create']).toHaveBeenCalledWith(
      expect.objectContaining({ unitId: 1, arrival: '2026-07-10', departure: '2026-07-13', guests: 3, guestName: 'Camille Martin', email: 'camille@', amountCents: -1000, allowOverbooking: false }),
    );

    // Correcting a field clears its message.
    await user.type(screen.getByLabelText('E-mail'), 'example.fr');
    expect(screen.getByLabelText('E-mail')).not.toHaveAccessibleDescription();
  });

  it('says an amount it cannot read is not an amount, without asking the service', async () => {
    const api = bookingApi();
    const { user } = await openForm(api);
    await fillStay(user);
    await user.type(screen.getByLabelText('Montant du séjour (€)'), 'deux cents');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la réservation' }));
    expect(screen.getByLabelText('Montant du séjour (€)')).toHaveAccessibleDescription(/Montant non valide\./);
    expect(api['reservations:create']).not.toHaveBeenCalled();
  });

  it('warns clearly before an overbooking, and books it only when the owner insists', async () => {
    const api = bookingApi();
    vi.mocked(api['reservations:create']).mockRejectedValueOnce(
      ApiError.conflict('errors.overbooking', { unit: 'Chambre Tilleul', nights: 1, firstNight: '2026-07-11', lastNight: '2026-07-11' }),
    );
    const { user } = await openForm(api);
    await fillStay(user);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la réservation' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Ce serait une surréservation' });
    expect(dialog).toHaveTextContent("Chambre Tilleul n'a plus rien à vendre sur 1 de ces nuits (du sam. 11 juil. 2026 au sam. 11 juil. 2026).");
    // The safe answer has the focus.
    expect(within(dialog).getByRole('button', { name: 'Revenir au formulaire' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Revenir au formulaire' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(api['reservations:create']).toHaveBeenCalledTimes(1);

    vi.mocked(api['reservations:create']).mockRejectedValueOnce(ApiError.conflict('errors.overbooking', { unit: 'Chambre Tilleul', nights: 1, firstNight: '2026-07-11', lastNight: '2026-07-11' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la réservation' }));
    await user.click(await screen.findByRole('button', { name: 'Réserver quand même' }));
    await waitFor(() => expect(api['reservations:create']).toHaveBeenCalledTimes(3));
    expect(vi.mocked(api['reservations:create']).mock.calls[2]![0]).toMatchObject({ unitId: 1, arrival: '2026-07-10', allowOverbooking: true });
    expect(await screen.findByRole('heading', { level: 2, name: /Camille Martin/ })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/reservations/42');
  });

  it('edits a file by sending only what changed', async () => {
    const file = reservation({ id: 7, unitId: 2, guestName: 'Hannah Becker', guests: 3, amountCents: 98000, arrival: '2026-07-20', departure: '2026-07-27' });
    const update = vi.fn(async () => ({ reservation: { ...file, guests: 4 }, overbookings: [] }));
    const api = pageApi(
      { units: rooms, stays: [file] },
      { 'reservations:get': async () => file, 'reservations:history': async () => [], 'reservations:check': async () => freeCheck, 'reservations:update': update },
    );
    window.history.replaceState(null, '', '#/reservations/7/edit');
    const { user } = renderPage(api);
    expect(await screen.findByRole('heading', { name: 'Modifier le dossier n° 7' })).toBeInTheDocument();
    expect(screen.getByLabelText('Montant du séjour (€)')).toHaveValue('980,00');
    await user.clear(screen.getByLabelText('Personnes'));
    await user.type(screen.getByLabelText('Personnes'), '4');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(update).toHaveBeenCalledWith({ id: 7, changes: { guests: 4 }, allowOverbooking: false }));
  });
});
