/**
 * The desktop shell's words (namespace key `desktop`), English and French: the tray icon's
 * menu and tooltip, and the notifications for the sync loop's alerts. Dates arrive formatted.
 */
export const desktopEn = {
  tray: {
    tooltip: 'Pigeonnier: {{state}}',
    state: {
      inStep: 'every calendar in step',
      syncing: 'syncing…',
      failing: 'a calendar is failing',
      conflict: 'an overbooking to settle',
      paused: 'syncing paused',
    },
    open: 'Open Pigeonnier',
    syncNow: 'Sync now',
    lastSync: 'Last sync: {{time}}',
    neverSynced: 'Not synced yet',
    failing: '{{name}}: failing since {{since}}',
    conflict: 'Overbooking: see the alerts',
    pause: 'Pause syncing',
    resume: 'Resume syncing',
    startAtLogin: 'Start at login',
    quit: 'Quit Pigeonnier',
  },
  notifications: {
    newBooking: { title: 'New booking: {{unit}}', body: '{{dates}}, via {{channel}}', bodyWithGuest: '{{guest}}, {{dates}}, via {{channel}}' },
    cancellation: {
      title: 'Cancellation: {{unit}}',
      cancelledByPartner: '{{channel}} cancelled the stay {{dates}}. The nights are free again.',
      removedByPartner: 'The stay {{dates}} is gone from {{channel}}’s calendar: it is cancelled and the nights are free again.',
      goneStillHeld: 'The stay {{dates}} is gone from {{channel}}’s calendar. Its nights stay booked until you check it.',
    },
    changedByPartner: { title: 'Booking changed by {{channel}}: {{unit}}', body: 'Now {{dates}} (was {{previous}}).' },
    overbooking: { title: 'Overbooking: {{unit}}', body: '{{nights}} night(s) from {{firstNight}} are sold more than once.' },
    suspiciousFeed: {
      title: 'Suspicious calendar: {{channel}}',
      body: '{{lost}} of {{of}} stays vanished at once from the calendar for {{unit}}. Pigeonnier kept them: check before anything is freed.',
    },
    feedFailing: { title: 'Calendar failing: {{channel}}', body: 'The calendar for {{unit}} has not been read since {{since}}: its nights may be out of date.' },
    partnerRefused: { title: '{{channel}} refuses the calendar', body: 'The calendar link for {{unit}} answers HTTP {{status}}: it may have been reset at the partner.' },
    partnerModification: {
      title: 'Change from {{channel}}: {{unit}}',
      body: 'Booking {{number}} was changed at {{channel}}, which does not support changes: settle it with them as a cancellation and a new booking.',
    },
    unmappedRoom: { title: 'Room not linked: {{channel}}', body: 'Booking {{number}} is for the room “{{roomCode}}”, linked to none of yours: link it and the booking comes in.' },
    partnerError: { title: 'Error from {{channel}}', body: 'Code {{code}}: {{text}}' },
    partnerCredentials: { title: '{{channel}} refuses the connection details', body: 'Nothing is sent or received until you enter the right ones.' },
    partnerCredentialsRemoved: {
      title: '{{channel}} still sells your rooms',
      body: '{{channel}} refused the connection details, so Pigeonnier could not tell it to stop selling your rooms: close them in {{channel}}’s extranet or call its technical team at {{phone}}.',
    },
    partnerUnreachable: { title: '{{channel}} does not answer', body: 'Your changes are waiting to go out; new bookings may not have arrived.' },
    partnerEventRejected: { title: 'Unreadable booking from {{channel}}', body: 'Booking {{number}} could not be read: check it in your {{channel}} extranet and record it by hand.' },
    partnerReopened: { title: '{{channel}} confirmed a refused booking', body: 'Booking {{number}} is confirmed again: the guest has paid and will come.' },
    other: { title: 'Pigeonnier', body: 'A new alert: open Pigeonnier to see it.' },
  },
};

