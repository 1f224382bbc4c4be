/**
 * Alma Heritage's own books, as the simulator keeps them: on top of what the channel manager
 * pushed (./inventoryBooks.ts), the reservations sold on Alma's site, the queue of reservation
 * events waiting to be read and acknowledged, the owner's answers to on-request bookings, and a
 * log of every request. Everything read from outside is a copy: a test cannot change the partner
 * by accident. The shapes are in ./stateTypes.ts.
 */
import { instantToSeconds, type Night } from './dates';
import { InventoryBooks } from './inventoryBooks';
import type { AlmaEvent, AlmaProperty, AlmaStateOptions, DecisionRecord, OwnerDecision, RequestLogEntry, Reservation, ResStatus } from './stateTypes';

export type * from './stateTypes';

export class AlmaState extends InventoryBooks {
  /** The partner's "today": pushes starting earlier and stays arriving earlier are refused. */
  today: Night;
  readonly now: () => Date;
  private readonly reservationsByNumber = new Map<string, Reservation>();
  private readonly queue: AlmaEvent[] = [];
  private readonly decisionsByNumber = new Map<string, DecisionRecord>();
  private readonly log: RequestLogEntry[] = [];
  private nextNumber: number;
  private lastEventMs = 0;

  constructor(property: AlmaProperty, options: AlmaStateOptions) {
    super(property);
    this.today = options.today;
    this.now = options.now;
    this.nextNumber = options.firstReservationNumber;
  }

  // ---- reservations and their events ----

  reservation(number: string): Reservation | undefined {
    const found = this.reservationsByNumber.get(number);
    return found && structuredClone(found);
  }

  reservations(): Reservation[] {
    return [...this.reservationsByNumber.values()].map((r) => structuredClone(r));
  }

  addReservation(fields: Omit<Reservation, 'number'>): Reservation {
    const reservation = { number: `AH-R-${this.nextNumber++}`, ...structuredClone(fields) };
    this.reservationsByNumber.set(reservation.number, reservation);
    return structuredClone(reservation);
  }

  updateReservation(number: string, patch: Partial<Omit<Reservation, 'number'>>): void {
    const found = this.reservationsByNumber.get(number);
    if (!found) throw new Error(`No reservation ${number}`);
    Object.assign(found, structuredClone(patch));
  }

  /**
   * Queues an event carrying the reservation as it is now. CreateDateTime never goes back in
   * time (so the queue's order is also the times' order) and two events of one reservation
   * with the same ResStatus never share a second (so (number, ResStatus, CreateDateTime)
   * identifies one event, as the protocol says).
   */
  queueEvent(number: string, resStatus: ResStatus): AlmaEvent {
    const reservation = this.reservationsByNumber.get(number);
    if (!reservation) throw new Error(`No reservation ${number}`);
    let ms = Math.max(Math.floor(this.now().getTime() / 1000) * 1000, this.lastEventMs);
    const taken = (at: number) => this.queue.some((e) => e.number === number && e.resStatus === resStatus && e.createDateTime === instantToSeconds(new Date(at)));
    while (taken(ms)) ms += 1000;
    this.lastEventMs = ms;
    const event: AlmaEvent = {
      number,
      resStatus,
      createDateTime: instantToSeconds(new Date(ms)),
      deliveredCount: 0,
      ackCount: 0,
      ackedAt: null,
      fileNumber: null,
      reservation: structuredClone(reservation),
    };
    this.queue.push(event);
    return structuredClone(event);
  }

  events(): AlmaEvent[] {
    return this.queue.map((e) => structuredClone(e));
  }

  /** The oldest unacknowledged events (at most `limit`), counted as delivered once more. */
  deliver(limit: number): AlmaEvent[] {
    const batch = this.queue.filter((e) => e.ackCount === 0).slice(0, limit);
    for (const event of batch) event.deliveredCount++;
    return batch.map((e) => structuredClone(e));
  }

  hasEvent(number: string, resStatus: string, createDateTime: string): boolean {
    return this.findEvent(number, resStatus, createDateTime) !== undefined;
  }

  acknowledge(number: string, resStatus: string, createDateTime: string, fileNumber: string | null): { repeated: boolean } {
    const event = this.findEvent(number, resStatus, createDateTime);
    if (!event) throw new Error(`No event ${number} ${resStatus} ${createDateTime}`);
    const repeated = event.ackCount > 0;
    event.ackCount++;
    event.ackedAt ??= instantToSeconds(this.now());
    if (fileNumber !== null) event.fileNumber = fileNumber;
    return { repeated };
  }

  private findEvent(number: string, resStatus: string, createDateTime: string): AlmaEvent | undefined {
    return this.queue.find((e) => e.number === number && e.resStatus === resStatus && e.createDateTime === createDateTime);
  }

  // ---- the owner's answers to on-request bookings ----

  decision(number: string): DecisionRecord | undefined {
    const found = this.decisionsByNumber.get(number);
    return found && { ...found };
  }

  decisions(): DecisionRecord[] {
    return [...this.decisionsByNumber.values()].map((d) => ({ ...d }));
  }

  recordDecision(number: string, decision: OwnerDecision, fileNumber: string | null): void {
    const found = this.decisionsByNumber.get(number);
    if (found) {
      found.count++;
      found.fileNumber = fileNumber ?? found.fileNumber;
    } else {
      this.decisionsByNumber.set(number, { number, decision, count: 1, fileNumber, at: instantToSeconds(this.now()) });
    }
  }

  // ---- the request log ----

  requests(): RequestLogEntry[] {
    return this.log.map((entry) => ({ ...entry, errorCodes: [...entry.errorCodes] }));
  }

  logRequest(entry: RequestLogEntry): void {
    this.log.push(entry);
  }
}
