/**
 * `npm run partner:alma`: the Alma Heritage simulator on a fixed port, to try the channel end to
 * end. Prints what to enter in Pigeonnier's wizard, then reads commands on stdin (see HELP).
 * Stops on `quit`, on SIGINT/SIGTERM and when stdin closes (CI has no terminal).
 *
 *   npm run partner:alma -- [--port 4790] [--config alma.json] [--hotel-code AH-1234]
 *     [--user gite-des-lilas] [--password …] [--rooms CH-ROSE:STD,CH-LILAS:STD+NR]
 *     [--today 2026-11-21] [--path /ota] [--quiet]
 *
 * A --config file is JSON: { "hotelCode", "userName", "password", "rooms": { "CH-ROSE": ["STD"] },
 * "path", "today" }, every key optional; flags win over the file.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { describeRequest, HELP, runCommand } from './commands';
import { startAlmaSimulator, type AlmaSimulator, type AlmaSimulatorOptions } from './server';

const DEFAULT_PORT = 4790;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      config: { type: 'string' },
      'hotel-code': { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      rooms: { type: 'string' },
      today: { type: 'string' },
      path: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`${readHeader()}\n\n${HELP}`);
    return;
  }
  const fromFile = values.config ? (JSON.parse(fs.readFileSync(values.config, 'utf8')) as AlmaSimulatorOptions) : {};
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number · pas un numéro de port: ${values.port}`);

  const options: AlmaSimulatorOptions = {
    hotelCode: values['hotel-code'] ?? fromFile.hotelCode,
    userName: values.user ?? fromFile.userName,
    password: values.password ?? fromFile.password,
    rooms: values.rooms ? parseRooms(values.rooms) : fromFile.rooms,
    today: values.today ?? fromFile.today,
    path: values.path ?? fromFile.path,
    port,
    onRequest: values.quiet ? undefined : (entry) => console.log(`« ${describeRequest(entry)}`),
  };
  const sim = await startAlmaSimulator(options);
  console.log(banner(sim));

  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true });
  const prompt = () => {
    if (process.stdin.isTTY) rl.prompt();
  };
  rl.setPrompt('alma> ');
  prompt();

  // Commands run one after another, even when several lines arrive at once (a pipe, a test).
  let queue = Promise.resolve();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    queue = queue.then(async () => {
      rl.close();
      await sim.close();
      console.log('Alma Heritage simulator stopped · Simulateur Alma Heritage arrêté');
    });
  };
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (stopping) return;
      const result = await runCommand(sim, line);
      if (result.output) console.log(result.output);
      if (result.quit) stop();
      else prompt();
    });
  });
  rl.on('close', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parseRooms(text: string): Record<string, string[]> {
  const rooms: Record<string, string[]> = {};
  for (const part of text.split(',')) {
    const [room, rates] = part.split(':');
    if (!room || !rates) throw new Error(`--rooms: expected ROOM:RATE+RATE,… · attendu CHAMBRE:TARIF+TARIF,…, not ${part}`);
    rooms[room.trim()] = rates.split('+').map((r) => r.trim());
  }
  return rooms;
}

function readHeader(): string {
  return 'Alma Heritage simulator · Simulateur Alma Heritage (docs/alma-protocol.md)';
}

function banner(sim: AlmaSimulator): string {
  const p = sim.property;
  const width = Math.max(...Object.keys(p.rooms).map((room) => room.length));
  const rooms = Object.entries(p.rooms).map(([room, rates]) => `      ${room.padEnd(width)}  ${rates.join(', ')}`);
  return [
    readHeader(),
    `Listening on · À l'écoute sur ${sim.url}`,
    '',
    "In Pigeonnier's Alma Heritage wizard, enter · Dans l'assistant Alma Heritage de Pigeonnier, saisissez :",
    `  Service address · Adresse du service : ${sim.url}`,
    `  Property code · Code établissement   : ${p.hotelCode}`,
    `  User name · Identifiant              : ${p.userName}`,
    `  Password · Mot de passe              : ${p.password}`,
    '  Room types and rate plans · Types de chambre et plans tarifaires :',
    ...rooms,
    '',
    `Alma's today · Aujourd'hui chez Alma : ${sim.state.today}`,
    'Type "help" for the commands · Tapez « help » pour les commandes.',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(`Alma Heritage simulator could not start · Le simulateur Alma Heritage n'a pas pu démarrer: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
