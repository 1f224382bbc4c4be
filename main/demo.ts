/**
 * A believable demo: a guest house in the Périgord with three rooms, its rates, a closed
 * night, direct bookings over the coming three months, and an outgoing calendar per room for
 * France-Voyage. Everything goes through the service's validated calls, so the demo cannot
 * hold data the app itself would refuse.
 */
import type { Unit } from '../shared/domain';
import { addDays, addMonths, firstOfMonth, lastOfMonth, nightAt, weekday, type Night } from '../shared/nights';
import { insertConnection, insertFeed } from './db/channels';
import { newFeedToken } from './channels/feedToken';
import type { Service } from './service';

export class DataFolderInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(`${dataDir} already holds a schedule; the demo only fills an empty data folder.`);
    this.name = 'DataFolderInUseError';
  }
}

/** What the demo needs of the service: its calls, database and clock (a handler passes its own, inside its transaction). */
export type DemoTarget = Pick<Service, 'call' | 'db' | 'now' | 'dataDir'>;

export function holdsData(service: Pick<Service, 'db'>): boolean {
  const row = service.db
    .prepare(
      `SELECT (SELECT count(*) FROM property) + (SELECT count(*) FROM units)
            + (SELECT count(*) FROM reservations) + (SELECT count(*) FROM channel_connections) AS n`,
    )
    .get() as { n: number };
  return row.n > 0;
}

interface DemoGuest {
  unit: number;
  inDays: number;
  nights: number;
  guests: number;
  name: string;
  email: string | null;
  phone: string | null;
  notes?: string;
  status?: 'confirmed' | 'pending';
}

const GUESTS: DemoGuest[] = [
  { unit: 0, inDays: 2, nights: 3, guests: 2, name: 'Camille Martin', email: 'camille.martin@example.fr', phone: '06 12 34 56 78' },
  { unit: 1, inDays: 4, nights: 2, guests: 3, name: 'Famille Lefèvre', email: 'lefevre.famille@example.fr', phone: '+33 6 98 76 54 32', notes: 'Lit bébé demandé' },
  { unit: 2, inDays: 9, nights: 7, guests: 4, name: 'Hannah Becker', email: 'h.becker@example.de', phone: '+49 151 2345 6789' },
  { unit: 0, inDays: 16, nights: 2, guests: 2, name: 'Jean-Pierre Roux', email: null, phone: '05 53 12 34 56', notes: 'Réservé par téléphone' },
  { unit: 1, inDays: 23, nights: 4, guests: 2, name: 'Sophie Garnier', email: 'sophie.garnier@example.com', phone: null },
  { unit: 2, inDays: 37, nights: 3, guests: 3, name: 'Olivier Dubois', email: 'o.dubois@example.fr', phone: '07 11 22 33 44', status: 'pending' },
  { unit: 0, inDays: 51, nights: 5, guests: 2, name: 'Emily Clarke', email: 'emily.clarke@example.co.uk', phone: '+44 7700 900123' },
  { unit: 1, inDays: 66, nights: 3, guests: 3, name: 'Nathalie Moreau', email: 'n.moreau@example.fr', phone: '06 45 67 89 01' },
  { unit: 2, inDays: 80, nights: 2, guests: 2, name: 'Lucas Bernard', email: 'lucas.bernard@example.fr', phone: '06 23 45 67 89' },
];

export function fillDemo(service: DemoTarget): void {
  if (holdsData(service)) throw new DataFolderInUseError(service.dataDir);
  // One transaction: a demo is all there or not at all.
  service.db.transaction(() => {
    service.call('property:save', {
      name: 'La Maison des Hirondelles',
      type: 'chambre_hotes',
      addressLine: '12 chemin des Vignes',
      postalCode: '24200',
      city: 'Sarlat-la-Canéda',
      region: 'Nouvelle-Aquitaine',
      country: 'FR',
      timeZone: 'Europe/Paris',
      termsOfSale: "Arrhes de 30 % à la réservation. Annulation gratuite jusqu'à 14 jours avant l'arrivée.",
    });
    const units: Unit[] = [
      service.call('units:create', { name: 'Chambre Lavande', capacity: 2, baseRateCents: 8500, minStay: 1 }),
      service.call('units:create', { name: 'Chambre Tilleul', capacity: 3, baseRateCents: 9500, minStay: 1 }),
      service.call('units:create', { name: 'Suite du Pigeonnier', capacity: 4, baseRateCents: 14000, minStay: 2 }),
    ];
    const start: Night = nightAt(service.now(), 'Europe/Paris');
    const unitIds = units.map((u) => u.id);

    // Friday and Saturday nights cost 15 € more for the coming three months.
    for (let d = 0; d < 92; d++) {
      const night = addDays(start, d);
      if (weekday(night) !== 5 && weekday(night) !== 6) continue;
      for (const unit of units) {
        service.call('overrides:set', { unitIds: [unit.id], firstNight: night, lastNight: night, changes: { rateCents: unit.baseRateCents + 1500 } });
      }
    }
    const nextMonth = firstOfMonth(addMonths(start, 1));
    service.call('overrides:set', { unitIds, firstNight: nextMonth, lastNight: lastOfMonth(nextMonth), changes: { minStay: 2 } });
    // The owners' own night off: the suite is closed.
    const closed = addDays(start, 30);
    service.call('overrides:set', { unitIds: [unitIds[2]!], firstNight: closed, lastNight: closed, changes: { closed: true } });

    for (const guest of GUESTS) {
      const arrival = addDays(start, guest.inDays);
      const unit = units[guest.unit]!;
      const nights = guest.nights;
      service.call('reservations:create', {
        unitId: unit.id,
        arrival,
        departure: addDays(arrival, nights),
        status: guest.status ?? 'confirmed',
        guests: guest.guests,
        guestName: guest.name,
        email: guest.email ?? '',
        phone: guest.phone ?? '',
        amountCents: unit.baseRateCents * nights,
        notes: guest.notes ?? '',
      });
    }

    const connection = insertConnection(
      service.db,
      { channel: 'france_voyage', name: 'France-Voyage', kind: 'ical', status: 'active', sendsCancellations: true, commissionBasisPoints: null },
      service.now(),
    );
    for (const unit of units) {
      insertFeed(service.db, { connectionId: connection.id, unitId: unit.id, importUrl: null, importEnabled: false, exportEnabled: true, exportToken: newFeedToken() });
    }
  })();
}
