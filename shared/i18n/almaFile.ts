/**
 * The reservation file's Alma Heritage wording (part of the `alma` namespace as `alma.file`,
 * merged in ./alma.ts): the answer to a booking on request, a cancellation received by e-mail, a
 * change the partner sent that the file did not take.
 */
export const almaFileEn = {
  answerSent: 'Your answer is sent to Alma Heritage.',
  editStaysHere: 'Changes made here stay in Pigeonnier: Alma Heritage does not support changes to a stay (settle them with Alma Heritage as a cancellation and a new booking).',
  recordCancellation: 'Record a cancellation received by e-mail…',
  cancelQuestion: 'Record the cancellation Alma Heritage sent you by e-mail? The nights are freed.',
  cancelConfirm: 'Record the cancellation',
  changedTitle: 'Alma Heritage sent a change to this stay',
  changedBody:
    'Alma Heritage does not support changes to a stay, so this file was kept as it was. Settle it with Alma Heritage: the change becomes a cancellation and a new booking. Then record the cancellation here; the new booking arrives by itself.',
};

export const almaFileFr: typeof almaFileEn = {
  answerSent: 'Votre réponse est transmise à Alma Heritage.',
  editStaysHere: 'Une modification faite ici reste dans Pigeonnier : Alma Heritage ne prend pas en charge les modifications de séjour (convenez avec Alma Heritage d’une annulation et d’une nouvelle réservation).',
  recordCancellation: 'Enregistrer une annulation reçue par e-mail…',
  cancelQuestion: 'Enregistrer l’annulation qu’Alma Heritage vous a envoyée par e-mail ? Les nuits sont libérées.',
  cancelConfirm: 'Enregistrer l’annulation',
  changedTitle: 'Alma Heritage a envoyé une modification de ce séjour',
  changedBody:
    'Alma Heritage ne prend pas en charge les modifications de séjour : ce dossier a donc été gardé tel quel. Réglez-le avec Alma Heritage : la modification devient une annulation et une nouvelle réservation. Enregistrez ensuite l’annulation ici ; la nouvelle réservation arrive d’elle-même.',
};
