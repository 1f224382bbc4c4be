/**
 * Alma Heritage's set-up wizard (part of the `alma` namespace, merged in ./alma.ts), in the
 * partner's own order: connection details and their check, the contract, each room's codes, then
 * activation; with the service's refusals (`rules`) and what is still missing. The live card
 * reuses the connection details and rooms steps, so these texts serve it too.
 */
export const almaWizardEn = {
  rules: {
    unknownConnection: 'There is no Alma Heritage channel number {{id}}.',
    notEligible: 'Alma Heritage is not available for this property.',
    alreadyOpen: 'The Alma Heritage channel is already open.',
    notHttp: 'The service address must be a web address starting with http:// or https://, as in Alma Heritage’s e-mail.',
    noSecretStorage:
      'This computer offers no safe place for the password (no keychain), and Pigeonnier never keeps it in clear. Nothing was saved. Install and unlock a keyring (GNOME Keyring, KWallet), then try again.',
    credentialsMissing: 'Save the connection details and the password before checking them.',
    unknownRoom: 'This room no longer exists.',
    duplicateRoom: 'This room is listed twice.',
    duplicateRoomCode: 'The room code {{code}} is used for two rooms: each room needs its own Alma Heritage room code.',
    noRooms: 'A live channel needs at least one room: pause or remove it instead.',
    alreadyActivated: 'The channel is already activated.',
    notReady: 'The channel cannot be activated yet: something is missing.',
    notActive: 'The channel is not active yet: activate it first.',
    roomsInWizard: 'Alma Heritage’s rooms are set in its own wizard, with their codes.',
    activateFirst: 'Finish the Alma Heritage wizard and activate the channel first.',
  },
  missing: {
    credentials: 'the connection details (service address, property code, user name)',
    password: 'the password',
    contract: 'the confirmation that you have signed the contract',
    mapping: 'at least one room with its Alma Heritage codes',
  },
  wizard: {
    label: 'Alma Heritage set-up',
    steps: 'Set-up steps',
    credentials: 'Connection details',
    contract: 'Contract',
    mapping: 'Rooms',
    activate: 'Activate',
    saved: 'Saved.',
  },
  credentials: {
    intro: 'Enter what Alma Heritage’s e-mail gives you.',
    serviceUrl: 'Service address',
    propertyCode: 'Property code',
    userName: 'User name',
    password: 'Password',
    passwordSaved: 'A password is saved. Leave the field empty to keep it.',
    passwordMissing: 'No password is saved yet.',
    protectionOs: 'It is kept in this computer’s keychain.',
    protectionWeak:
      'This computer has no keychain: the password is only obfuscated in Pigeonnier’s data folder, readable by anyone who can read that folder. Install and unlock a keyring (GNOME Keyring, KWallet) to protect it.',
    save: 'Save the connection details',
    check: 'Check the connection',
    checking: 'Checking with Alma Heritage…',
    checkOk: 'Alma Heritage accepted these connection details.',
    checkFailed: 'The check failed: {{reason}}',
  },
  check: {
    unexpected: 'An unexpected error stopped the check.',
    noAnswer: 'The check’s answer did not come (the page may have lost its link with Pigeonnier for a moment). Try again.',
  },
  contract: {
    intro: 'Alma Heritage’s contract comes with the connection e-mail. Before you confirm it, know that:',
    confirm: 'I have signed Alma Heritage’s contract',
    confirmed: 'Contract confirmed on {{date}}.',
  },
  mapping: {
    intro: 'For each room you sell on Alma Heritage, enter the room code and the rate code Alma Heritage gave you. Leave both empty for a room you do not sell there.',
    room: 'Room',
    roomCode: 'Room code',
    rateCode: 'Rate code',
    save: 'Save the rooms',
    incomplete: 'Enter both codes for {{room}}, or neither.',
    noUnits: 'There is no room yet: add your rooms in Settings.',
  },
  activate: {
    intro: 'Once active, your rates, stock and restrictions are sent to Alma Heritage, and its bookings come into Pigeonnier.',
    button: 'Activate the channel',
    missing: 'Still needed before activating:',
  },
};

