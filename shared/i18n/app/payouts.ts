/**
 * The payouts view (namespace key `payouts`, issue 9), English and French: what each channel
 * pays the owner, month by month, and the month's commission invoice. "Not known here" is said
 * in words wherever Pigeonnier does not know a figure: never 0 for what it cannot see.
 */
export const payoutsEn = {
  heading: 'Payouts',
  intro:
    'What each channel pays you, month by month: confirmed bookings, in the month the channel pays you (for direct bookings, the month of departure).',
  range: 'Months shown',
  fromMonth: 'From',
  toMonth: 'to',
  aroundToday: 'Last 3 months and next 3',
  caption: 'Payouts of {{month}}, per channel: stays, gross, commission, net and payout date.',
  columns: {
    channel: 'Channel',
    stays: 'Stays',
    gross: 'Gross',
    commission: 'Commission',
    net: 'Net',
    payoutDate: 'Payout date',
  },
  direct: 'Direct bookings',
  removed: 'removed channel',
  notKnown: 'Not known here',
  paidByGuest: 'Not applicable: the guest pays you',
  withoutAmount_one: '{{count}} stay without an amount',
  withoutAmount_other: '{{count}} stays without an amount',
  commissionNotKnownFor_one: 'not known for {{count}} stay',
  commissionNotKnownFor_other: 'not known for {{count}} stays',
  payoutNotKnownFor_one: 'not known for {{count}} stay',
  payoutNotKnownFor_other: 'not known for {{count}} stays',
  total: 'Total for the month',
  empty: 'No confirmed stay is paid this month.',
  invoice_one: '{{name}} commission invoice expected for {{month}}: {{amount}} ({{count}} stay departing this month), sent by e-mail.',
  invoice_other: '{{name}} commission invoice expected for {{month}}: {{amount}} ({{count}} stays departing this month), sent by e-mail.',
  invoiceIncomplete_one: 'The commission of {{count}} stay is not known here: the invoice will be higher.',
  invoiceIncomplete_other: 'The commission of {{count}} stays is not known here: the invoice will be higher.',
  pending_one: '{{count}} booking on request awaiting your decision ({{amount}}): not counted until you confirm it.',
  pending_other: '{{count}} bookings on request awaiting your decision ({{amount}}): not counted until you confirm them.',
  notCounted:
    'Cancelled and refused stays are not counted. Cancellation fees on a prepaid stay, if any, are settled by the channel and not shown here.',
};

export const payoutsFr: typeof payoutsEn = {
  heading: 'Versements',
  intro:
    'Ce que chaque canal vous verse, mois par mois : les réservations confirmées, au mois du versement (pour les réservations directes, le mois du départ).',
  range: 'Mois affichés',
  fromMonth: 'De',
  toMonth: 'à',
  aroundToday: 'Les 3 derniers mois et les 3 prochains',
  caption: 'Versements de {{month}}, par canal : séjours, brut, commission, net et date de versement.',
  columns: {
    channel: 'Canal',
    stays: 'Séjours',
    gross: 'Brut',
    commission: 'Commission',
    net: 'Net',
    payoutDate: 'Date de versement',
  },
  direct: 'Réservations directes',
  removed: 'canal supprimé',
  notKnown: 'Inconnu ici',
  paidByGuest: 'Sans objet : le client vous paie',
  withoutAmount_one: '{{count}} séjour sans montant',
  withoutAmount_other: '{{count}} séjours sans montant',
  commissionNotKnownFor_one: 'inconnue pour {{count}} séjour',
  commissionNotKnownFor_other: 'inconnue pour {{count}} séjours',
  payoutNotKnownFor_one: 'inconnue pour {{count}} séjour',
  payoutNotKnownFor_other: 'inconnue pour {{count}} séjours',
  total: 'Total du mois',
  empty: 'Aucun séjour confirmé n’est versé ce mois-ci.',
  invoice_one: 'Facture de commission {{name}} attendue pour {{month}} : {{amount}} ({{count}} séjour avec départ ce mois-ci), envoyée par e-mail.',
  invoice_other: 'Facture de commission {{name}} attendue pour {{month}} : {{amount}} ({{count}} séjours avec départ ce mois-ci), envoyée par e-mail.',
  invoiceIncomplete_one: 'La commission de {{count}} séjour est inconnue ici : la facture sera plus élevée.',
  invoiceIncomplete_other: 'La commission de {{count}} séjours est inconnue ici : la facture sera plus élevée.',
  pending_one: '{{count}} réservation sur demande attend votre décision ({{amount}}) : non comptée tant que vous ne l’avez pas confirmée.',
  pending_other: '{{count}} réservations sur demande attendent votre décision ({{amount}}) : non comptées tant que vous ne les avez pas confirmées.',
  notCounted:
    'Les séjours annulés ou refusés ne sont pas comptés. Les éventuels frais d’annulation d’un séjour prépayé sont réglés par le canal et ne figurent pas ici.',
};
