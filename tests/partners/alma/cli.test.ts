import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/tempDir';
import { PING, RATES, STOCK } from './fixtures';
import { isSuccess, post, startSimulator } from './testing';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const CLI = path.join(ROOT, 'tests/partners/alma/cli.ts');

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** `npm run partner:alma` as a tester runs it (tsx), resolved once the service address is printed. */
function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [TSX, CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  children.push(child);
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No address printed:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Service address · Adresse du service : (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output, exit });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Exited with ${code} before printing its address:\n${output}`));
    });
  });
}

describe('npm run partner:alma', () => {
  const tempDir = useTempDirs();

  it('prints what to enter in the wizard, takes commands on stdin and quits with 0', async () => {
    const cli = await startCli(['--port', '0', '--today', '2026-11-21']);
    expect(cli.output()).toContain("In Pigeonnier's Alma Heritage wizard, enter · Dans l'assistant Alma Heritage de Pigeonnier, saisissez :");
    expect(cli.output()).toMatch(/Property code · Code établissement {3}: AH-1234\n {2}User name · Identifiant {14}: gite-des-lilas\n {2}Password · Mot de passe {14}: alma-demo-2026/);
    expect(cli.output()).toMatch(/CH-ROSE {3}STD\n {6}CH-LILAS {2}STD, NR/);
    for (const request of [STOCK, RATES]) expect(isSuccess(await post(cli.url, request))).toBe(true);

    cli.child.stdin.write('book CH-ROSE 2026-12-01 2026-12-03 Jeanne Martin\nevents\nquit\n');
    expect(await cli.exit).toBe(0);
    const output = cli.output();
    // The traffic, as it arrives.
    expect(output).toMatch(/« \S+ {2}OTA_HotelAvailNotifRQ {2}ok/);
    expect(output).toMatch(/« \S+ {2}OTA_HotelRateAmountNotifRQ {2}ok/);
    expect(output).toContain('Booked · Réservé AH-R-10001: CH-ROSE STD 2026-12-01 → 2026-12-03, Jeanne Martin, 190.00 EUR');
    expect(output).toMatch(/AH-R-10001 {2}Book .* CH-ROSE STD 2026-12-01 → 2026-12-03 {2}Jeanne Martin {2}delivered 0×/);
    expect(output.trimEnd().split('\n').slice(-2)).toEqual(['Bye · Au revoir', 'Alma Heritage simulator stopped · Simulateur Alma Heritage arrêté']);
    await expect(post(cli.url, PING)).rejects.toThrow();
  });

  it('stops with 0 when stdin closes (no terminal, as in CI)', async () => {
    const cli = await startCli(['--port', '0', '--quiet']);
    expect(isSuccess(await post(cli.url, PING))).toBe(true);
    cli.child.stdin.end();
    expect(await cli.exit).toBe(0);
    expect(cli.output()).not.toContain('OTA_PingRQ');
    expect(cli.output()).toContain('Alma Heritage simulator stopped');
  });

  it('stops with 0 on SIGTERM', async () => {
    const cli = await startCli(['--port', '0']);
    cli.child.kill('SIGTERM');
    expect(await cli.exit).toBe(0);
    expect(cli.output()).toContain('Alma Heritage simulator stopped');
  });

  it('takes the property from a JSON file, flags first', async () => {
    const file = path.join(tempDir(), 'alma.json');
    fs.writeFileSync(file, JSON.stringify({ hotelCode: 'AH-77', userName: 'mas-des-oliviers', password: 'from-file', rooms: { GITE: ['SEMAINE', 'NUIT'] }, path: '/alma' }));
    const cli = await startCli(['--port', '0', '--config', file, '--password', 'from-flag']);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/alma$/);
    expect(cli.output()).toMatch(/Property code · Code établissement {3}: AH-77\n {2}User name · Identifiant {14}: mas-des-oliviers\n {2}Password · Mot de passe {14}: from-flag/);
    expect(cli.output()).toContain('GITE  SEMAINE, NUIT');
    const ping = PING.replace('gite-des-lilas', 'mas-des-oliviers').replace('alma-demo-2026', 'from-flag');
    expect(isSuccess(await post(cli.url, ping))).toBe(true);
    cli.child.stdin.end();
    expect(await cli.exit).toBe(0);
  });

  it('exits with 1 and says why when its port is taken', async () => {
    const sim = await startSimulator();
    const child = spawn(process.execPath, [TSX, CLI, '--port', String(sim.port)], { cwd: ROOT });
    children.push(child);
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/could not start · Le simulateur Alma Heritage n'a pas pu démarrer: .*EADDRINUSE/);
  });
});
