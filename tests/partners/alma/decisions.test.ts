import { describe, expect, it } from 'vitest';
import { decision, READ } from './fixtures';
import type { AlmaSimulator } from './server';
import { codesOf, isSuccess, post, reservationsOf, startSimulator } from './testing';

const STAY = { room: 'CH-ROSE', rate: 'STD', arrival: '2026-12-01', departure: '2026-12-03', amountCents: 19000 };

async function withStock(): Promise<AlmaSimulator> {
  const sim = await startSimulator();
  for (const night of ['2026-12-01', '2026-12-02']) sim.state.setStock('CH-ROSE', night, 3);
  return sim;
}

describe('Alma simulator: on-request bookings and the owner’s answer, OTA_HotelResNotifRQ', () => {
  it('delivers an on-request booking as a Request event, holding stock', async () => {
    const sim = await withStock();
    const number = sim.book({ ...STAY, onRequest: true });
    expect(sim.reservation(number)!.status).toBe('requested');
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBe(2);
    expect(reservationsOf(await post(sim.url, READ)).map((r) => r.ResStatus)).toEqual(['Request']);
  });

  it('Commit confirms; the same answer again is harmless and counted; the opposite is refused with 87', async () => {
    const sim = await withStock();
    const number = sim.book({ ...STAY, onRequest: true });
    const commit = await post(sim.url, decision('Commit', number, 'PGN-58'));
    expect(commit.rootName).toBe('OTA_HotelResNotifRS');
    expect(commit.root.EchoToken).toBe('6bc380b8-ef1f-4c7e-93d2-93f78be05e67');
    expect(isSuccess(commit)).toBe(true);
    expect(commit.root).not.toHaveProperty('Warnings');
    expect(sim.reservation(number)!.status).toBe('confirmed');
    expect(sim.decisions()).toEqual([{ number, decision: 'Commit', count: 1, fileNumber: 'PGN-58', at: '2026-11-21T09:00:00Z' }]);

    const again = await post(sim.url, decision('Commit', number, 'PGN-58'));
    expect(isSuccess(again)).toBe(true);
    expect(again.root.Warnings).toEqual({ Warning: [expect.objectContaining({ Type: '11', ShortText: 'Already answered' })] });
    expect(sim.decisions()[0]!.count).toBe(2);

    expect(codesOf(await post(sim.url, decision('Cancel', number)))).toEqual([['3', '87']]);
    expect(sim.reservation(number)!.status).toBe('confirmed');
    expect(sim.decisions()).toEqual([expect.objectContaining({ decision: 'Commit', count: 2 })]);
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBe(2);
    // Accepting sends nothing back: the reservation has no new event.
    expect(sim.events().map((e) => e.resStatus)).toEqual(['Request']);
  });

  it('Cancel refuses and frees the stock; a later Commit is refused with 95', async () => {
    const sim = await withStock();
    const number = sim.book({ ...STAY, onRequest: true });
    expect(isSuccess(await post(sim.url, decision('Cancel', number)))).toBe(true);
    expect(sim.reservation(number)!.status).toBe('refused');
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBe(3);
    expect(codesOf(await post(sim.url, decision('Commit', number)))).toEqual([['3', '95']]);
    expect(isSuccess(await post(sim.url, decision('Cancel', number)))).toBe(true);
    expect(sim.state.stockOf('CH-ROSE', '2026-12-01')).toBe(3);
    expect(sim.decisions()).toEqual([expect.objectContaining({ number, decision: 'Cancel', count: 2 })]);
  });

  it('refuses an answer to a reservation that is not awaiting one', async () => {
    const sim = await withStock();
    const cancelledByGuest = sim.book({ ...STAY, onRequest: true });
    sim.cancel(cancelledByGuest);
    const booked = sim.book(STAY);
    expect(codesOf(await post(sim.url, decision('Commit', cancelledByGuest)))).toEqual([['3', '95']]);
    expect(codesOf(await post(sim.url, decision('Cancel', cancelledByGuest)))).toEqual([['3', '95']]);
    expect(codesOf(await post(sim.url, decision('Commit', booked)))).toEqual([['3', '87']]);
    expect(codesOf(await post(sim.url, decision('Cancel', booked)))).toEqual([['3', '87']]);
    expect(codesOf(await post(sim.url, decision('Commit', 'AH-R-99999')))).toEqual([['3', '97']]);
    expect(sim.decisions()).toEqual([]);
    expect(sim.reservation(booked)!.status).toBe('booked');
  });

  it.each([
    ['no ResStatus', (x: string) => x.replace(' ResStatus="Commit"', ''), ['3', '321']],
    ['a ResStatus other than Commit or Cancel', (x: string) => x.replace('ResStatus="Commit"', 'ResStatus="Book"'), ['3', '320']],
    ['no file number', (x: string) => x.replace(/<ResGlobalInfo>[\s\S]*<\/ResGlobalInfo>/, ''), ['3', '321']],
    ['no UniqueID', (x: string) => x.replace(/<UniqueID [^>]*\/>/, ''), ['3', '321']],
    ['no reservation', (x: string) => x.replace(/<HotelReservations>[\s\S]*<\/HotelReservations>/, '<HotelReservations/>'), ['3', '321']],
  ])('refuses an answer with %s', async (_what, change, code) => {
    const sim = await withStock();
    const number = sim.book({ ...STAY, onRequest: true });
    const request = change(decision('Commit', number));
    expect(request).not.toBe(decision('Commit', number));
    expect(codesOf(await post(sim.url, request))).toEqual([code]);
    expect(sim.reservation(number)!.status).toBe('requested');
  });
});
