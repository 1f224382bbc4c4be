/**
 * Alma Heritage before it is live (part of the `alma` namespace, merged in ./alma.ts): the
 * block's heading, who may open the channel, the request and the date its e-mail is due, the
 * facts the partner states (seed 000: 13 % commission, full prepayment, payout at the end of the
 * month of departure, the property's own terms of sale, no modifications), its technical contact,
 * and the stage names.
 *
 * The technical contact: the seed's e-mail address is hidden ("[email protected]"), so only
 * the phone number is given, and the owner is sent to Alma Heritage's connection e-mail.
 */
export const almaOpeningEn = {
  block: {
    heading: 'Alma Heritage',
    intro:
      'Alma Heritage lists accommodation in heritage places — farm, château, bastide, mill, pigeonnier… Instant sync: your rates, stock and restrictions go to Alma Heritage as soon as they change, and its bookings and cancellations come into Pigeonnier.',
    open: 'Open the channel',
    openNote: 'Your request is passed on to Alma Heritage’s team, who finish the connection with you.',
    refused: 'Alma Heritage is not available for this property',
    fixInSettings: 'Check the property in Settings',
    loading: 'Loading Alma Heritage…',
  },
  eligibility: {
    noProperty: 'Describe your property in Settings first (its type and its address).',
    notFrance: 'Alma Heritage is open only to properties in metropolitan France, and this one is in another country ({{country}}).',
    overseas: 'Alma Heritage is open only to properties in metropolitan France, for now; this one is overseas ({{country}}).',
    overseasPostalCode: 'Alma Heritage is open only to properties in metropolitan France, for now; the postal code {{postalCode}} is not in metropolitan France.',
    overseasTimeZone:
      'Alma Heritage is open only to properties in metropolitan France; the property’s time zone ({{timeZone}}) is not metropolitan France’s (Europe/Paris). Correct it in Settings if it is wrong.',
    hotel: 'Alma Heritage takes every kind of accommodation except hotels and campsites, and this property is a hotel.',
    camping: 'Alma Heritage takes every kind of accommodation except hotels and campsites, and this property is a campsite.',
  },
  stages: {
    requested: 'Request sent',
    credentials: 'Connection details',
    contract: 'Contract',
    mapping: 'Rooms',
    ready: 'Ready to activate',
    active: 'Active',
    paused: 'Paused',
    removed: 'Removed',
  },
  pending: {
    heading: 'Request sent to Alma Heritage',
    requested: 'Request sent on {{date}}.',
    expected: 'Alma Heritage’s e-mail with your connection details and your contract should arrive by {{date}} (within 7 working days).',
    late: 'That date has passed: if nothing has arrived, call Alma Heritage’s technical team.',
    received: 'I have received the e-mail',
  },
  facts: {
    heading: 'What Alma Heritage says',
    commission: 'Alma Heritage takes a {{percent}} commission on the sales it makes.',
    prepaid: 'The guest pays Alma Heritage the whole stay (100 %) when booking; Alma Heritage looks after the guest from the confirmation to the end of the stay.',
    payout: 'Alma Heritage pays you what it owes at the end of the month of the guest’s departure; that month’s commission invoice comes by e-mail.',
    terms: 'The terms of sale that apply to bookings made on Alma Heritage are your own, as set in Pigeonnier.',
    termsLink: 'Your terms of sale (Settings)',
    modifications: 'Alma Heritage does not support changes to a stay: the guest and you can agree on a cancellation and a new booking.',
    onRequest: 'Bookings on request arrive pending and hold the room: confirm or refuse them in Pigeonnier, and your answer is sent to Alma Heritage.',
    cancellations: 'Cancellations come from Alma Heritage and free the nights; one that reaches you only by e-mail can be recorded on the file.',
  },
  contact: {
    heading: 'Technical contact',
    body: 'Alma Heritage’s technical team: by phone at {{phone}}. Their e-mail address is in Alma Heritage’s connection e-mail.',
  },
};

