/**
 * Where Alma Heritage's set-up stands, computed from what is saved (never stored, so it cannot
 * disagree with it), and what activation still needs. Shared: the main process refuses an
 * activation with these issues, the page lists them beside a disabled button, in the same words.
 */
import type { AlmaMessage, AlmaStage } from './alma';
import type { ConnectionStatus } from './domain';

export interface AlmaSetupFacts {
  status: ConnectionStatus;
  /** Service address, property code and user name all saved. */
  hasCredentials: boolean;
  /** Any of them saved (the owner has started on the e-mail). */
  anyCredentials: boolean;
  passwordSaved: boolean;
  contractConfirmed: boolean;
  mappedRooms: number;
}

export type AlmaMissing = 'credentials' | 'password' | 'contract' | 'mapping';

/** What activation needs and is not there yet, in the wizard's order. */
export function almaMissing(facts: AlmaSetupFacts): AlmaMissing[] {
  const missing: AlmaMissing[] = [];
  if (!facts.hasCredentials) missing.push('credentials');
  if (!facts.passwordSaved) missing.push('password');
  if (!facts.contractConfirmed) missing.push('contract');
  if (facts.mappedRooms === 0) missing.push('mapping');
  return missing;
}

export const almaMissingMessage = (missing: AlmaMissing): AlmaMessage => ({ key: `alma.missing.${missing}` });

/**
 * 'requested': nothing from the e-mail yet; 'credentials': started but incomplete (a password
 * the keychain lost included); then the first missing step; 'ready' when activation may go.
 */
export function almaStage(facts: AlmaSetupFacts): AlmaStage {
  if (facts.status !== 'pending') return facts.status;
  const missing = almaMissing(facts);
  if (missing.length === 0) return 'ready';
  if (!facts.anyCredentials && !facts.passwordSaved && !facts.contractConfirmed && facts.mappedRooms === 0) return 'requested';
  if (missing.includes('credentials') || missing.includes('password')) return 'credentials';
  return missing.includes('contract') ? 'contract' : 'mapping';
}
