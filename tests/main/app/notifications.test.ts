import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotifier, describeAlert, navigationFor } from '../../../main/app/notifications';
import { createTranslator } from '../../../main/i18n';
import type { AppNavigation } from '../../../shared/api';
import type { Alert } from '../../../shared/domain';
import { FakeNotification, resetFakeElectron } from './fakeElectron';
import { recordingLog } from './recordingLog';

vi.mock('electron', () => import('./fakeElectron'));

const en = createTranslator('en');
const fr = createTranslator('fr');
const NOW = new Date('2026-07-01T12:00:00.000Z');

function alert(kind: Alert['kind'], params: Alert['params'], fields: Partial<Alert> = {}): Alert {
  return { id: 1, kind, createdAt: NOW.toISOString(), reservationIds: [42], connectionId: 7, params, dismissedAt: null, ...fields };
}

const stay = { unit: 'La Grange', channel: 'Airbnb', arrival: '2026-07-10', departure: '2026-07-13' };
/** One alert of each kind the sync loop raises, as it raises them. */
const ALERTS: Record<Alert['kind'], Alert> = {
  newBooking: alert('newBooking', { ...stay, guestName: 'Camille Martin' }),
  cancellation: alert('cancellation', { ...stay, reason: 'cancelledByPartner' }),
  changedByPartner: alert('changedByPartner', { ...stay, previousArrival: '2026-07-09', previousDeparture: '2026-07-12' }),
  overbooking: alert('overbooking', { unit: 'La Grange', firstNight: '2026-07-11', lastNight: '2026-07-12', nights: 2 }, { reservationIds: [42, 43], connectionId: null }),
  suspiciousFeed: alert('suspiciousFeed', { unit: 'La Grange', channel: 'Airbnb', lost: 5, of: 6 }, { reservationIds: [] }),
  feedFailing: alert('feedFailing', { unit: 'La Grange', channel: 'Airbnb', since: '2026-07-01T04:00:00.000Z', reason: 'feeds.problem.timeout' }, { reservationIds: [] }),
  partnerRefused: alert('partnerRefused', { unit: 'La Grange', channel: 'Airbnb', status: 403 }, { reservationIds: [] }),
  partnerModification: alert('partnerModification', { ...stay, channel: 'Alma Heritage', number: 'AH-R-10042', newArrival: '2026-07-11', newDeparture: '2026-07-14' }),
  unmappedRoom: alert('unmappedRoom', { channel: 'Alma Heritage', number: 'AH-R-10042', roomCode: 'CH-ROSE' }, { reservationIds: [] }),
  partnerError: alert('partnerError', { channel: 'Alma Heritage', code: '402', text: 'Invalid room type' }, { reservationIds: [] }),
  partnerCredentials: alert('partnerCredentials', { channel: 'Alma Heritage', code: '497', text: 'Authorisation error' }, { reservationIds: [] }),
  partnerCredentialsRemoved: alert('partnerCredentialsRemoved', { channel: 'Alma Heritage', code: '497', text: 'Authorisation error', phone: '+33 6 71 93 90 08' }, { reservationIds: [] }),
  partnerUnreachable: alert('partnerUnreachable', { channel: 'Alma Heritage', since: '2026-07-01' }, { reservationIds: [] }),
  partnerEventRejected: alert('partnerEventRejected', { channel: 'Alma Heritage', number: 'AH-R-10042', reasonKey: 'alma.errors.reservation.badDates' }, { reservationIds: [] }),
  partnerReopened: alert('partnerReopened', { ...stay, channel: 'Alma Heritage', number: 'AH-R-10042', was: 'refused' }),
};

