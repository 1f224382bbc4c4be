/**
 * The UIDs of the events we publish. They live under a domain of our own so that when a partner
 * echoes our calendar back in theirs (many do), the importer recognises our events and ignores
 * them instead of importing our own blocks as their bookings. `.invalid` is reserved (RFC 2606):
 * no one else can ever mint UIDs under it.
 */
import type { Night } from '../../shared/nights';

export const UID_DOMAIN = 'pigeonnier.invalid';

/** Stable for a given outgoing feed and blocked period: the same block keeps its UID across polls. */
export function exportEventUid(feedId: number, firstNight: Night): string {
  return `block-${feedId}-${firstNight}@${UID_DOMAIN}`;
}

export function isOurUid(uid: string): boolean {
  return uid.trim().toLowerCase().endsWith(`@${UID_DOMAIN}`);
}
