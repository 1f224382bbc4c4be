/**
 * Connecting channels in a real browser against `serve` on the demo data, with the partner's
 * calendar served on 127.0.0.1: the France-Voyage wizard for a room, Sync now, the partner's
 * booking on the planning and its nights closed in that room's outgoing calendars for the other
 * channels (not in France-Voyage's own); the partner removes it → cancelled after the next
 * round. The same with Feratel Deskline, which sends no cancellations: the file is flagged.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reservation } from '../../shared/domain';
import { addDays, nightAt } from '../../shared/nights';
import type { ServeProcess } from '../helpers/cli';
import { callApi, openDemoPage, type DemoPage } from '../helpers/demoPage';
import { nightsOf, parseWithIcalJs } from '../helpers/icsNights';
import { ics, startPartner, type Partner } from '../helpers/partnerServer';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
let serve: ServeProcess;
let page: Page;
const problems: string[] = [];
const today = nightAt(new Date(), 'Europe/Paris');
const compact = (night: string) => night.replaceAll('-', '');

let demo: DemoPage;

beforeAll(async () => {
  demo = await openDemoPage(path.join(tempDir(), 'data'), problems);
  ({ serve, page } = demo);
});

afterAll(async () => demo?.close());

const call = <T,>(name: string, input?: unknown) => callApi<T>(serve, name, input);

/** Three stays ahead (so removing one is not a "suspicious" emptying), the first with a guest's name. */
function partnerCalendar(prefix: string, guest: string, stays: [number, number][], keep: (i: number) => boolean = () => true): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${prefix}//FR`];
  stays.forEach(([from, to], i) => {
    if (!keep(i)) return;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${prefix}-${i}@partner.test`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART;VALUE=DATE:${compact(addDays(today, from))}`,
      `DTEND;VALUE=DATE:${compact(addDays(today, to))}`,
      'SUMMARY:Réservation',
      `DESCRIPTION:Nom du client: ${i === 0 ? guest : `Client ${i}`}\\nNombre de personnes: 2`,
      'END:VEVENT',
    );
  });
  return [...lines, 'END:VCALENDAR', ''].join('\r\n');
}

async function runWizard(channel: string, prerequisites: RegExp[], room: string, link: string, expectedCheck: RegExp): Promise<void> {
  await page.getByRole('link', { name: 'Canaux' }).click();
  await page.getByRole('button', { name: 'Connecter un canal' }).click();
  await page.getByRole('button', { name: channel, exact: true }).click();
  for (const prerequisite of prerequisites) await page.getByRole('checkbox', { name: prerequisite }).check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('checkbox', { name: room, exact: true }).check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel(`Lien iCal du partenaire — ${room}`).fill(link);
  await page.getByRole('button', { name: `Vérifier le lien — ${room}` }).click();
  await page.getByText(expectedCheck).waitFor();
  await page.getByRole('button', { name: 'Enregistrer la connexion' }).click();
  await page.getByText('La connexion est enregistrée.').waitFor();
  await page.getByRole('group', { name: `Lien Pigeonnier pour ${room}` }).waitFor();
}