describe('what a notification says and where it leads', () => {
  it('leads to the reservation file for bookings, cancellations, changes and overbookings, to the channel for a partner’s calendar', () => {
    const expected: Record<Alert['kind'], AppNavigation> = {
      newBooking: { target: 'reservation', id: 42 },
      cancellation: { target: 'reservation', id: 42 },
      changedByPartner: { target: 'reservation', id: 42 },
      overbooking: { target: 'reservation', id: 42 },
      suspiciousFeed: { target: 'channel', id: 7 },
      feedFailing: { target: 'channel', id: 7 },
      partnerRefused: { target: 'channel', id: 7 },
      partnerModification: { target: 'reservation', id: 42 },
      unmappedRoom: { target: 'channel', id: 7 },
      partnerError: { target: 'channel', id: 7 },
      partnerCredentials: { target: 'channel', id: 7 },
      // The channel is removed: no page of its own to show.
      partnerCredentialsRemoved: { target: 'alerts' },
      partnerUnreachable: { target: 'channel', id: 7 },
      partnerEventRejected: { target: 'channel', id: 7 },
      partnerReopened: { target: 'reservation', id: 42 },
    };
    for (const [kind, to] of Object.entries(expected)) expect(navigationFor(ALERTS[kind as Alert['kind']]), kind).toEqual(to);
    // Nothing specific to open: the alerts page.
    expect(navigationFor(alert('newBooking', stay, { reservationIds: [] }))).toEqual({ target: 'alerts' });
    expect(navigationFor(alert('feedFailing', stay, { connectionId: null }))).toEqual({ target: 'alerts' });
  });

  it('says each alert in words, with dates as the owner reads them', () => {
    const said = Object.fromEntries(Object.entries(ALERTS).map(([kind, a]) => [kind, describeAlert(a, en, 'en', NOW)]));
    expect(said.newBooking).toMatchObject({ title: 'New booking: La Grange', body: 'Camille Martin, 10 Jul → 13 Jul, via Airbnb' });
    expect(said.cancellation).toMatchObject({ title: 'Cancellation: La Grange', body: 'Airbnb cancelled the stay 10 Jul → 13 Jul. The nights are free again.' });
    expect(said.changedByPartner).toMatchObject({ title: 'Booking changed by Airbnb: La Grange', body: 'Now 10 Jul → 13 Jul (was 9 Jul → 12 Jul).' });
    expect(said.overbooking).toMatchObject({ title: 'Overbooking: La Grange', body: '2 night(s) from 11 Jul are sold more than once.' });
    expect(said.suspiciousFeed!.body).toContain('5 of 6 stays vanished');
    expect(said.feedFailing!.body).toMatch(/^The calendar for La Grange has not been read since \d\d:\d\d/);
    expect(said.partnerRefused).toMatchObject({ title: 'Airbnb refuses the calendar', body: expect.stringContaining('HTTP 403') });
    expect(said.partnerModification).toMatchObject({ title: 'Change from Alma Heritage: La Grange', body: expect.stringContaining('AH-R-10042') });
    expect(said.partnerCredentials!.title).toBe('Alma Heritage refuses the connection details');
    // A removed channel: no details to correct, the rooms to close by hand.
    expect(said.partnerCredentialsRemoved).toMatchObject({ title: 'Alma Heritage still sells your rooms', body: expect.stringContaining('+33 6 71 93 90 08') });
    expect(said.partnerCredentialsRemoved!.body).not.toContain('right ones');
    expect(said.partnerError!.body).toBe('Code 402: Invalid room type');
    for (const notice of Object.values(said)) expect(`${notice.title} ${notice.body}`).not.toMatch(/\{\{|desktop\.|undefined/);
  });

  it('in French, and without a guest name when the partner gives none', () => {
    const notice = describeAlert(alert('newBooking', { ...stay, guestName: '' }), fr, 'fr', NOW);
    expect(notice).toMatchObject({ title: 'Nouvelle réservation : La Grange', body: '10 juil. → 13 juil., via Airbnb' });
    const gone = describeAlert(alert('cancellation', { ...stay, reason: 'goneStillHeld' }), fr, 'fr', NOW);
    expect(gone.body).toBe('Le séjour 10 juil. → 13 juil. a disparu du calendrier de Airbnb. Ses nuits restent réservées tant que vous ne l’avez pas vérifié.');
  });
});

describe('desktop notifications', () => {
  beforeEach(resetFakeElectron);

  it('shows one per alert; a click opens the matching page', () => {
    const opened: AppNavigation[] = [];
    const notify = createNotifier({ t: en, language: 'en', icon: '/app/assets/icon.png', onClick: (to) => opened.push(to), log: recordingLog() });
    notify(ALERTS.newBooking);
    notify(ALERTS.partnerRefused);
    expect(FakeNotification.instances.map((n) => [n.options.title, n.shown])).toEqual([
      ['New booking: La Grange', true],
      ['Airbnb refuses the calendar', true],
    ]);
    expect(FakeNotification.instances[0]!.options.icon).toBe('/app/assets/icon.png');
    FakeNotification.instances[1]!.emit('click');
    FakeNotification.instances[0]!.emit('click');
    expect(opened).toEqual([
      { target: 'channel', id: 7 },
      { target: 'reservation', id: 42 },
    ]);
  });

  it('shows nothing where the system has no notifications', () => {
    FakeNotification.supported = false;
    createNotifier({ t: en, language: 'en', onClick: () => undefined, log: recordingLog() })(ALERTS.newBooking);
    expect(FakeNotification.instances).toEqual([]);
  });
});
