/**
 * Every reservation file, flat, for the command line and the accountant. CSV follows French
 * spreadsheet habits by default (semicolon, decimal comma, a BOM so Excel reads UTF-8).
 */
import { stringify } from 'csv-stringify/sync';
import { daysBetween } from '../../shared/nights';
import { listConnections } from '../db/channels';
import { findReservations } from '../db/reservations';
import { listUnits } from '../db/units';
import type { Db } from '../db/connection';

export interface ReservationExportRow {
  id: number;
  unitId: number;
  unit: string;
  sourceConnectionId: number | null;
  source: string;
  kind: string;
  arrival: string;
  departure: string;
  nights: number;
  status: string;
  guests: number | null;
  guestName: string | null;
  email: string | null;
  phone: string | null;
  amountCents: number | null;
  commissionCents: number | null;
  partnerReference: string | null;
}

export function exportRows(db: Db): ReservationExportRow[] {
  const units = new Map(listUnits(db).map((u) => [u.id, u.name]));
  const channels = new Map(listConnections(db).map((c) => [c.id, c.name]));
  return findReservations(db, {}).map((r) => ({
    id: r.id,
    unitId: r.unitId,
    unit: units.get(r.unitId) ?? '',
    sourceConnectionId: r.sourceConnectionId,
    source: r.sourceConnectionId === null ? 'direct' : (channels.get(r.sourceConnectionId) ?? String(r.sourceConnectionId)),
    kind: r.kind,
    arrival: r.arrival,
    departure: r.departure,
    nights: daysBetween(r.arrival, r.departure),
    status: r.status,
    guests: r.guests,
    guestName: r.guestName,
    email: r.email,
    phone: r.phone,
    amountCents: r.amountCents,
    commissionCents: r.commissionCents,
    partnerReference: r.partnerReference,
  }));
}

/** The columns of the export, in order; their headers are `cli.columns.<name>` in each language. */
export const EXPORT_COLUMNS: (keyof ReservationExportRow)[] = [
  'id', 'unitId', 'unit', 'sourceConnectionId', 'source', 'kind', 'arrival', 'departure', 'nights',
  'status', 'guests', 'guestName', 'email', 'phone', 'amountCents', 'commissionCents', 'partnerReference',
];

export function exportHeaders(translate: (key: string) => string): Record<keyof ReservationExportRow, string> {
  return Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, translate(`cli.columns.${c}`)])) as Record<keyof ReservationExportRow, string>;
}

export interface CsvOptions {
  /** 'fr': `;` and 85,00 (French Excel); 'en': `,` and 85.00. */
  style: 'fr' | 'en';
  headers: Record<keyof ReservationExportRow, string>;
}

function euros(cents: number | null, style: CsvOptions['style']): string {
  if (cents === null) return '';
  const text = (cents / 100).toFixed(2);
  return style === 'fr' ? text.replace('.', ',') : text;
}

export function toCsv(rows: ReservationExportRow[], options: CsvOptions): string {
  const columns = Object.keys(options.headers) as (keyof ReservationExportRow)[];
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = row[column];
      if (column === 'amountCents' || column === 'commissionCents') return euros(value as number | null, options.style);
      return value ?? '';
    }),
  );
  return stringify([columns.map((c) => options.headers[c]), ...records], {
    // Names and references can come from partners' feeds: "=HYPERLINK(…)" must stay text in Excel.
    escape_formulas: true,
    delimiter: options.style === 'fr' ? ';' : ',',
    bom: true,
    record_delimiter: 'windows',
  });
}