async function syncNowAndWait(until: () => Promise<boolean>): Promise<void> {
  await page.getByRole('contentinfo').getByRole('button', { name: 'Synchroniser maintenant' }).click();
  for (let i = 0; i < 100 && !(await until()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await until()).toBe(true);
}

async function filesOf(connectionId: number): Promise<Reservation[]> {
  return (await call<{ items: Reservation[] }>('reservations:list', { source: connectionId })).items;
}

/** The first two free nights in the room from two days ahead, so its own calendar has nothing else there. */
async function freeStart(room: string): Promise<number> {
  const unitId = (await call<{ id: number; name: string }[]>('units:list')).find((u) => u.name === room)!.id;
  for (let d = 2; d < 30; d++) {
    const { items } = await call<{ items: Reservation[] }>('reservations:list', {
      unitId,
      firstNight: addDays(today, d - 1),
      lastNight: addDays(today, d + 2),
      statuses: ['pending', 'confirmed'],
    });
    if (items.length === 0) return d;
  }
  throw new Error(`no free nights in ${room}`);
}

interface Link {
  connectionId: number;
  channel: string;
  unit: string;
  url: string;
}

async function blockedNights(link: Link): Promise<string[]> {
  return nightsOf(parseWithIcalJs(await (await fetch(link.url)).text()));
}

async function connectedFlow(options: {
  channel: string;
  channelKey: string;
  prerequisites: RegExp[];
  room: string;
  guest: string;
  stays: [number, number][];
}): Promise<{ partner: Partner; connectionId: number; guestFile: Reservation }> {
  const partner: Partner = await startPartner();
  partner.serve(ics(partnerCalendar(options.channelKey, options.guest, options.stays)));
  await runWizard(options.channel, options.prerequisites, options.room, partner.url(), /^3 réservations du .* au .* ; aucune période bloquée\.$/);
  const connection = (await call<{ id: number; channel: string; status: string }[]>('connections:list')).filter((c) => c.channel === options.channelKey).at(-1)!;
  await syncNowAndWait(async () => (await filesOf(connection.id)).length === 3);
  const guestFile = (await filesOf(connection.id)).find((f) => f.guestName === options.guest)!;
  expect(guestFile).toMatchObject({ arrival: addDays(today, options.stays[0]![0]), departure: addDays(today, options.stays[0]![1]), status: 'confirmed' });

  // On the planning.
  await page.getByRole('link', { name: 'Planning' }).click();
  await page.getByRole('button', { name: new RegExp(`^${options.guest}, `) }).first().waitFor();

  // Its nights closed in the room's calendars for the other channels, open in its own.
  const nights = [0, 1].map((d) => addDays(guestFile.arrival, d));
  const links = (await call<Link[]>('feeds:list')).filter((l) => l.unit === options.room);
  const own = links.filter((l) => l.connectionId === connection.id);
  const others = links.filter((l) => l.connectionId !== connection.id);
  expect(own).toHaveLength(1);
  expect(others.length).toBeGreaterThan(0);
  for (const link of others) expect(await blockedNights(link)).toEqual(expect.arrayContaining(nights));
  for (const night of nights) expect(await blockedNights(own[0]!)).not.toContain(night);
  return { partner, connectionId: connection.id, guestFile };
}

describe('connecting channels in Chromium', () => {
  it('France-Voyage: wizard, Sync now, booking on the planning and closed elsewhere; the partner removes it → cancelled', async () => {
    await call('connections:create', { channel: 'airbnb', rooms: [{ unitId: (await call<{ id: number; name: string }[]>('units:list')).find((u) => u.name === 'Chambre Tilleul')!.id, importEnabled: false }] });
    const first = await freeStart('Chambre Tilleul');
    const stays: [number, number][] = [
      [first, first + 2],
      [40, 43],
      [60, 62],
    ];
    const { partner, connectionId, guestFile } = await connectedFlow({
      channel: 'France-Voyage',
      channelKey: 'france_voyage',
      prerequisites: [/abonnement « Connect »/, /contrat commercial/],
      room: 'Chambre Tilleul',
      guest: 'Hugo Bernard',
      stays,
    });
    partner.serve(ics(partnerCalendar('france_voyage', 'Hugo Bernard', stays, (i) => i !== 0)));
    await syncNowAndWait(async () => (await call<Reservation>('reservations:get', { id: guestFile.id })).status === 'cancelled');
    expect((await filesOf(connectionId)).filter((f) => f.status === 'confirmed')).toHaveLength(2);
  });

  it('Feratel Deskline: the same, but a booking the partner removes is flagged, not cancelled', async () => {
    const first = await freeStart('Suite du Pigeonnier');
    const stays: [number, number][] = [
      [first, first + 2],
      [45, 47],
      [70, 73],
    ];
    const { partner, guestFile } = await connectedFlow({
      channel: 'Feratel Deskline (Gîtes de France)',
      channelKey: 'feratel_deskline',
      prerequisites: [/centre départemental Gîtes de France/],
      room: 'Suite du Pigeonnier',
      guest: 'Léa Rousseau',
      stays,
    });
    partner.serve(ics(partnerCalendar('feratel_deskline', 'Léa Rousseau', stays, (i) => i !== 0)));
    await syncNowAndWait(async () => (await call<Reservation>('reservations:get', { id: guestFile.id })).flags.includes('goneFromFeed'));
    expect((await call<Reservation>('reservations:get', { id: guestFile.id })).status).toBe('confirmed');
  });

  it('shows no uncaught error on the way', () => {
    expect(problems).toEqual([]);
  });
});
