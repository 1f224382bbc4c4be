/**
 * Guest details where the partner sends them, in its summary or as "Label: value" lines in the
 * DESCRIPTION — French or English labels (Feratel Deskline: "Nom : …", "Personnes : 4",
 * "Téléphone : …", "N° de réservation : …"; Airbnb: "Reservation URL: …/details/HMABC12345",
 * "Phone Number (Last 4 Digits): 1234"; Abritel/Vrbo: "Réservée - NOM" in the summary).
 */
import { fold } from './classifyEvent';
import type { GuestDetails } from './feedTypes';

type Field = 'name' | 'guests' | 'adults' | 'children' | 'phone' | 'email' | 'reference' | 'phoneLast4' | 'url' | 'contact';

const LABELS: Record<string, Field> = {};
function labels(field: Field, ...names: string[]): void {
  for (const name of names) LABELS[name] = field;
}
labels('name', 'nom', 'nom du client', 'nom client', 'nom du voyageur', 'nom et prenom', 'nom prenom', 'prenom nom', 'client', 'voyageur', 'locataire', 'hote', 'guest', 'guest name', 'name', 'customer', 'traveller', 'traveler');
labels('guests', 'personnes', 'nombre de personnes', 'nb personnes', 'nb de personnes', 'nbre de personnes', 'voyageurs', 'nombre de voyageurs', 'occupants', 'guests', 'number of guests', 'persons', 'people', 'pax');
labels('adults', 'adultes', 'adults', 'nombre d adultes');
labels('children', 'enfants', 'children', 'kids', 'nombre d enfants');
labels('phone', 'telephone', 'tel', 'tel portable', 'portable', 'mobile', 'gsm', 'phone', 'phone number', 'numero de telephone', 'telephone du client');
labels('email', 'e-mail', 'email', 'mail', 'courriel', 'adresse e-mail', 'adresse email', 'adresse mail', 'e-mail du client');
labels('reference', 'reference', 'ref', 'n de reservation', 'no de reservation', 'numero de reservation', 'n reservation', 'reservation', 'reservation id', 'reservation number', 'reservation code', 'booking id', 'booking number', 'booking reference', 'confirmation', 'confirmation code', 'code de confirmation', 'dossier', 'n de dossier', 'numero de dossier');
labels('phoneLast4', 'phone number (last 4 digits)', 'phone (last 4 digits)', 'last 4 digits', 'telephone (4 derniers chiffres)', '4 derniers chiffres du telephone');
labels('url', 'reservation url', 'url', 'lien de la reservation', 'lien');
labels('contact', 'contact', 'coordonnees', 'contact details');

/** "N° de réservation" → "n de reservation"; "Tél." → "tel". */
function normaliseLabel(label: string): string {
  return fold(label)
    .replace(/[°º'’.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LABEL_LINE = /^\s*([^:：]{1,45}?)\s*[:：]\s*(.+?)\s*$/;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const PHONE = /\+?\d[\d .-]{7,}\d/;
const SUMMARY_NAME = /^\s*(?:reserved|r[ée]serv[ée]e?|booked|tentative|option|annul[ée]e?|cancell?ed)\s*[-–—:]\s*(.+?)\s*$/i;
const AIRBNB_CODE = /\/details\/([A-Z0-9]{8,12})\b/;

function firstNumber(value: string): number | null {
  const m = /\d+/.exec(value);
  const n = m ? Number(m[0]) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
}

function guestCount(value: string): number | null {
  const adults = /(\d+)\s*adult/i.exec(value);
  const children = /(\d+)\s*(enfant|child)/i.exec(value);
  if (adults) return Number(adults[1]) + (children ? Number(children[1]) : 0);
  return firstNumber(value);
}

/** Raw label → field, remembered: a feed repeats the same few labels thousands of times. */
const labelCache = new Map<string, Field | null>();

function fieldOf(label: string): Field | null {
  let field = labelCache.get(label);
  if (field === undefined) {
    field = LABELS[normaliseLabel(label)] ?? null;
    if (labelCache.size < 1000) labelCache.set(label, field);
  }
  return field;
}

export function extractGuest(summary: string, description: string): GuestDetails | null {
  const found: Partial<Record<Field, string>> = {};
  if (description) {
    for (const line of description.split('\n')) {
      const m = LABEL_LINE.exec(line);
      if (!m) continue;
      const field = fieldOf(m[1]!);
      if (field && found[field] === undefined) found[field] = m[2]!;
    }
  }
  const fromSummary = SUMMARY_NAME.exec(summary)?.[1];
  const name = found.name ?? (fromSummary && !/not available|indisponible/i.test(fromSummary) ? fromSummary : undefined);
  const contact = found.contact ?? '';
  const email = found.email ?? EMAIL.exec(contact)?.[0] ?? (description.includes('@') ? EMAIL.exec(description)?.[0] : undefined) ?? null;
  const phone = found.phone ?? PHONE.exec(contact)?.[0] ?? null;
  let guests = found.guests === undefined ? null : guestCount(found.guests);
  if (guests === null && found.adults !== undefined) guests = (firstNumber(found.adults) ?? 0) + (found.children === undefined ? 0 : (firstNumber(found.children) ?? 0)) || null;
  const reference =
    found.reference ?? (found.url ? AIRBNB_CODE.exec(found.url)?.[1] : undefined) ?? (description.includes('/details/') ? AIRBNB_CODE.exec(description)?.[1] : undefined) ?? null;
  const phoneLast4 = found.phoneLast4 ? (/\d{4}/.exec(found.phoneLast4)?.[0] ?? null) : null;
  const details: GuestDetails = {
    name: name?.trim() || null,
    guests,
    phone: phone?.trim() || null,
    email: email?.trim() || null,
    reference: reference?.trim() || null,
    phoneLast4,
  };
  return Object.values(details).some((v) => v !== null) ? details : null;
}
