/**
 * Opening Alma Heritage from its block on the channels page, with the real components over a
 * fake Api: open the channel when eligible (with the partner's facts and its contact), why not
 * when not, and the request's due date in French and English.
 */
import { within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AlmaEligibility } from '../../../shared/alma';
import { plainSpaces } from '../fakes';
import { almaView, block, channelsPage } from './almaPage';

describe('opening Alma Heritage', () => {
  it('offers "Open the channel" to an eligible property, with the facts, and then shows the request and its date', async () => {
    const open = vi.fn(async () => almaView());
    const { user, api } = channelsPage({ 'alma:open': open });
    const section = await block();
    const text = plainSpaces(section.textContent);
    expect(text).toContain('Alma Heritage applique une commission de 13 % sur les ventes réalisées.');
    expect(text).toContain('la totalité du séjour (100 %)');
    expect(text).toContain('à la fin du mois du jour de départ du client');
    expect(text).toContain('Les modifications de séjour ne sont pas prises en charge');
    expect(within(section).getByRole('link', { name: 'Vos conditions de vente (Réglages)' })).toHaveAttribute('href', '#/settings');
    expect(text).toContain('+33 6 71 93 90 08');
    expect(text).toContain('Son adresse e-mail figure dans l’e-mail de connexion d’Alma Heritage.');

    await user.click(within(section).getByRole('button', { name: 'Ouvrir le canal' }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(api['alma:open']).toHaveBeenCalledWith();
    expect(await within(section).findByText('Demande envoyée le mer. 8 juil. 2026.')).toBeInTheDocument();
    expect(plainSpaces(section.textContent)).toContain(
      'L’e-mail d’Alma Heritage avec vos informations de connexion et votre contrat devrait arriver d’ici le lun. 20 juil. 2026 (sous 7 jours ouvrés).',
    );
    expect(within(section).queryByRole('button', { name: 'Ouvrir le canal' })).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'J’ai reçu l’e-mail' })).toBeInTheDocument();
  });

  it('shows the pending date in the owner’s language: English dates in English', async () => {
    channelsPage({ 'alma:get': async () => almaView() }, 'en');
    const section = await block();
    expect(await within(section).findByText('Request sent on Wed, 8 Jul 2026.')).toBeInTheDocument();
    expect(section).toHaveTextContent(
      'Alma Heritage’s e-mail with your connection details and your contract should arrive by Mon, 20 Jul 2026 (within 7 working days).',
    );
  });

  it('says when the date has passed', async () => {
    channelsPage({ 'alma:get': async () => almaView({ requestedAt: '2026-06-20T08:00:00.000Z', expectedBy: '2026-07-01' }) });
    const section = await block();
    expect(await within(section).findByText(/Cette date est passée/)).toBeInTheDocument();
  });

  it('refuses an ineligible property, saying why (the country by its name), with no button to open', async () => {
    const refused: AlmaEligibility = {
      eligible: false,
      reasons: [{ key: 'alma.eligibility.overseas', params: { country: 'GP' } }, { key: 'alma.eligibility.hotel' }],
    };
    channelsPage({ 'alma:eligibility': async () => refused });
    const section = await block();
    const note = await within(section).findByRole('note');
    expect(within(note).getByRole('heading', { name: 'Alma Heritage n’est pas ouvert à cet hébergement' })).toBeInTheDocument();
    expect(note).toHaveTextContent('celui-ci est outre-mer (Guadeloupe)');
    expect(note).toHaveTextContent('cet hébergement est un hôtel');
    expect(within(note).getByRole('link', { name: 'Vérifier l’hébergement dans les Réglages' })).toHaveAttribute('href', '#/settings');
    expect(within(section).queryByRole('button', { name: 'Ouvrir le canal' })).not.toBeInTheDocument();
  });
});
