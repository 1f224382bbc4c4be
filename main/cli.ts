/**
 * The command line: `npm run cli -- <command>`, or `node out/main/cli.js <command>` after a
 * build. Nothing here loads Electron.
 */
import { Command, CommanderError } from 'commander';
import { DatabaseTooNewError } from './db/migrate';
import { createTranslator, systemLanguage } from './i18n';
import { demoCommand } from './cli/demo';
import { resolveDataDir, UsageError } from './cli/dataDir';
import { feedsCommand } from './cli/feeds';
import { inspectFeedCommand } from './cli/inspectFeed';
import { reservationsCommand } from './cli/reservations';
import { serveCommand } from './cli/serve';
import { syncCommand } from './cli/sync';

const language = systemLanguage();
const t = createTranslator(language);

function program(): Command {
  const cli = new Command('pigeonnier').description(t('cli.description')).exitOverride();
  cli
    .command('serve')
    .description(t('cli.serveHelp'))
    .option('--data <dir>', t('cli.dataHelp'))
    .option('--port <n>', t('cli.portHelp'))
    .option('--host <address>', t('cli.hostHelp'))
    .action((opts: { data?: string; port?: string; host?: string }) => serveCommand({ dataDir: resolveDataDir(opts.data), port: opts.port, host: opts.host }, t));
  cli
    .command('demo')
    .description(t('cli.demoHelp'))
    .option('--data <dir>', t('cli.dataHelp'))
    .action((opts: { data?: string }) => demoCommand(resolveDataDir(opts.data), t));
  cli
    .command('reservations')
    .description(t('cli.reservationsHelp'))
    .option('--data <dir>', t('cli.dataHelp'))
    .option('--json', t('cli.jsonHelp'))
    .option('--csv', t('cli.csvHelp'))
    .action((opts: { data?: string; json?: boolean; csv?: boolean }) =>
      reservationsCommand({ dataDir: resolveDataDir(opts.data), json: opts.json, csv: opts.csv }, t, language),
    );
  cli
    .command('feeds')
    .description(t('export.cli.feedsHelp'))
    .option('--data <dir>', t('cli.dataHelp'))
    .option('--json', t('cli.jsonHelp'))
    .action((opts: { data?: string; json?: boolean }) => feedsCommand({ dataDir: resolveDataDir(opts.data), json: opts.json }, t));
  cli
    .command('inspect-feed')
    .description(t('feeds.inspect.help'))
    .argument('<file-or-url>')
    .option('--tz <zone>', t('feeds.inspect.tzHelp'))
    .option('--json', t('feeds.inspect.jsonHelp'))
    .action((source: string, opts: { tz?: string; json?: boolean }) => inspectFeedCommand({ source, tz: opts.tz, json: opts.json }, t));
  cli
    .command('sync')
    .description(t('cli.syncHelp'))
    .option('--data <dir>', t('cli.dataHelp'))
    .option('--json', t('cli.jsonHelp'))
    .action((opts: { data?: string; json?: boolean }) => syncCommand({ dataDir: resolveDataDir(opts.data), json: opts.json }, t));
  return cli;
}

program()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof DatabaseTooNewError) {
      console.error(t('cli.databaseTooNew', { found: error.found, supported: error.supported }));
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  });
