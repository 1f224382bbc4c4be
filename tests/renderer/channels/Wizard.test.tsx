/** The channel wizards: France-Voyage, Feratel Deskline and the other iCal presets, step by step. */
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Api, ApiInput } from '../../../shared/api';
import type { ChannelPreset, ConnectionWithFeeds, LinkCheckResult } from '../../../shared/channelPresets';
import type { Property } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { gite, pageApi, unit } from '../fakes';
import { renderPage } from '../renderPage';

/**
 * What 'channels:presets' answers (main/channels/; the page's project cannot import main, and
 * tests/main/service/connections.test.ts checks the real ones have these rules and steps).
 */
const steps = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}.step${i + 1}`);
const OTHERS = ['airbnb', 'booking_com', 'abritel', 'amivac', 'tripadvisor', 'clevacances', 'google', 'other_ical'] as const;
const PRESETS: ChannelPreset[] = [
  {
    channel: 'france_voyage',
    kind: 'ical',
    sendsCancellations: true,
    prerequisites: ['channels.franceVoyage.prerequisites.connect', 'channels.franceVoyage.prerequisites.contract'],
    maxRooms: null,
    giteSingleLink: false,
    importTitle: 'channels.franceVoyage.import.title',
    importSteps: steps('channels.franceVoyage.import', 4),
    exportTitle: 'channels.franceVoyage.export.title',
    exportSteps: steps('channels.franceVoyage.export', 4),
    notes: ['channels.franceVoyage.perRoom', 'channels.franceVoyage.notes.interval', 'channels.franceVoyage.notes.commissions', 'channels.cancellations.sent'],
  },
  {
    channel: 'feratel_deskline',
    kind: 'ical',
    sendsCancellations: false,
    prerequisites: ['channels.deskline.prerequisites.agreement'],
    maxRooms: 5,
    giteSingleLink: true,
    importTitle: 'channels.deskline.import.title',
    importSteps: steps('channels.deskline.import', 3),
    exportTitle: 'channels.deskline.export.title',
    exportSteps: steps('channels.deskline.export', 4),
    notes: ['channels.deskline.rooms.gite', 'channels.deskline.rooms.guestHouse', 'channels.deskline.notes.noCancellations', 'channels.deskline.notes.fields'],
  },
  ...OTHERS.map((channel) => ({
    channel,
    kind: 'ical' as const,
    sendsCancellations: true,
    prerequisites: [],
    maxRooms: null,
    giteSingleLink: false,
    importTitle: 'channels.ical.import.title',
    importSteps: [`channels.ical.${channel}.where`],
    exportTitle: 'channels.ical.export.title',
    exportSteps: [`channels.ical.${channel}.paste`],
    notes: ['channels.cancellations.sent'],
  })),
];

const ROOMS = [unit({ id: 1, name: 'Chambre Tilleul' }), unit({ id: 2, name: 'Chambre Lavande' })];
const LINK = 'https://gites.example.com/feeds/AbCdEfGhIjKlMnOpQrStUvWxYz012345.ics';

function connection(input: ApiInput<'connections:create'>): ConnectionWithFeeds {
  return {
    id: 7,
    channel: input.channel,
    name: 'France-Voyage',
    kind: 'ical',
    status: 'active',
    sendsCancellations: input.channel !== 'feratel_deskline',
    commissionBasisPoints: null,
    createdAt: '2026-07-08T08:00:00Z',
    updatedAt: '2026-07-08T08:00:00Z',
    feeds: input.rooms.map((room, i) => ({
      id: 10 + i,
      connectionId: 7,
      unitId: room.unitId,
      importUrl: room.importUrl ?? null,
      importEnabled: room.importEnabled ?? true,
      exportEnabled: room.exportEnabled ?? true,
      health: 'unknown',
      lastError: null,
      lastSuccessAt: null,
      failingSince: null,
    })),
  };
}

function wizardApi(options: { property?: Property; localOnly?: boolean; check?: (url: string) => LinkCheckResult | 'refuse' } = {}) {
  let checks = 0;
  let emitCheck: ((result: LinkCheckResult) => void) | null = null;
  const calls: Partial<Api> = {
    'channels:presets': vi.fn(async () => PRESETS),
    'connections:list': vi.fn(async () => []),
    'settings:getFeedServer': vi.fn(async () => ({
      host: '127.0.0.1',
      port: 4780,
      publicBaseUrl: options.localOnly ? null : 'https://gites.example.com',
      linkBase: options.localOnly ? 'http://127.0.0.1:4780' : 'https://gites.example.com',
      linksLocalOnly: options.localOnly ?? false,
    })),
    'connections:create': vi.fn(async (input: ApiInput<'connections:create'>) => connection(input)),
    'feeds:list': vi.fn(async () => [
      { feedId: 10, connectionId: 7, connectionName: 'France-Voyage', channel: 'france_voyage' as const, unitId: 1, unit: 'Chambre Tilleul', url: LINK },
    ]),
    'connections:checkLink': vi.fn(async ({ url }: { url: string }) => {
      const checkId = `check-${++checks}`;
      const result = options.check?.(url) ?? { checkId, ok: true, bookings: 12, blocks: 2, first: '2026-07-03', last: '2026-09-28', warnings: [] };
      if (result === 'refuse') throw new ApiError({ code: 'invalid_input', key: 'errors.invalidInput', issues: [{ path: ['url'], key: 'channels.rules.notHttp' }] });
      // The result arrives as an event, after the call's answer.
      setTimeout(() => act(() => emitCheck?.({ ...result, checkId })), 0);
      return { checkId };
    }),
  };
  const api = pageApi({ units: ROOMS, property: options.property ?? gite }, calls);
  window.history.replaceState(null, '', '#/channels');
  const view = renderPage(api);
  emitCheck = (result) => view.events.emit('connections:linkChecked', result);
  return { api, ...view };
}

async function openWizard(user: ReturnType<typeof renderPage>['user'], channel: string) {
  await user.click(await screen.findByRole('button', { name: 'Connecter un canal' }));
  await user.click(await screen.findByRole('button', { name: channel }));
}

const chambreHotes: Property = { ...gite, type: 'chambre_hotes' };

describe('the France-Voyage wizard', () => {
  it('asks for the prerequisites, then the rooms, then follows the receive steps, checks the link, saves and gives our link to copy', async () => {
    const { api, user } = wizardApi({ property: chambreHotes });
    await openWizard(user, 'France-Voyage');

    const next = screen.getByRole('button', { name: 'Suivant' });
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /abonnement « Connect »/ }));
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /contrat commercial/ }));
    await user.click(next);

    expect(screen.getByText(/une paire de liens par chambre/)).toBeInTheDocument();
    expect(screen.getByText(/à son propre rythme/)).toBeInTheDocument();
    expect(screen.getByText(/commissions .* restent gérées dans votre extranet France-Voyage/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Chambre Tilleul' }));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));

    expect(screen.getByRole('heading', { name: 'Recevoir les réservations de France-Voyage' })).toBeInTheDocument();
    const steps = within(screen.getByRole('list', { name: 'Recevoir les réservations de France-Voyage' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/Vos Publications.*Gérer votre chambre d’hôtes/);
    expect(steps[1]).toMatch(/Modifier et synchroniser le calendrier des disponibilités/);
    expect(steps[2]).toMatch(/Exporter les disponibilités au format iCal\/ICS/);

    await user.type(screen.getByLabelText('Lien iCal du partenaire — Chambre Tilleul'), 'https://www.france-voyage.com/ical/tilleul.ics');
    await user.click(screen.getByRole('button', { name: 'Vérifier le lien — Chambre Tilleul' }));
    expect(await screen.findByText(/^12 réservations du ven\. 3 juil\. 2026 au lun\. 28 sept\. 2026 ; 2 périodes bloquées\.$/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Enregistrer la connexion' }));
    expect(api['connections:create']).toHaveBeenCalledWith({
      channel: 'france_voyage',
      rooms: [{ unitId: 1, importUrl: 'https://www.france-voyage.com/ical/tilleul.ics', importEnabled: true, exportEnabled: true }],
    });
    expect(await screen.findByRole('heading', { name: 'Communiquer l’inventaire sortant à France-Voyage' })).toBeInTheDocument();
    const ours = screen.getByRole('group', { name: 'Lien Pigeonnier pour Chambre Tilleul' });
    expect(within(ours).getByText(LINK)).toBeInTheDocument();
    expect(screen.queryByText(/ne fonctionne que depuis cet ordinateur/)).not.toBeInTheDocument();
    const sendSteps = within(screen.getByRole('list', { name: 'Communiquer l’inventaire sortant à France-Voyage' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(sendSteps).toHaveLength(4);
    expect(sendSteps.some((s) => /Vous mettez à jour vos disponibilités uniquement sur un autre site/.test(s ?? ''))).toBe(true);
    expect(sendSteps.some((s) => /lien permanent au format iCal\/ICS/.test(s ?? ''))).toBe(true);
    expect(sendSteps.some((s) => /par chambre.*Valider/.test(s ?? ''))).toBe(true);

    await user.click(within(ours).getByRole('button', { name: 'Copier' }));
    expect(await navigator.clipboard.readText()).toBe(LINK);
    expect(within(ours).getByRole('button', { name: 'Copié' })).toBeInTheDocument();
  });

  it('warns honestly when our link only works from this computer', async () => {
    const { user } = wizardApi({ localOnly: true });
    await openWizard(user, 'Airbnb');
    await user.click(screen.getByRole('checkbox', { name: 'Chambre Tilleul' }));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    await user.click(screen.getByRole('checkbox', { name: 'Recevoir les réservations de Airbnb' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la connexion' }));
    expect(await screen.findByText(/ne fonctionne que depuis cet ordinateur.*adresse publique/)).toBeInTheDocument();
  });
});

describe('checking a pasted link', () => {
  async function atReceive(check: (url: string) => LinkCheckResult | 'refuse') {
    const view = wizardApi({ check });
    await openWizard(view.user, 'Booking.com');
    await view.user.click(screen.getByRole('checkbox', { name: 'Chambre Tilleul' }));
    await view.user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(screen.getByText(/extranet Booking\.com/)).toBeInTheDocument();
    return view;
  }

  it('says when the link returns a web page', async () => {
    const { user } = await atReceive(() => ({ checkId: '', ok: false, html: true, problem: { key: 'feeds.problem.html' } }));
    await user.type(screen.getByLabelText('Lien iCal du partenaire — Chambre Tilleul'), 'https://admin.booking.com/login');
    await user.click(screen.getByRole('button', { name: 'Vérifier le lien — Chambre Tilleul' }));
    expect(await screen.findByText('Ce lien renvoie une page web, pas un calendrier — copiez plutôt le lien iCal.')).toBeInTheDocument();
  });

  it('says when the link cannot be reached', async () => {
    const { user } = await atReceive(() => ({ checkId: '', ok: false, html: false, problem: { key: 'feeds.problem.connectTimeout', params: { seconds: 10 } } }));
    await user.type(screen.getByLabelText('Lien iCal du partenaire — Chambre Tilleul'), 'https://nowhere.example/a.ics');
    await user.click(screen.getByRole('button', { name: 'Vérifier le lien — Chambre Tilleul' }));
    expect(await screen.findByText(/^Ce lien n’a pas pu être lu : .*10/)).toBeInTheDocument();
  });

  it('refuses a link that is not http(s) without fetching it', async () => {
    const { api, user } = await atReceive(() => 'refuse');
    await user.type(screen.getByLabelText('Lien iCal du partenaire — Chambre Tilleul'), 'webcal://example.com/a.ics');
    await user.click(screen.getByRole('button', { name: 'Vérifier le lien — Chambre Tilleul' }));
    expect(await screen.findByText(/Seuls les liens web \(http ou https\)/)).toBeInTheDocument();
    expect(api['connections:checkLink']).not.toHaveBeenCalled();
  });
});

describe('the Feratel Deskline wizard', () => {
  it('asks for the departmental centre’s agreement, keeps a gîte to one link, and says Deskline sends no cancellations', async () => {
    const { user } = wizardApi({ property: { ...gite, type: 'gite' } });
    await openWizard(user, 'Feratel Deskline (Gîtes de France)');
    const next = screen.getByRole('button', { name: 'Suivant' });
    expect(next).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /centre départemental Gîtes de France/ }));
    await user.click(next);
    expect(screen.getByText(/ne transmet pas les annulations/)).toBeInTheDocument();
    expect(screen.getByText(/nombre de personnes, le nom et les coordonnées du client/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Chambre Tilleul' }));
    await user.click(screen.getByRole('checkbox', { name: 'Chambre Lavande' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Un gîte a un seul calendrier dans Feratel Deskline');
    expect(screen.getByRole('button', { name: 'Suivant' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Chambre Lavande' }));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(screen.getByRole('heading', { name: 'Recevoir les réservations de Feratel Deskline' })).toBeInTheDocument();
    expect(screen.getByText(/« Data Maintenance »/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Recevoir les réservations de Feratel Deskline' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Communiquer les stocks sortants à Feratel Deskline' })).toBeChecked();
  });

  it('caps a guest house at five calendars', async () => {
    const six = Array.from({ length: 6 }, (_, i) => unit({ id: i + 1, name: `Chambre ${i + 1}` }));
    const api = pageApi({ units: six, property: chambreHotes }, { 'channels:presets': async () => PRESETS, 'connections:list': async () => [] });
    window.history.replaceState(null, '', '#/channels');
    const { user } = renderPage(api);
    await openWizard(user, 'Feratel Deskline (Gîtes de France)');
    await user.click(screen.getByRole('checkbox', { name: /centre départemental/ }));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    for (const room of six.slice(0, 5)) await user.click(screen.getByRole('checkbox', { name: room.name }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Chambre 6' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Feratel Deskline accepte au plus 5 calendriers par établissement ; vous en demandez 6.');
    expect(screen.getByRole('button', { name: 'Suivant' })).toBeDisabled();
  });
});

describe('the other iCal presets', () => {
  it.each([
    ['Airbnb', /Connect calendars|Associer des calendriers/],
    ['Abritel / Vrbo', /Importer et exporter/],
    ['Amivac', /Calendrier → Synchronisation → lien d’export iCal/],
    ['TripAdvisor', /TripAdvisor Rentals/],
    ['Clévacances', /Planning → Synchronisation iCal → Lien d’export/],
    ['Google Agenda', /Adresse secrète au format iCal/],
    ['Un autre site (lien iCal)', /« iCal », « ICS » ou « export »/],
  ])('%s says where its export link is and that it sends cancellations', async (name, where) => {
    const { user } = wizardApi();
    await openWizard(user, name);
    expect(screen.getByText(/Pigeonnier annule le dossier après la lecture suivante/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Chambre Tilleul' }));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(screen.getByText(where)).toBeInTheDocument();
  });
});

describe('managing a connection on its card', () => {
  const status = {
    overall: 'inStep' as const,
    paused: false,
    lastRoundAt: null,
    connections: [
      { connectionId: 4, channel: 'france_voyage', name: 'France-Voyage', state: 'ok' as const, lastSuccessAt: null, lastFailureAt: null, lastError: null, failingSince: null, nextDueAt: null },
    ],
  };

  it('pauses, and removes after the owner confirms', async () => {
    const update = vi.fn(async (input: ApiInput<'connections:update'>) => ({ ...connection({ channel: 'france_voyage', rooms: [] }), id: input.id, status: 'paused' as const }));
    const remove = vi.fn(async ({ id }: { id: number }) => ({ ...connection({ channel: 'france_voyage', rooms: [] }), id, status: 'removed' as const }));
    const listed = { ...connection({ channel: 'france_voyage', rooms: [{ unitId: 1, importUrl: LINK }] }), id: 4 };
    const api = pageApi({ units: ROOMS }, { 'sync:status': async () => status, 'connections:list': async () => [listed], 'connections:update': update, 'connections:remove': remove });
    window.history.replaceState(null, '', '#/channels');
    const { user } = renderPage(api);
    await user.click(await screen.findByRole('button', { name: 'Mettre en pause — France-Voyage' }));
    expect(update).toHaveBeenCalledWith({ id: 4, status: 'paused' });

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'Supprimer — France-Voyage' }));
    expect(remove).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Supprimer — France-Voyage' }));
    expect(confirm).toHaveBeenLastCalledWith(expect.stringMatching(/dossiers de réservation sont conservés.*liens sortants cessent de fonctionner/));
    expect(remove).toHaveBeenCalledWith({ id: 4 });
    confirm.mockRestore();
  });
});
