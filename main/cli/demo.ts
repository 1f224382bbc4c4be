import type { TFunction } from 'i18next';
import { DataFolderInUseError, fillDemo } from '../demo';
import { createService } from '../service';
import { UsageError } from './dataDir';

export function demoCommand(dataDir: string, t: TFunction): void {
  const service = createService({ dataDir });
  try {
    fillDemo(service);
    const units = service.call('units:list');
    const { total } = service.call('reservations:list', {});
    console.log(t('cli.demoDone', { dataDir, units: units.length, reservations: total }));
  } catch (error) {
    if (error instanceof DataFolderInUseError) throw new UsageError(t('cli.demoRefused', { dataDir }));
    throw error;
  } finally {
    service.close();
  }
}
