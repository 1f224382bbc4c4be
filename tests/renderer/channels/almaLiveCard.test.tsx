/**
 * The live Alma Heritage channel's card, with the real components over a fake Api: its sync
 * summary and the partner's last error, "Resend everything", the commission in the owner's
 * language, pausing (which stops selling there), and correcting the connection details and the
 * rooms' codes once live.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { plainSpaces } from '../fakes';
import { almaView, block, channelsPage, DETAILS, live } from './almaPage';

describe('the live channel', () => {
  const failing = almaView(
    {
      ...DETAILS,
      stage: 'active',
      passwordSaved: true,
      contractConfirmedAt: '2026-07-01T08:00:00.000Z',
      rooms: [{ unitId: 1, roomCode: 'CH-ROSE', rateCode: 'STD' }],
      sync: {
        waiting: 4,
        oldestWaitingAt: '2026-07-08T06:00:00.000Z',
        lastPushAt: '2026-07-07T18:00:00.000Z',
        lastPullAt: '2026-07-08T07:55:00.000Z',
        failingSince: '2026-07-08T06:00:00.000Z',
        lastError: { key: 'alma.errors.partner', params: { count: 1, shortText: 'Invalid room type', code: '402', text: 'Unknown room CH-X' } },
        nextAttemptAt: '2026-07-08T08:10:00.000Z',
        unacknowledged: 0,
      },
    },
    'active',
  );

  it('shows the sync summary with the partner’s error, resends everything, and edits the commission', async () => {
    let current = failing;
    const resend = vi.fn(async () => current);
    const commission = vi.fn(async (input: { basisPoints: number }) => (current = { ...current, commissionBasisPoints: input.basisPoints }));
    const { user } = channelsPage({ 'alma:get': async () => current, 'alma:resendAll': resend, 'alma:saveCommission': commission });
    const card = await screen.findByRole('article', { name: 'Alma Heritage' });
    const text = plainSpaces(card.textContent);
    expect(text).toContain('Changements en attente d’envoi4');
    expect(text).toContain('Dernier envoi7 juil. 2026, 20:00');
    expect(text).toContain('Dernière lecture des réservations8 juil. 2026, 09:55');
    expect(text).toContain('Prochaine tentative8 juil. 2026, 10:10');
    expect(text).toContain('Dernière erreur :');
    expect(within(card).getByRole('note')).toHaveTextContent('Invalid room type');
    expect(within(card).getByRole('note')).toHaveTextContent('402');
    expect(within(card).getByRole('note')).toHaveTextContent('Unknown room CH-X');
    // The technical contact is at hand on the live channel too.
    expect(plainSpaces((await block()).textContent)).toContain('+33 6 71 93 90 08');

    await user.click(within(card).getByRole('button', { name: 'Tout renvoyer' }));
    expect(resend).toHaveBeenCalledWith({ id: 9 });
    expect(await within(card).findByText('Tout sera renvoyé à Alma Heritage.')).toBeInTheDocument();

    const percent = within(card).getByLabelText('Commission (%)');
    expect(percent).toHaveValue('13');
    await user.clear(percent);
    await user.type(percent, '101');
    await user.click(within(card).getByRole('button', { name: 'Enregistrer la commission' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Saisissez un pourcentage entre 0 et 100.');
    expect(commission).not.toHaveBeenCalled();
    await user.clear(within(card).getByLabelText('Commission (%)'));
    await user.type(within(card).getByLabelText('Commission (%)'), '14,5');
    await user.click(within(card).getByRole('button', { name: 'Enregistrer la commission' }));
    expect(commission).toHaveBeenCalledWith({ id: 9, basisPoints: 1450 });

  });

  it('pauses only once the owner agrees to stop selling there, and says what pausing means', async () => {
    let current = failing;
    const update = vi.fn(async (input: { status?: string }) => {
      current = live(failing, input.status === 'paused' ? 'paused' : 'active');
      return { ...current.connection, feeds: [] };
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { user } = channelsPage({ 'alma:get': async () => current, 'connections:update': update });
    const card = await screen.findByRole('article', { name: 'Alma Heritage' });

    await user.click(within(card).getByRole('button', { name: 'Arrêter de vendre sur Alma Heritage' }));
    expect(confirm).toHaveBeenLastCalledWith(
      'Arrêter de vendre sur Alma Heritage ? Alma Heritage affichera vos chambres comme indisponibles jusqu’à la reprise ; les réservations déjà faites continuent d’arriver.',
    );
    expect(update).not.toHaveBeenCalled();

    await user.click(within(card).getByRole('button', { name: 'Arrêter de vendre sur Alma Heritage' }));
    expect(update).toHaveBeenCalledWith({ id: 9, status: 'paused' });
    await waitFor(() => expect(screen.getByRole('article', { name: 'Alma Heritage' })).toHaveTextContent('En pause : vous ne vendez plus sur Alma Heritage.'));
    const paused = screen.getByRole('article', { name: 'Alma Heritage' });
    expect(paused).toHaveTextContent('Alma Heritage affiche vos chambres comme indisponibles ; les réservations déjà faites continuent d’arriver.');

    // Resuming asks nothing: it only sells again.
    await user.click(within(paused).getByRole('button', { name: 'Vendre à nouveau sur Alma Heritage' }));
    expect(update).toHaveBeenLastCalledWith({ id: 9, status: 'active' });
    expect(confirm).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByRole('article', { name: 'Alma Heritage' })).not.toHaveTextContent('En pause'));
    confirm.mockRestore();
  });

  it('says what pausing means in English too', async () => {
    channelsPage({ 'alma:get': async () => live(failing, 'paused') }, 'en');
    const card = await screen.findByRole('article', { name: 'Alma Heritage' });
    expect(card).toHaveTextContent('Paused: you are not selling on Alma Heritage. Alma Heritage shows your rooms as unavailable; bookings already made still come in.');
    expect(within(card).getByRole('button', { name: 'Sell on Alma Heritage again' })).toBeInTheDocument();
  });

  it('writes the commission with the language’s decimal mark, and takes either mark typed', async () => {
    const commission = vi.fn(async (input: { basisPoints: number }) => ({ ...failing, commissionBasisPoints: input.basisPoints }));
    for (const [language, shown, typed] of [
      ['fr', '13,5', '12.25'],
      ['en', '13.5', '12,25'],
    ] as const) {
      const page = channelsPage({ 'alma:get': async () => ({ ...failing, commissionBasisPoints: 1350 }), 'alma:saveCommission': commission }, language);
      const card = await screen.findByRole('article', { name: 'Alma Heritage' });
      const percent = within(card).getByLabelText('Commission (%)');
      expect(percent).toHaveValue(shown);
      await page.user.clear(percent);
      await page.user.type(percent, typed);
      await page.user.click(within(card).getByRole('button', { name: language === 'fr' ? 'Enregistrer la commission' : 'Save the commission' }));
      expect(commission).toHaveBeenLastCalledWith({ id: 9, basisPoints: 1225 });
      page.unmount();
    }
    expect(commission).toHaveBeenCalledTimes(2);
  });

  it('is not shown as an iCal card too', async () => {
    channelsPage({ 'alma:get': async () => failing, 'connections:list': async () => [{ ...failing.connection, feeds: [] }] });
    await screen.findByRole('article', { name: 'Alma Heritage' });
    expect(screen.getAllByRole('article', { name: 'Alma Heritage' })).toHaveLength(1);
    expect(screen.queryByText('Aucun canal connecté pour l’instant.')).not.toBeInTheDocument();
  });
});

describe('correcting the live channel', () => {
  const active = live(
    almaView({
      ...DETAILS,
      passwordSaved: true,
      passwordProtection: 'os',
      contractConfirmedAt: '2026-07-01T08:00:00.000Z',
      rooms: [{ unitId: 1, roomCode: 'CH-ROSE', rateCode: 'STD' }],
    }),
    'active',
  );
  const card = () => screen.findByRole('article', { name: 'Alma Heritage' });

  it('shows the connection details in short, and edits them with the wizard’s form: a new password, then a check', async () => {
    let current = active;
    const saveCredentials = vi.fn(async (input: { userName: string }) => (current = { ...current, userName: input.userName }));
    const page = channelsPage({ 'alma:get': async () => current, 'alma:saveCredentials': saveCredentials, 'alma:checkCredentials': async () => ({ checkId: 'live-1' }) });
    const details = within(await card()).getByRole('region', { name: 'Informations de connexion' });
    expect(plainSpaces(details.textContent)).toContain('Code de l’hébergementAH-1234');
    expect(plainSpaces(details.textContent)).toContain('Mot de passeEnregistré');
    // Closed by default: no field to change by mistake.
    expect(within(details).queryByLabelText('Mot de passe')).not.toBeInTheDocument();

    const edit = within(details).getByRole('button', { name: 'Modifier' });
    expect(edit).toHaveAttribute('aria-expanded', 'false');
    await page.user.click(edit);
    expect(within(details).getByRole('button', { name: 'Fermer' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(details).getByLabelText('Code de l’hébergement')).toHaveValue('AH-1234');
    // The wizard's "Next" has no place on a live channel.
    expect(within(details).queryByRole('button', { name: 'Suivant' })).not.toBeInTheDocument();
    await page.user.clear(within(details).getByLabelText('Nom d’utilisateur'));
    await page.user.type(within(details).getByLabelText('Nom d’utilisateur'), 'gite-des-lilas-2');
    await page.user.type(within(details).getByLabelText('Mot de passe'), 'n3w-s3cret');
    await page.user.click(within(details).getByRole('button', { name: 'Enregistrer les informations de connexion' }));
    expect(saveCredentials).toHaveBeenCalledWith({ id: 9, ...DETAILS, userName: 'gite-des-lilas-2', password: 'n3w-s3cret' });
    expect(await within(details).findByText('Enregistré.')).toBeInTheDocument();
    expect(within(details).getByLabelText('Mot de passe')).toHaveValue('');

    await page.user.click(within(details).getByRole('button', { name: 'Vérifier la connexion' }));
    page.events.emit('alma:credentialsChecked', { checkId: 'live-1', ok: true, problem: null });
    expect(await within(details).findByText('Alma Heritage accepte ces informations de connexion.')).toBeInTheDocument();

    await page.user.click(within(details).getByRole('button', { name: 'Fermer' }));
    expect(plainSpaces(details.textContent)).toContain('Nom d’utilisateurgite-des-lilas-2');
  });

  it('shows each room’s codes, warns that a removed or changed code stops selling, and saves the new codes', async () => {
    let current = active;
    const saveMapping = vi.fn(async (input: { rooms: typeof active.rooms }) => (current = { ...current, rooms: input.rooms }));
    const { user } = channelsPage({ 'alma:get': async () => current, 'alma:saveMapping': saveMapping });
    const rooms = within(await card()).getByRole('region', { name: 'Chambres' });
    expect(within(rooms).getAllByRole('listitem').map((li) => plainSpaces(li.textContent))).toEqual([
      'Chambre Tilleul : code de chambre CH-ROSE, code tarif STD',
      'Suite du Pigeonnier : pas vendue sur Alma Heritage',
    ]);
    expect(within(rooms).queryByRole('note')).not.toBeInTheDocument();

    await user.click(within(rooms).getByRole('button', { name: 'Modifier' }));
    expect(within(rooms).getByRole('note')).toHaveTextContent(
      'Retirer les codes d’une chambre ou changer son code de chambre fait cesser la vente de l’ancien code sur Alma Heritage',
    );
    const roomCode = within(rooms).getByLabelText('Code de chambre — Chambre Tilleul');
    expect(roomCode).toHaveValue('CH-ROSE');
    await user.clear(roomCode);
    await user.type(roomCode, 'CH-TILLEUL');
    await user.type(within(rooms).getByLabelText('Code de chambre — Suite du Pigeonnier'), 'SUITE');
    await user.type(within(rooms).getByLabelText('Code tarif — Suite du Pigeonnier'), 'STD');
    await user.click(within(rooms).getByRole('button', { name: 'Enregistrer les chambres' }));
    expect(saveMapping).toHaveBeenCalledWith({
      id: 9,
      rooms: [
        { unitId: 1, roomCode: 'CH-TILLEUL', rateCode: 'STD' },
        { unitId: 2, roomCode: 'SUITE', rateCode: 'STD' },
      ],
    });
    expect(await within(rooms).findByText('Enregistré.')).toBeInTheDocument();
    // Still open on a live channel: the wizard's next step does not exist here.
    expect(within(rooms).getByRole('button', { name: 'Fermer' })).toBeInTheDocument();
    await user.click(within(rooms).getByRole('button', { name: 'Fermer' }));
    expect(within(rooms).getAllByRole('listitem').map((li) => plainSpaces(li.textContent))).toEqual([
      'Chambre Tilleul : code de chambre CH-TILLEUL, code tarif STD',
      'Suite du Pigeonnier : code de chambre SUITE, code tarif STD',
    ]);
  });

  it('shows the service’s refusal to leave a live channel without rooms', async () => {
    const refuse = vi.fn(async () => {
      throw new ApiError({ code: 'invalid_input', key: 'errors.invalidInput', issues: [{ path: ['rooms'], key: 'alma.rules.noRooms' }] });
    });
    const { user } = channelsPage({ 'alma:get': async () => active, 'alma:saveMapping': refuse });
    const rooms = within(await card()).getByRole('region', { name: 'Chambres' });
    await user.click(within(rooms).getByRole('button', { name: 'Modifier' }));
    await user.clear(within(rooms).getByLabelText('Code de chambre — Chambre Tilleul'));
    await user.clear(within(rooms).getByLabelText('Code tarif — Chambre Tilleul'));
    await user.click(within(rooms).getByRole('button', { name: 'Enregistrer les chambres' }));
    expect(refuse).toHaveBeenCalledWith({ id: 9, rooms: [] });
    expect(await within(rooms).findByRole('alert')).toHaveTextContent('Un canal en service a besoin d’au moins une chambre : mettez-le en pause ou retirez-le plutôt.');
  });
});
