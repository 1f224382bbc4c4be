import type { TFunction } from 'i18next';
import { DEFAULT_HOST, DEFAULT_PORT, startHeadless } from '../headless';
import { UsageError } from './dataDir';

export interface ServeOptions {
  dataDir: string;
  port?: string;
  host?: string;
}

function parsePort(text: string | undefined, t: TFunction): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t('cli.badPort', { value: text }));
  return port;
}

export async function serveCommand(options: ServeOptions, t: TFunction): Promise<void> {
  const host = options.host ?? DEFAULT_HOST;
  const headless = await startHeadless({ dataDir: options.dataDir, port: parsePort(options.port, t), host });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(t('cli.stopping', { signal }));
    headless.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  // Printed only once the signals are handled: whoever waits for the URL may stop us at once.
  const loopback = host === '127.0.0.1' || host === '::1' || host === 'localhost';
  console.log(t('cli.serving', { dataDir: options.dataDir }));
  console.log(t('cli.adminUrl', { url: headless.adminUrl }));
  if (!loopback) console.log(t('cli.openToNetwork', { host }));
}
