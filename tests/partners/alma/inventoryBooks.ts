/**
 * What Alma Heritage holds of the property's inventory, as the simulator keeps it: stock per
 * room and night, restrictions and rates per room, rate plan and night, as the channel manager
 * pushed them. The base of AlmaState (./state.ts), which adds the reservations side. Everything
 * read from outside is a copy.
 */
import { nightsFromTo, type Night } from './dates';
import type { AlmaProperty, InventorySnapshot, NightInventory, PlanNight, Restrictions } from './stateTypes';

export class InventoryBooks {
  readonly property: AlmaProperty;
  private readonly stock = new Map<string, number>();
  private readonly restrictionsByKey = new Map<string, Restrictions>();
  private readonly ratesByKey = new Map<string, number>();

  constructor(property: AlmaProperty) {
    this.property = structuredClone(property);
  }

  hasRoom(room: string): boolean {
    return Object.hasOwn(this.property.rooms, room);
  }

  hasRate(room: string, rate: string): boolean {
    return this.hasRoom(room) && this.property.rooms[room]!.includes(rate);
  }

  // ---- what Alma holds ----

  stockOf(room: string, night: Night): number | undefined {
    return this.stock.get(key(room, night));
  }

  restrictionsOf(room: string, rate: string, night: Night): Restrictions | undefined {
    const found = this.restrictionsByKey.get(key(room, rate, night));
    return found && { ...found };
  }

  /** The nightly rate in cents. */
  rateOf(room: string, rate: string, night: Night): number | undefined {
    return this.ratesByKey.get(key(room, rate, night));
  }

  /** Every room and rate plan of the property, nights `first` to `last` both included. */
  inventorySnapshot(first: Night, last: Night): InventorySnapshot {
    const snapshot: InventorySnapshot = {};
    for (const [room, rates] of Object.entries(this.property.rooms)) {
      const nights: Record<Night, NightInventory> = {};
      for (const night of nightsFromTo(first, last)) {
        const plans: Record<string, PlanNight> = {};
        for (const rate of rates) {
          const r = this.restrictionsByKey.get(key(room, rate, night));
          plans[rate] = {
            minStay: r?.minStay ?? null,
            closed: r?.closed ?? null,
            closedToArrival: r?.closedToArrival ?? null,
            closedToDeparture: r?.closedToDeparture ?? null,
            amountCents: this.rateOf(room, rate, night) ?? null,
          };
        }
        nights[night] = { bookingLimit: this.stockOf(room, night) ?? null, plans };
      }
      snapshot[room] = nights;
    }
    return snapshot;
  }

  setStock(room: string, night: Night, bookingLimit: number): void {
    this.stock.set(key(room, night), bookingLimit);
  }

  setRestrictions(room: string, rate: string, night: Night, restrictions: Restrictions): void {
    this.restrictionsByKey.set(key(room, rate, night), { ...restrictions });
  }

  setRate(room: string, rate: string, night: Night, cents: number): void {
    this.ratesByKey.set(key(room, rate, night), cents);
  }
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}
