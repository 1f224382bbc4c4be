import type { TFunction } from 'i18next';
import { exportRows, toCsv, type ReservationExportRow } from '../export/reservationsExport';
import type { Language } from '../../shared/i18n';
import { createService } from '../service';
import { UsageError } from './dataDir';

export interface ReservationsOptions {
  dataDir: string;
  json?: boolean;
  csv?: boolean;
}

const COLUMNS: (keyof ReservationExportRow)[] = [
  'id', 'unitId', 'unit', 'sourceConnectionId', 'source', 'kind', 'arrival', 'departure', 'nights',
  'status', 'guests', 'guestName', 'email', 'phone', 'amountCents', 'commissionCents', 'partnerReference',
];

export function reservationsCommand(options: ReservationsOptions, t: TFunction, language: Language): void {
  if (options.json === options.csv) throw new UsageError(t('cli.jsonOrCsv'));
  const service = createService({ dataDir: options.dataDir });
  try {
    const rows = exportRows(service.db);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    const headers = Object.fromEntries(COLUMNS.map((c) => [c, t(`cli.columns.${c}`)])) as Record<keyof ReservationExportRow, string>;
    process.stdout.write(toCsv(rows, { style: language, headers }));
  } finally {
    service.close();
  }
}
