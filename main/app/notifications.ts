/**
 * Desktop notifications for the sync loop's alerts ('alerts:new'). Each says what happened in
 * the owner's language; a click opens the window on the reservation file the alert is about,
 * or the channel for an alert about a partner's calendar. describeAlert is pure.
 */
import { Notification } from 'electron';
import type { AppNavigation } from '../../shared/api';
import type { Alert } from '../../shared/domain';
import type { Language } from '../../shared/i18n';
import { formatMoment, formatNight, formatStay } from './dates';
import type { Logger } from './security';
import type { Translate } from './trayMenu';

export interface AlertNotice {
  title: string;
  body: string;
  navigation: AppNavigation;
}

/** The page that shows what the alert is about. */
export function navigationFor(alert: Alert): AppNavigation {
  const reservationId = alert.reservationIds[0];
  switch (alert.kind) {
    case 'newBooking':
    case 'cancellation':
    case 'changedByPartner':
    case 'overbooking':
    case 'partnerModification':
    case 'partnerReopened':
      if (reservationId !== undefined) return { target: 'reservation', id: reservationId };
      break;
    case 'suspiciousFeed':
    case 'feedFailing':
    case 'partnerRefused':
    case 'unmappedRoom':
    case 'partnerError':
    case 'partnerCredentials':
    case 'partnerUnreachable':
    case 'partnerEventRejected':
      if (alert.connectionId !== null) return { target: 'channel', id: alert.connectionId };
      break;
  }
  return { target: 'alerts' };
}

export function describeAlert(alert: Alert, t: Translate, language: Language, now: Date = new Date()): AlertNotice {
  const p = alert.params;
  const values = { ...p, dates: formatStay(p.arrival, p.departure, language) };
  const key = `desktop.notifications.${alert.kind}`;
  const say = (title: string, body: string, extra: Record<string, unknown> = {}): AlertNotice => ({
    title: t(`${key}.${title}`, { ...values, ...extra }),
    body: t(`${key}.${body}`, { ...values, ...extra }),
    navigation: navigationFor(alert),
  });
  switch (alert.kind) {
    case 'newBooking':
      return p.guestName ? say('title', 'bodyWithGuest', { guest: p.guestName }) : say('title', 'body');
    case 'cancellation': {
      const reason = ['cancelledByPartner', 'removedByPartner', 'goneStillHeld'].includes(String(p.reason)) ? String(p.reason) : 'cancelledByPartner';
      return say('title', reason);
    }
    case 'changedByPartner':
      return say('title', 'body', { previous: formatStay(p.previousArrival, p.previousDeparture, language) });
    case 'overbooking':
      return say('title', 'body', { firstNight: formatNight(String(p.firstNight ?? ''), language) });
    case 'feedFailing':
      return say('title', 'body', { since: formatMoment(String(p.since ?? ''), now, { language }) });
    case 'suspiciousFeed':
    case 'partnerRefused':
    case 'partnerModification':
    case 'unmappedRoom':
    case 'partnerError':
    case 'partnerCredentials':
    case 'partnerCredentialsRemoved':
    case 'partnerUnreachable':
    case 'partnerEventRejected':
    case 'partnerReopened':
      return say('title', 'body');
    default:
      return { title: t('desktop.notifications.other.title'), body: t('desktop.notifications.other.body'), navigation: navigationFor(alert) };
  }
}

export interface NotifierDeps {
  t: Translate;
  language: Language;
  icon?: string;
  onClick(to: AppNavigation): void;
  log: Logger;
}

export function createNotifier(deps: NotifierDeps): (alert: Alert) => void {
  // Held until clicked or closed: a notification collected by the garbage collector forgets its click handler.
  const shown = new Set<Notification>();
  return (alert) => {
    if (!Notification.isSupported()) return;
    const notice = describeAlert(alert, deps.t, deps.language);
    const notification = new Notification({ title: notice.title, body: notice.body, ...(deps.icon ? { icon: deps.icon } : {}) });
    notification.on('click', () => {
      shown.delete(notification);
      deps.onClick(notice.navigation);
    });
    notification.on('close', () => shown.delete(notification));
    notification.on('failed', (_event, error) => {
      shown.delete(notification);
      deps.log.warn('A notification could not be shown', error);
    });
    shown.add(notification);
    notification.show();
  };
}
