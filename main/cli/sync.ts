import type { TFunction } from 'i18next';
import { getFeedImportState } from '../db/feedImport';
import { createService } from '../service';
import { createSyncLoop } from '../sync/syncLoop';

export interface SyncOptions {
  dataDir: string;
  json?: boolean;
}

/**
 * One round now, whatever the loop's schedule or pause: what a support person runs to see
 * every partner answer. Exit 0 when the round ran, even if partners failed: the report says so.
 */
export async function syncCommand(options: SyncOptions, t: TFunction): Promise<void> {
  const service = createService({ dataDir: options.dataDir });
  const loop = createSyncLoop(service);
  try {
    const results = await loop.syncNow();
    const connections = results.map((result) => {
      const state = getFeedImportState(service.db, result.feedId);
      return {
        connectionId: result.connectionId,
        channel: state?.channel ?? null,
        connection: state?.connectionName ?? null,
        unitId: state?.unitId ?? null,
        unit: state?.unitName ?? null,
        feedId: result.feedId,
        outcome: result.outcome,
        httpStatus: result.httpStatus,
        message: result.message ? t(result.message.key, result.message.params ?? {}) : null,
        counts: result.counts,
      };
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ connections }, null, 2)}\n`);
      return;
    }
    if (connections.length === 0) console.log(t('cli.syncNothing'));
    for (const c of connections) {
      console.log(t('cli.syncLine', { connection: c.connection, unit: c.unit, outcome: t(`cli.outcomes.${c.outcome}`) }) + (c.message ? ` — ${c.message}` : ''));
    }
  } finally {
    await loop.close();
    service.close();
  }
}
