import { describe, expect, it } from 'vitest';
import { runCommand } from './commands';
import { PING } from './fixtures';
import { post, startSimulator } from './testing';

describe('Alma simulator: console commands', () => {
  it('books, asks on request, cancels and modifies like a guest and Alma would', async () => {
    const sim = await startSimulator();
    for (const night of ['2026-12-01', '2026-12-02', '2026-12-03']) {
      sim.state.setStock('CH-ROSE', night, 2);
      sim.state.setRate('CH-ROSE', 'STD', night, 9500);
      sim.state.setStock('CH-LILAS', night, 1);
      sim.state.setRate('CH-LILAS', 'NR', night, 8000);
    }
    expect((await runCommand(sim, 'book CH-ROSE 2026-12-01 2026-12-03 Jeanne Martin')).output).toBe(
      'Booked · Réservé AH-R-10001: CH-ROSE STD 2026-12-01 → 2026-12-03, Jeanne Martin, 190.00 EUR — event · évènement Book',
    );
    expect((await runCommand(sim, 'request CH-LILAS:NR 2026-12-02 2026-12-04')).output).toContain('On request · Demande AH-R-10002: CH-LILAS NR 2026-12-02 → 2026-12-04, Claire Dubois, 160.00 EUR');
    expect(sim.reservation('AH-R-10002')).toMatchObject({ status: 'requested', rate: 'NR' });
    expect((await runCommand(sim, 'modify AH-R-10001 2026-12-02 2026-12-04')).output).toContain('Modify');
    expect((await runCommand(sim, 'cancel AH-R-10001')).output).toBe('Cancelled · Annulé AH-R-10001 — event · évènement Cancel');
    expect(sim.events().map((e) => e.resStatus)).toEqual(['Book', 'Request', 'Modify', 'Cancel']);

    const events = (await runCommand(sim, 'events')).output.split('\n');
    expect(events).toHaveLength(4);
    expect(events[0]).toMatch(/^AH-R-10001 {2}Book {4}2026-11-21T09:00:00Z {2}CH-ROSE STD 2026-12-01 → 2026-12-03 {2}Jeanne Martin {2}delivered 0× · livré, not acked · non acquitté$/);
  });

  it('says why Alma refuses, and what a command expects', async () => {
    const sim = await startSimulator();
    expect((await runCommand(sim, 'book CH-ROSE 2026-12-01 2026-12-03')).output).toBe('Refused · Refusé: CH-ROSE has no stock left on 2026-12-01 (noStock)');
    expect((await runCommand(sim, 'book CH-ROSE 2026-12-01')).output).toMatch(/^Error · Erreur: usage: book <room>/);
    expect((await runCommand(sim, 'cancel AH-R-1')).output).toBe('Error · Erreur: No reservation AH-R-1');
    expect((await runCommand(sim, 'fail 2 http418')).output).toMatch(/unknown kind · type inconnu: http418/);
    expect((await runCommand(sim, 'fail 2 http500 OTA_Nope')).output).toMatch(/unknown message · message inconnu: OTA_Nope/);
    expect((await runCommand(sim, 'fail zero http500')).output).toMatch(/usage: fail/);
    expect((await runCommand(sim, 'state 2026-13-01')).output).toMatch(/usage: state/);
    expect((await runCommand(sim, 'dance')).output).toBe('Unknown command · Commande inconnue: dance (help)');
    expect(await runCommand(sim, '   ')).toEqual({ output: '' });
  });

  it('queues failures, goes offline and online', async () => {
    const sim = await startSimulator();
    expect((await runCommand(sim, 'fail 1 http503RetryAfter OTA_PingRQ')).output).toContain('http503RetryAfter');
    expect((await post(sim.url, PING)).status).toBe(503);
    expect((await runCommand(sim, 'offline')).output).toContain('Offline');
    expect(sim.offline).toBe(true);
    await expect(post(sim.url, PING)).rejects.toThrow();
    expect((await runCommand(sim, 'online')).output).toContain(sim.url);
    expect((await post(sim.url, PING)).status).toBe(200);
    expect((await runCommand(sim, 'requests 2')).output.split('\n')).toEqual([
      '2026-11-21T09:00:00Z  OTA_PingRQ  failure http503RetryAfter',
      '2026-11-21T09:00:00Z  OTA_PingRQ  ok',
    ]);
  });

  it('shows Alma’s inventory, the owner’s answers, help and quit', async () => {
    const sim = await startSimulator();
    sim.state.setStock('CH-ROSE', '2026-12-01', 1);
    sim.state.setRate('CH-ROSE', 'STD', '2026-12-01', 9500);
    sim.state.setRestrictions('CH-ROSE', 'STD', '2026-12-01', { minStay: 2, closed: false, closedToArrival: true, closedToDeparture: true });
    const state = (await runCommand(sim, 'state 2026-12-01 2026-12-01')).output.split('\n');
    expect(state.slice(1)).toEqual(['  2026-12-01  CH-ROSE    stock 1  STD 95.00€ min 2 CTA CTD', '  2026-12-01  CH-LILAS   stock —  STD — | NR —']);
    expect((await runCommand(sim, 'state')).output.split('\n')).toHaveLength(1 + 14 * 2);
    expect((await runCommand(sim, 'decisions')).output).toBe('No answers from the owner · Aucune réponse du propriétaire');
    expect((await runCommand(sim, 'events')).output).toBe('No events · Aucun évènement');
    expect((await runCommand(sim, 'help')).output).toContain('fail <n> <kind> [message]');
    expect(await runCommand(sim, 'quit')).toEqual({ output: 'Bye · Au revoir', quit: true });
  });
});