export const almaOpeningFr: typeof almaOpeningEn = {
  block: {
    heading: 'Alma Heritage',
    intro:
      'Alma Heritage présente des hébergements au cœur du patrimoine : ferme, château, bastide, moulin, pigeonnier… Synchronisation instantanée : vos tarifs, stocks et restrictions partent vers Alma Heritage dès qu’ils changent, et ses réservations et annulations arrivent dans Pigeonnier.',
    open: 'Ouvrir le canal',
    openNote: 'Votre demande est transmise aux équipes d’Alma Heritage afin de finaliser votre synchronisation.',
    refused: 'Alma Heritage n’est pas ouvert à cet hébergement',
    fixInSettings: 'Vérifier l’hébergement dans les Réglages',
    loading: 'Chargement d’Alma Heritage…',
  },
  eligibility: {
    noProperty: 'Décrivez d’abord votre hébergement dans les Réglages (son type et son adresse).',
    notFrance: 'Alma Heritage n’est accessible qu’aux hébergements situés en France métropolitaine, et celui-ci est dans un autre pays ({{country}}).',
    overseas: 'Alma Heritage n’est accessible qu’aux hébergements situés en France métropolitaine, pour le moment ; celui-ci est outre-mer ({{country}}).',
    overseasPostalCode:
      'Alma Heritage n’est accessible qu’aux hébergements situés en France métropolitaine, pour le moment ; le code postal {{postalCode}} n’est pas en France métropolitaine.',
    overseasTimeZone:
      'Alma Heritage n’est accessible qu’aux hébergements situés en France métropolitaine ; le fuseau horaire de l’hébergement ({{timeZone}}) n’est pas celui de la métropole (Europe/Paris). Corrigez-le dans les Réglages s’il est faux.',
    hotel: 'Alma Heritage accepte tous les hébergements hors hôtels et campings, et cet hébergement est un hôtel.',
    camping: 'Alma Heritage accepte tous les hébergements hors hôtels et campings, et cet hébergement est un camping.',
  },
  stages: {
    requested: 'Demande envoyée',
    credentials: 'Informations de connexion',
    contract: 'Contrat',
    mapping: 'Chambres',
    ready: 'Prêt à activer',
    active: 'Actif',
    paused: 'En pause',
    removed: 'Retiré',
  },
  pending: {
    heading: 'Demande transmise à Alma Heritage',
    requested: 'Demande envoyée le {{date}}.',
    expected: 'L’e-mail d’Alma Heritage avec vos informations de connexion et votre contrat devrait arriver d’ici le {{date}} (sous 7 jours ouvrés).',
    late: 'Cette date est passée : si rien n’est arrivé, appelez le service technique d’Alma Heritage.',
    received: 'J’ai reçu l’e-mail',
  },
  facts: {
    heading: 'Ce qu’indique Alma Heritage',
    commission: 'Alma Heritage applique une commission de {{percent}} sur les ventes réalisées.',
    prepaid: 'Le client paie à Alma Heritage la totalité du séjour (100 %) à la réservation ; Alma Heritage le prend en charge de la confirmation jusqu’à la fin de son séjour.',
    payout: 'Alma Heritage vous verse les fonds dus à la fin du mois du jour de départ du client ; la facture de commission du mois vous est adressée par e-mail.',
    terms: 'Les conditions générales de vente appliquées aux réservations faites sur Alma Heritage sont les vôtres, celles configurées dans Pigeonnier.',
    termsLink: 'Vos conditions de vente (Réglages)',
    modifications: 'Les modifications de séjour ne sont pas prises en charge par Alma Heritage : le client et vous pouvez convenir d’une annulation et d’une nouvelle réservation.',
    onRequest: 'Les réservations sur demande arrivent en attente et bloquent la chambre : confirmez-les ou refusez-les dans Pigeonnier, votre réponse est transmise à Alma Heritage.',
    cancellations: 'Les annulations viennent d’Alma Heritage et libèrent les nuits ; une annulation reçue seulement par e-mail peut être enregistrée sur le dossier.',
  },
  contact: {
    heading: 'Contact technique',
    body: 'Service technique d’Alma Heritage : par téléphone au {{phone}}. Son adresse e-mail figure dans l’e-mail de connexion d’Alma Heritage.',
  },
};
