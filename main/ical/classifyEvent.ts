/**
 * Reservation, block or unknown, and confirmed, tentative or cancelled, from the partner's
 * words (DESIGN §4). Real exports: Airbnb "Reserved" / "Airbnb (Not available)"; Booking.com
 * "CLOSED - Not available" for bookings and closures alike; Abritel "Réservée - NOM" /
 * "Indisponible", Vrbo "Reserved - NAME" / "Blocked"; Google "Busy" / "Occupé"; French PMS and
 * owners "Réservé", "Indisponible", "Fermé", "Option". Matching ignores case and accents.
 */
import type { EventKind, EventStatus } from './feedTypes';

/** Lower case without accents: "Réservée" → "reservee". */
export function fold(text: string): string {
  // Skip the (slow) normalisation for plain ASCII, the common case.
  // eslint-disable-next-line no-control-regex
  return (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
}

const BOTH_KINDS = /^closed\s*-\s*not available$/;
const BLOCK = /(not available|unavailable|indisponible|non disponible|pas disponible|\bblocked\b|\bbloquee?s?\b|\bblocage\b|\bfermee?\b|\bfermeture\b|\bclosed\b|owner (block|stay)|proprietaire|maintenance|travaux)/;
const RESERVATION = /(\breserved\b|\breservee?s?\b|\breservation\b|\bbooked\b|\bbooking\b|\bconfirmee?\b|\bconfirmed\b|\bsejour\b|\blocation\b|\bguest\b|\bvoyageurs?\b|\bclients?\b|\blocataires?\b)/;
// A cancellation word heading the summary ("Annulée - Martin", "[Cancelled] …") or in brackets;
// not anywhere ("Politique d'annulation stricte" is no cancellation).
const CANCELLED = /^\W*(annulee?s?|cancell?ed)(\W|$)|[([](annulee?s?|cancell?ed)[)\]]/;
const TENTATIVE = /(^|\W)(option|optionnee?|tentative|provisoire|pre-?reservee?|pre-?reservation|en attente|pending|on request|sur demande|demande de reservation|hold)(\W|$)/;

export function classifyKind(summary: string, hasGuest: boolean): EventKind {
  const words = fold(summary).trim();
  if (BOTH_KINDS.test(words)) return 'unknown';
  if (BLOCK.test(words)) return 'block';
  if (RESERVATION.test(words) || TENTATIVE.test(words) || CANCELLED.test(words)) return 'reservation';
  return hasGuest ? 'reservation' : 'unknown';
}

/** STATUS:CANCELLED in any case, or the partner's words for it; TENTATIVE or an "option" holds stock but is not confirmed. */
export function classifyStatus(status: unknown, summary: string): EventStatus {
  const declared = typeof status === 'string' ? status.trim().toUpperCase() : '';
  if (declared === 'CANCELLED' || declared === 'CANCELED') return 'cancelled';
  const words = fold(summary);
  if (CANCELLED.test(words)) return 'cancelled';
  if (declared === 'TENTATIVE' || TENTATIVE.test(words)) return 'tentative';
  return 'confirmed';
}
