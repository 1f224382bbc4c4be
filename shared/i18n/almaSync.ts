/**
 * The Alma Heritage sync engine's own messages (main/sync/alma/), under `alma.sync` (merge as
 * `alma: { …, sync: almaSyncEn }`). The partner's failures have their own keys (./almaErrors.ts).
 */
export const almaSyncEn = {
  noCredentials: 'The Alma Heritage connection details are incomplete (user name, password or property code): enter them in the channel’s settings.',
  internal: 'The exchange with Alma Heritage stopped on an unexpected error in Pigeonnier; it is tried again in a minute. If it goes on, restart Pigeonnier.',
};

export const almaSyncFr: typeof almaSyncEn = {
  noCredentials: 'Les identifiants de connexion Alma Heritage sont incomplets (identifiant, mot de passe ou code d’établissement) : saisissez-les dans les réglages du canal.',
  internal: 'L’échange avec Alma Heritage s’est arrêté sur une erreur inattendue de Pigeonnier ; il est retenté dans une minute. Si cela continue, redémarrez Pigeonnier.',
};
