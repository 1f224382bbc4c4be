/**
 * The booking form's text fields ↔ the API's input. Numbers and amounts are read here, in
 * either locale's habit ("85,50", "1 234.5"); what cannot be read is reported with the same
 * keys the service uses, and everything else is left for the service to judge.
 */
import type { ApiInput } from '../../../shared/api';
import type { Reservation } from '../../../shared/domain';
import type { ApiIssue } from '../../../shared/errors';
import { parseEuros, type Cents } from '../../../shared/money';

export interface BookingValues {
  unitId: string;
  arrival: string;
  departure: string;
  guests: string;
  guestName: string;
  email: string;
  phone: string;
  address: string;
  amount: string;
  notes: string;
  status: 'confirmed' | 'pending';
  /** Edit only: what the partner keeps, when they pay out, their reference. */
  commission: string;
  payoutDate: string;
  partnerReference: string;
}

export function emptyValues(): BookingValues {
  return {
    unitId: '',
    arrival: '',
    departure: '',
    guests: '2',
    guestName: '',
    email: '',
    phone: '',
    address: '',
    amount: '',
    notes: '',
    status: 'confirmed',
    commission: '',
    payoutDate: '',
    partnerReference: '',
  };
}

/** Cents as an amount field shows them: "255,00" in French, "255.00" in English (parseEuros reads both). */
export function centsText(cents: Cents | null, locale = 'en-GB'): string {
  if (cents === null) return '';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

export function valuesOf(file: Reservation, locale?: string): BookingValues {
  return {
    unitId: String(file.unitId),
    arrival: file.arrival,
    departure: file.departure,
    guests: file.guests === null ? '' : String(file.guests),
    guestName: file.guestName ?? '',
    email: file.email ?? '',
    phone: file.phone ?? '',
    address: file.address ?? '',
    amount: centsText(file.amountCents, locale),
    notes: file.notes,
    status: file.status === 'pending' ? 'pending' : 'confirmed',
    commission: centsText(file.commissionCents, locale),
    payoutDate: file.payoutDate ?? '',
    partnerReference: file.partnerReference ?? '',
  };
}

interface Prepared<T> {
  value: T;
  issues: ApiIssue[];
}

function readAmount(text: string, field: string, issues: ApiIssue[]): Cents | null {
  if (text.trim() === '') return null;
  const cents = parseEuros(text);
  if (cents === null) issues.push({ path: [field], key: 'errors.amount' });
  return cents;
}

function readCount(text: string, field: string, issues: ApiIssue[]): number | undefined {
  if (text.trim() === '') return undefined;
  if (!/^\s*-?\d+\s*$/.test(text)) {
    issues.push({ path: [field], key: 'errors.integer' });
    return undefined;
  }
  return Number(text);
}

export function bookingInput(values: BookingValues): Prepared<Omit<ApiInput<'reservations:create'>, 'allowOverbooking'>> {
  const issues: ApiIssue[] = [];
  const guests = readCount(values.guests, 'guests', issues);
  const amountCents = readAmount(values.amount, 'amount', issues);
  const value = {
    unitId: Number(values.unitId) || 0,
    arrival: values.arrival,
    departure: values.departure,
    status: values.status,
    guests: guests as number,
    guestName: values.guestName,
    email: values.email,
    phone: values.phone,
    address: values.address,
    notes: values.notes,
    ...(amountCents === null ? {} : { amountCents }),
  };
  return { value, issues };
}

type Changes = ApiInput<'reservations:update'>['changes'];

/** Only what the owner changed, so a partner's file keeps everything the owner did not touch. */
export function bookingChanges(values: BookingValues, file: Reservation): Prepared<Changes> {
  const issues: ApiIssue[] = [];
  const guests = readCount(values.guests, 'guests', issues);
  const next: Changes = {
    unitId: Number(values.unitId) || 0,
    arrival: values.arrival,
    departure: values.departure,
    guests: guests ?? null,
    guestName: values.guestName.trim() === '' ? null : values.guestName,
    email: values.email,
    phone: values.phone,
    address: values.address,
    amountCents: readAmount(values.amount, 'amount', issues),
    notes: values.notes,
    commissionCents: readAmount(values.commission, 'commission', issues),
    payoutDate: values.payoutDate === '' ? null : values.payoutDate,
    partnerReference: values.partnerReference,
  };
  const before: Record<string, unknown> = { ...file, email: file.email ?? '', phone: file.phone ?? '', address: file.address ?? '', partnerReference: file.partnerReference ?? '' };
  const changes = Object.fromEntries(
    Object.entries(next).filter(([key, value]) => {
      const old = before[key];
      return typeof value === 'string' && typeof old === 'string' ? value.trim() !== old.trim() : value !== old;
    }),
  ) as Changes;
  return { value: changes, issues };
}
