/**
 * Alma Heritage (namespace key `alma`), English and French, put together from one file per
 * concern so the namespace's shape — and every t() key — stays the same:
 * - ./almaOpening.ts: the block, who may open the channel, the request, the partner's facts,
 *   the technical contact, the stage names;
 * - ./almaWizard.ts: the set-up wizard's steps, the service's refusals, what is missing;
 * - ./almaLive.ts: the live channel's card (`alma.active`);
 * - ./almaFile.ts: the reservation file's Alma Heritage wording (`alma.file`);
 * - ./almaErrors.ts: the connector's error texts (`alma.errors`);
 * - ./almaSync.ts: the sync engine's messages (`alma.sync`).
 */
import { almaErrorsEn, almaErrorsFr } from './almaErrors';
import { almaFileEn, almaFileFr } from './almaFile';
import { almaLiveEn, almaLiveFr } from './almaLive';
import { almaOpeningEn, almaOpeningFr } from './almaOpening';
import { almaSyncEn, almaSyncFr } from './almaSync';
import { almaWizardEn, almaWizardFr } from './almaWizard';

export { almaErrorsEn, almaErrorsFr };

export const almaEn = {
  errors: almaErrorsEn,
  sync: almaSyncEn,
  /** A problem with what it concerns (a room). */
  about: '{{about}}: {{text}}',
  ...almaOpeningEn,
  ...almaWizardEn,
  active: almaLiveEn,
  file: almaFileEn,
};

export const almaFr: typeof almaEn = {
  errors: almaErrorsFr,
  sync: almaSyncFr,
  about: '{{about}} : {{text}}',
  ...almaOpeningFr,
  ...almaWizardFr,
  active: almaLiveFr,
  file: almaFileFr,
};