export const desktopFr: typeof desktopEn = {
  tray: {
    tooltip: 'Pigeonnier : {{state}}',
    state: {
      inStep: 'tous les calendriers sont à jour',
      syncing: 'synchronisation…',
      failing: 'un calendrier est en échec',
      conflict: 'une surréservation à régler',
      paused: 'synchronisation en pause',
    },
    open: 'Ouvrir Pigeonnier',
    syncNow: 'Synchroniser maintenant',
    lastSync: 'Dernière synchronisation : {{time}}',
    neverSynced: 'Pas encore synchronisé',
    failing: '{{name}} : en échec depuis {{since}}',
    conflict: 'Surréservation : voir les alertes',
    pause: 'Mettre la synchronisation en pause',
    resume: 'Reprendre la synchronisation',
    startAtLogin: 'Lancer à l’ouverture de session',
    quit: 'Quitter Pigeonnier',
  },
  notifications: {
    newBooking: { title: 'Nouvelle réservation : {{unit}}', body: '{{dates}}, via {{channel}}', bodyWithGuest: '{{guest}}, {{dates}}, via {{channel}}' },
    cancellation: {
      title: 'Annulation : {{unit}}',
      cancelledByPartner: '{{channel}} a annulé le séjour {{dates}}. Les nuits sont de nouveau libres.',
      removedByPartner: 'Le séjour {{dates}} a disparu du calendrier de {{channel}} : il est annulé et les nuits sont de nouveau libres.',
      goneStillHeld: 'Le séjour {{dates}} a disparu du calendrier de {{channel}}. Ses nuits restent réservées tant que vous ne l’avez pas vérifié.',
    },
    changedByPartner: { title: 'Réservation modifiée par {{channel}} : {{unit}}', body: 'Désormais {{dates}} (avant : {{previous}}).' },
    overbooking: { title: 'Surréservation : {{unit}}', body: '{{nights}} nuit(s) à partir du {{firstNight}} vendues plusieurs fois.' },
    suspiciousFeed: {
      title: 'Calendrier suspect : {{channel}}',
      body: '{{lost}} séjours sur {{of}} ont disparu d’un coup du calendrier de {{unit}}. Pigeonnier les a gardés : vérifiez avant que rien ne soit libéré.',
    },
    feedFailing: { title: 'Calendrier en échec : {{channel}}', body: 'Le calendrier de {{unit}} n’a pas pu être lu depuis {{since}} : ses nuits ne sont peut-être plus à jour.' },
    partnerRefused: { title: '{{channel}} refuse le calendrier', body: 'Le lien du calendrier de {{unit}} répond HTTP {{status}} : il a peut-être été réinitialisé chez le partenaire.' },
    partnerModification: {
      title: 'Modification chez {{channel}} : {{unit}}',
      body: 'La réservation {{number}} a été modifiée chez {{channel}}, qui ne gère pas les modifications : réglez-la avec eux par une annulation et une nouvelle réservation.',
    },
    unmappedRoom: { title: 'Chambre non reliée : {{channel}}', body: 'La réservation {{number}} concerne la chambre « {{roomCode}} », reliée à aucune des vôtres : reliez-la et la réservation arrivera.' },
    partnerError: { title: 'Erreur de {{channel}}', body: 'Code {{code}} : {{text}}' },
    partnerCredentials: { title: '{{channel}} refuse les identifiants', body: 'Rien n’est envoyé ni reçu tant que vous n’avez pas saisi les bons.' },
    partnerCredentialsRemoved: {
      title: '{{channel}} vend encore vos chambres',
      body: '{{channel}} a refusé les identifiants de connexion, Pigeonnier n’a donc pas pu lui demander d’arrêter de vendre vos chambres : fermez-les dans votre extranet {{channel}} ou appelez son équipe technique au {{phone}}.',
    },
    partnerUnreachable: { title: '{{channel}} ne répond plus', body: 'Vos modifications attendent d’être envoyées ; de nouvelles réservations n’ont peut-être pas été reçues.' },
    partnerEventRejected: { title: 'Réservation illisible de {{channel}}', body: 'La réservation {{number}} n’a pas pu être lue : vérifiez-la dans votre extranet {{channel}} et saisissez-la à la main.' },
    partnerReopened: { title: '{{channel}} a confirmé une réservation refusée', body: 'La réservation {{number}} est de nouveau confirmée : le client a payé et viendra.' },
    other: { title: 'Pigeonnier', body: 'Une nouvelle alerte : ouvrez Pigeonnier pour la voir.' },
  },
};
