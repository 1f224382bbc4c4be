/**
 * Alma Heritage's block on the channels page for the page tests (almaOpening, almaSetup,
 * almaLiveCard): the channel's view as alma:get answers it at each stage, and the page over a
 * fake Api with two rooms.
 *
 * "Now" is Wednesday 8 July 2026: a request then is due by Monday 20 July (Thu 9, Fri 10,
 * Mon 13, [Tue 14 July], Wed 15, Thu 16, Fri 17, Mon 20) — the main process computes it.
 */
import { screen } from '@testing-library/react';
import type { Api } from '../../../shared/api';
import type { AlmaConnectionView } from '../../../shared/alma';
import type { Language } from '../../../shared/i18n';
import { pageApi, unit } from '../fakes';
import { renderPage } from '../renderPage';

export const ROOMS = [unit({ id: 1, name: 'Chambre Tilleul' }), unit({ id: 2, name: 'Suite du Pigeonnier' })];

export function almaView(fields: Partial<AlmaConnectionView> = {}, status: AlmaConnectionView['connection']['status'] = 'pending'): AlmaConnectionView {
  return {
    connection: {
      id: 9,
      channel: 'alma_heritage',
      name: 'Alma Heritage',
      kind: 'api',
      status,
      sendsCancellations: true,
      commissionBasisPoints: 1300,
      createdAt: '2026-07-08T08:00:00.000Z',
      updatedAt: '2026-07-08T08:00:00.000Z',
    },
    stage: 'requested',
    requestedAt: '2026-07-08T08:00:00.000Z',
    expectedBy: '2026-07-20',
    serviceUrl: null,
    propertyCode: null,
    userName: null,
    passwordSaved: false,
    passwordProtection: null,
    contractConfirmedAt: null,
    rooms: [],
    commissionBasisPoints: 1300,
    sync: { waiting: 0, oldestWaitingAt: null, lastPushAt: null, lastPullAt: null, failingSince: null, lastError: null, nextAttemptAt: null, unacknowledged: 0 },
    ...fields,
  };
}

/** The same channel, activated or paused. */
export function live(view: AlmaConnectionView, status: 'active' | 'paused'): AlmaConnectionView {
  return { ...view, stage: status, connection: { ...view.connection, status } };
}

export const DETAILS = { serviceUrl: 'https://ota.alma-heritage.example/ota', propertyCode: 'AH-1234', userName: 'gite-des-lilas' };

export function channelsPage(calls: Partial<Api>, language: Language = 'fr') {
  window.history.replaceState(null, '', '#/channels');
  const api = pageApi({ units: ROOMS }, calls);
  return { ...renderPage(api, language), api };
}

export const block = () => screen.findByRole('region', { name: 'Alma Heritage' });
