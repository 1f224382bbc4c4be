import type { TFunction } from 'i18next';
import { exportHeaders, exportRows, toCsv } from '../export/reservationsExport';
import type { Language } from '../../shared/i18n';
import { createService } from '../service';
import { UsageError } from './dataDir';

export interface ReservationsOptions {
  dataDir: string;
  json?: boolean;
  csv?: boolean;
}

export function reservationsCommand(options: ReservationsOptions, t: TFunction, language: Language): void {
  if (options.json === options.csv) throw new UsageError(t('cli.jsonOrCsv'));
  const service = createService({ dataDir: options.dataDir });
  try {
    const rows = exportRows(service.db);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    process.stdout.write(toCsv(rows, { style: language, headers: exportHeaders((key) => t(key)) }));
  } finally {
    service.close();
  }
}
