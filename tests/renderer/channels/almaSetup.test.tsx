/**
 * Alma Heritage's set-up wizard on the channels page, with the real components over a fake Api:
 * the connection details and their check, the contract, the rooms' codes, and the activate
 * button listing what is missing.
 */
import { act, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AlmaConnectionView } from '../../../shared/alma';
import { ApiError } from '../../../shared/errors';
import { almaView, block, channelsPage, DETAILS, live } from './almaPage';

describe('the set-up wizard', () => {
  it('saves the connection details, never shows the password again, warns about weak protection, and checks them', async () => {
    let current = almaView();
    let emit: (checkId: string) => void = () => undefined;
    const saveCredentials = vi.fn(async (input: { password?: string }) => {
      current = almaView({ ...DETAILS, stage: 'contract', passwordSaved: input.password !== undefined || current.passwordSaved, passwordProtection: 'weak' });
      return current;
    });
    const check = vi.fn(async () => {
      // Over IPC the event may come before the call's answer: the page must still get it.
      emit('check-1');
      return { checkId: 'check-1' };
    });
    const page = channelsPage({ 'alma:get': async () => current, 'alma:saveCredentials': saveCredentials, 'alma:checkCredentials': check });
    emit = (checkId) => page.events.emit('alma:credentialsChecked', { checkId, ok: true, problem: null });
    const { user } = page;
    const section = await block();
    await user.click(await within(section).findByRole('button', { name: 'J’ai reçu l’e-mail' }));

    expect(within(section).getByRole('button', { name: 'Vérifier la connexion' })).toBeDisabled();
    await user.type(within(section).getByLabelText('Adresse du service'), DETAILS.serviceUrl);
    await user.type(within(section).getByLabelText('Code de l’hébergement'), DETAILS.propertyCode);
    await user.type(within(section).getByLabelText('Nom d’utilisateur'), DETAILS.userName);
    const password = within(section).getByLabelText('Mot de passe');
    expect(password).toHaveAttribute('type', 'password');
    await user.type(password, 's3cret');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer les informations de connexion' }));

    expect(saveCredentials).toHaveBeenCalledWith({ id: 9, ...DETAILS, password: 's3cret' });
    expect(await within(section).findByText('Enregistré.')).toBeInTheDocument();
    expect(within(section).getByLabelText('Mot de passe')).toHaveValue('');
    expect(section).toHaveTextContent('Un mot de passe est enregistré. Laissez le champ vide pour le garder.');
    expect(within(section).getByRole('note')).toHaveTextContent('Cet ordinateur n’a pas de trousseau');

    await user.click(within(section).getByRole('button', { name: 'Vérifier la connexion' }));
    expect(check).toHaveBeenCalledWith({ id: 9 });
    expect(await within(section).findByText('Alma Heritage accepte ces informations de connexion.')).toBeInTheDocument();

    // Saved again without typing a password: the saved one is kept, none is sent.
    await user.click(within(section).getByRole('button', { name: 'Enregistrer les informations de connexion' }));
    expect(saveCredentials).toHaveBeenLastCalledWith({ id: 9, ...DETAILS });
  });

  it('says in the partner’s words why the check failed', async () => {
    let emit: (checkId: string) => void = () => undefined;
    const view = almaView({ ...DETAILS, stage: 'contract', passwordSaved: true, passwordProtection: 'os' });
    const page = channelsPage({ 'alma:get': async () => view, 'alma:checkCredentials': async () => ({ checkId: 'c2' }) });
    emit = (checkId) =>
      page.events.emit('alma:credentialsChecked', {
        checkId,
        ok: false,
        problem: { key: 'alma.errors.credentials', params: { count: 1, shortText: 'Authentication failed', code: '497', text: 'Wrong password' } },
      });
    const section = await block();
    await page.user.click(await within(section).findByRole('button', { name: 'Informations de connexion' }));
    expect(section).toHaveTextContent('Il est conservé dans le trousseau de cet ordinateur.');
    await page.user.click(within(section).getByRole('button', { name: 'Vérifier la connexion' }));
    act(() => emit('c2'));
    const status = await within(section).findByText(/La vérification a échoué/);
    expect(status).toHaveTextContent('Authentication failed');
    expect(status).toHaveTextContent('497');
  });

  it('gives up waiting for a check whose answer never comes, says so, and lets the owner try again', async () => {
    // Real time keeps running (user-event needs it); the 35 s are skipped by hand.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const view = almaView({ ...DETAILS, stage: 'contract', passwordSaved: true, passwordProtection: 'os' });
      const check = vi.fn(async () => ({ checkId: 'lost' }));
      const page = channelsPage({ 'alma:get': async () => view, 'alma:checkCredentials': check });
      const section = await block();
      await page.user.click(await within(section).findByRole('button', { name: 'Informations de connexion' }));
      const button = within(section).getByRole('button', { name: 'Vérifier la connexion' });
      await page.user.click(button);
      expect(button).toBeDisabled();
      await act(() => vi.advanceTimersByTimeAsync(35_000));
      expect(await within(section).findByText('La réponse de la vérification n’est pas arrivée (la page a peut-être perdu un moment le lien avec Pigeonnier). Réessayez.')).toBeInTheDocument();
      expect(button).toBeEnabled();
      await page.user.click(button);
      expect(check).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the partner’s facts on the contract step, with the commission set for this connection', async () => {
    const view = almaView({ ...DETAILS, stage: 'contract', passwordSaved: true, passwordProtection: 'os', commissionBasisPoints: 1450 });
    channelsPage({ 'alma:get': async () => view });
    const section = await block();
    const contract = within(section).getByRole('region', { name: 'Contrat' });
    const text = (contract.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Alma Heritage applique une commission de 14,5 % sur les ventes réalisées.');
    expect(text).toContain('la totalité du séjour (100 %)');
    expect(text).toContain('à la fin du mois du jour de départ du client');
    expect(text).toContain('sont les vôtres, celles configurées dans Pigeonnier');
    expect(text).toContain('Les modifications de séjour ne sont pas prises en charge');
  });

  it('lists what is missing beside a disabled activate button, and activates once all is there', async () => {
    let current = almaView({ ...DETAILS, stage: 'contract', passwordSaved: true, passwordProtection: 'os' });
    const confirm = vi.fn(async () => (current = { ...current, stage: 'mapping', contractConfirmedAt: '2026-07-08T08:00:00.000Z' }));
    const saveMapping = vi.fn(async (input: { rooms: AlmaConnectionView['rooms'] }) => (current = { ...current, stage: 'ready', rooms: input.rooms }));
    const activate = vi.fn(async () => (current = live(current, 'active')));
    const { user } = channelsPage({ 'alma:get': async () => current, 'alma:confirmContract': confirm, 'alma:saveMapping': saveMapping, 'alma:activate': activate });
    const section = await block();

    // The wizard opens on the contract; jump to activation first.
    expect(await within(section).findByRole('button', { name: 'J’ai signé le contrat d’Alma Heritage' })).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Activation' }));
    const button = within(section).getByRole('button', { name: 'Activer le canal' });
    expect(button).toBeDisabled();
    const missing = section.querySelector('#alma-missing')!;
    expect(button).toHaveAttribute('aria-describedby', 'alma-missing');
    expect(within(missing as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'la confirmation que vous avez signé le contrat',
      'au moins une chambre avec ses codes Alma Heritage',
    ]);

    await user.click(within(section).getByRole('button', { name: 'Contrat' }));
    await user.click(within(section).getByRole('button', { name: 'J’ai signé le contrat d’Alma Heritage' }));
    expect(confirm).toHaveBeenCalledWith({ id: 9 });

    // The rooms: one code alone is incomplete and nothing is sent.
    const roomCode = await within(section).findByLabelText('Code de chambre — Chambre Tilleul');
    await user.type(roomCode, 'CH-ROSE');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer les chambres' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('Saisissez les deux codes pour Chambre Tilleul, ou aucun.');
    expect(saveMapping).not.toHaveBeenCalled();
    await user.type(within(section).getByLabelText('Code tarif — Chambre Tilleul'), 'STD');
    await user.click(within(section).getByRole('button', { name: 'Enregistrer les chambres' }));
    expect(saveMapping).toHaveBeenCalledWith({ id: 9, rooms: [{ unitId: 1, roomCode: 'CH-ROSE', rateCode: 'STD' }] });

    const ready = await within(section).findByRole('button', { name: 'Activer le canal' });
    expect(ready).toBeEnabled();
    expect(section.querySelector('#alma-missing')).toBeNull();
    await user.click(ready);
    expect(activate).toHaveBeenCalledWith({ id: 9 });
    expect(await within(section).findByRole('article', { name: 'Alma Heritage' })).toHaveTextContent('Actif');
  });

  it('names the room a refusal of the mapping concerns', async () => {
    const view = almaView({ ...DETAILS, stage: 'mapping', passwordSaved: true, contractConfirmedAt: '2026-07-08T08:00:00.000Z' });
    const refuse = vi.fn(async () => {
      throw new ApiError({ code: 'invalid_input', key: 'errors.invalidInput', issues: [{ path: ['rooms', 1, 'roomCode'], key: 'alma.rules.duplicateRoomCode', params: { code: 'CH-ROSE' } }] });
    });
    const { user } = channelsPage({ 'alma:get': async () => view, 'alma:saveMapping': refuse });
    const section = await block();
    for (const name of ['Chambre Tilleul', 'Suite du Pigeonnier']) {
      await user.type(await within(section).findByLabelText(`Code de chambre — ${name}`), 'CH-ROSE');
      await user.type(within(section).getByLabelText(`Code tarif — ${name}`), 'STD');
    }
    await user.click(within(section).getByRole('button', { name: 'Enregistrer les chambres' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      'Suite du Pigeonnier : Le code de chambre CH-ROSE sert pour deux chambres : chaque chambre a besoin de son propre code de chambre Alma Heritage.',
    );
  });
});
