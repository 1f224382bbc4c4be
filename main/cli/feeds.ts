import type { TFunction } from 'i18next';
import { createService } from '../service';

export interface FeedsOptions {
  dataDir: string;
  json?: boolean;
}

/** `feeds`: every outgoing link, to copy into each partner's extranet (or for a script, as JSON). */
export function feedsCommand(options: FeedsOptions, t: TFunction): void {
  const service = createService({ dataDir: options.dataDir });
  try {
    const links = service.call('feeds:list');
    if (options.json) {
      const rows = links.map(({ connectionId, channel, unitId, unit, url }) => ({ connectionId, channel, unitId, unit, url }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    if (links.length === 0) {
      console.log(t('export.cli.none'));
      return;
    }
    for (const link of links) console.log(t('export.cli.line', { unit: link.unit, channel: link.channel, connection: link.connectionName, url: link.url }));
    const server = service.call('settings:getFeedServer');
    if (server.linksLocalOnly) console.error(t('export.cli.localOnly', { base: server.linkBase }));
  } finally {
    service.close();
  }
}
