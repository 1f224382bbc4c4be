/**
 * Alma Heritage, the "instant" API channel (issue 9, DESIGN §5, seed 000): what the page and
 * the main process share about its set-up and its exchanges.
 */
import type { ChannelConnection } from './domain';
import type { Night } from './nights';

/** A message for the owner: an i18n key and its values. */
export interface AlmaMessage {
  key: string;
  params?: Record<string, string | number>;
}

/** Which of the partner's room type and rate plan one of our rooms is sold as. */
export interface ApiRoomMapping {
  unitId: number;
  roomCode: string;
  rateCode: string;
}

/** Who may open the channel: a property in metropolitan France that is not a hotel or a campsite. */
export interface AlmaEligibility {
  eligible: boolean;
  /** Why not, in words (empty when eligible). */
  reasons: AlmaMessage[];
}

/** Where the set-up stands, in the order the page documents it. */
export type AlmaStage = 'requested' | 'credentials' | 'contract' | 'mapping' | 'ready' | 'active' | 'paused' | 'removed';

/** The default commission Alma Heritage applies to its sales (seed 000): 13 %. */
export const ALMA_COMMISSION_BASIS_POINTS = 1300;
/** Alma Heritage's technical team (seed 000); its e-mail address is in the connection e-mail. */
export const ALMA_TECHNICAL_PHONE = '+33 6 71 93 90 08';
/** "Within 7 working days" the connection e-mail and the contract arrive. */
export const ALMA_WORKING_DAYS_TO_ANSWER = 7;

/** What the exchanges with the partner look like right now. */
export interface ApiSyncSummary {
  /** Changes waiting to go out (rows of the outbox). */
  waiting: number;
  oldestWaitingAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  failingSince: string | null;
  /** The last failure, with the partner's own error text when it sent one. */
  lastError: AlmaMessage | null;
  /** When the next attempt is due after a failure (backoff or the partner's Retry-After). */
  nextAttemptAt: string | null;
  /** Acknowledgements still owed to the partner (stored, not yet acknowledged). */
  unacknowledged: number;
}

export interface AlmaConnectionView {
  connection: ChannelConnection;
  stage: AlmaStage;
  requestedAt: string;
  /** The date by which the connection e-mail and the contract should have arrived. */
  expectedBy: Night;
  serviceUrl: string | null;
  propertyCode: string | null;
  userName: string | null;
  passwordSaved: boolean;
  /** How the saved password is protected: 'os' keychain, or 'weak' (said to the owner). */
  passwordProtection: 'os' | 'weak' | null;
  contractConfirmedAt: string | null;
  rooms: ApiRoomMapping[];
  commissionBasisPoints: number;
  sync: ApiSyncSummary;
}