export const almaWizardFr: typeof almaWizardEn = {
  rules: {
    unknownConnection: 'Il n’y a pas de canal Alma Heritage numéro {{id}}.',
    notEligible: 'Alma Heritage n’est pas ouvert à cet hébergement.',
    alreadyOpen: 'Le canal Alma Heritage est déjà ouvert.',
    notHttp: 'L’adresse du service doit être une adresse web commençant par http:// ou https://, comme dans l’e-mail d’Alma Heritage.',
    noSecretStorage:
      'Cet ordinateur n’offre aucun endroit sûr pour le mot de passe (pas de trousseau), et Pigeonnier ne le garde jamais en clair. Rien n’a été enregistré. Installez et déverrouillez un trousseau (GNOME Keyring, KWallet), puis réessayez.',
    credentialsMissing: 'Enregistrez les informations de connexion et le mot de passe avant de les vérifier.',
    unknownRoom: 'Cette chambre n’existe plus.',
    duplicateRoom: 'Cette chambre figure deux fois.',
    duplicateRoomCode: 'Le code de chambre {{code}} sert pour deux chambres : chaque chambre a besoin de son propre code de chambre Alma Heritage.',
    noRooms: 'Un canal en service a besoin d’au moins une chambre : mettez-le en pause ou retirez-le plutôt.',
    alreadyActivated: 'Le canal est déjà activé.',
    notReady: 'Le canal ne peut pas encore être activé : il manque quelque chose.',
    notActive: 'Le canal n’est pas encore actif : activez-le d’abord.',
    roomsInWizard: 'Les chambres d’Alma Heritage se règlent dans son propre assistant, avec leurs codes.',
    activateFirst: 'Terminez l’assistant Alma Heritage et activez d’abord le canal.',
  },
  missing: {
    credentials: 'les informations de connexion (adresse du service, code de l’hébergement, nom d’utilisateur)',
    password: 'le mot de passe',
    contract: 'la confirmation que vous avez signé le contrat',
    mapping: 'au moins une chambre avec ses codes Alma Heritage',
  },
  wizard: {
    label: 'Mise en place d’Alma Heritage',
    steps: 'Étapes de la mise en place',
    credentials: 'Informations de connexion',
    contract: 'Contrat',
    mapping: 'Chambres',
    activate: 'Activation',
    saved: 'Enregistré.',
  },
  credentials: {
    intro: 'Saisissez ce que vous donne l’e-mail d’Alma Heritage.',
    serviceUrl: 'Adresse du service',
    propertyCode: 'Code de l’hébergement',
    userName: 'Nom d’utilisateur',
    password: 'Mot de passe',
    passwordSaved: 'Un mot de passe est enregistré. Laissez le champ vide pour le garder.',
    passwordMissing: 'Aucun mot de passe n’est encore enregistré.',
    protectionOs: 'Il est conservé dans le trousseau de cet ordinateur.',
    protectionWeak:
      'Cet ordinateur n’a pas de trousseau : le mot de passe est seulement masqué dans le dossier de données de Pigeonnier, lisible par quiconque peut lire ce dossier. Installez et déverrouillez un trousseau (GNOME Keyring, KWallet) pour le protéger.',
    save: 'Enregistrer les informations de connexion',
    check: 'Vérifier la connexion',
    checking: 'Vérification auprès d’Alma Heritage…',
    checkOk: 'Alma Heritage accepte ces informations de connexion.',
    checkFailed: 'La vérification a échoué : {{reason}}',
  },
  check: {
    unexpected: 'Une erreur inattendue a interrompu la vérification.',
    noAnswer: 'La réponse de la vérification n’est pas arrivée (la page a peut-être perdu un moment le lien avec Pigeonnier). Réessayez.',
  },
  contract: {
    intro: 'Le contrat d’Alma Heritage accompagne l’e-mail de connexion. Avant de le confirmer, sachez que :',
    confirm: 'J’ai signé le contrat d’Alma Heritage',
    confirmed: 'Contrat confirmé le {{date}}.',
  },
  mapping: {
    intro: 'Pour chaque chambre vendue sur Alma Heritage, saisissez le code de chambre et le code tarif donnés par Alma Heritage. Laissez les deux vides pour une chambre que vous n’y vendez pas.',
    room: 'Chambre',
    roomCode: 'Code de chambre',
    rateCode: 'Code tarif',
    save: 'Enregistrer les chambres',
    incomplete: 'Saisissez les deux codes pour {{room}}, ou aucun.',
    noUnits: 'Il n’y a pas encore de chambre : ajoutez vos chambres dans les Réglages.',
  },
  activate: {
    intro: 'Une fois le canal actif, vos tarifs, stocks et restrictions sont envoyés à Alma Heritage, et ses réservations arrivent dans Pigeonnier.',
    button: 'Activer le canal',
    missing: 'Il manque encore avant l’activation :',
  },
};
