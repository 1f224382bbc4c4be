/**
 * Messages of the outgoing feeds (namespace key `export`): refusals of the feeds and feed-server
 * calls, and the `feeds` command. The feeds themselves are partner-facing and stay in English
 * (main/ical/exportFeed.ts says why), so nothing of theirs is here.
 */
export const exportEn = {
  errors: {
    unknownFeed: 'There is no outgoing calendar for this channel and room.',
  },
  cli: {
    feedsHelp: 'list the calendar links to copy into each booking site',
    none: 'No outgoing calendar yet: connect a channel first.',
    line: '{{unit}} → {{channel}} ({{connection}}): {{url}}',
    localOnly: 'These links name this computer ({{base}}): a booking site cannot reach them. Set a public address in the settings.',
  },
};

export const exportFr: typeof exportEn = {
  errors: {
    unknownFeed: 'Il n’y a pas de calendrier sortant pour ce canal et cette chambre.',
  },
  cli: {
    feedsHelp: 'lister les liens de calendrier à copier dans chaque site de réservation',
    none: 'Aucun calendrier sortant pour l’instant : connectez d’abord un canal.',
    line: '{{unit}} → {{channel}} ({{connection}}) : {{url}}',
    localOnly:
      'Ces liens désignent cet ordinateur ({{base}}) : un site de réservation ne peut pas les joindre. Indiquez une adresse publique dans les réglages.',
  },
};
