/**
 * Brings in Alma Heritage's reservation events: read (at most 50 at a time) → store the batch
 * in one transaction → acknowledge what is stored → read again, until the partner has nothing
 * more (bounded). Acknowledgements owed from an earlier run (the app died after storing, or the
 * partner did not answer) go out first. An event is acknowledged only once committed, and
 * marked acknowledged only after the partner's Success, so a crash at any point either
 * redelivers it (recognised, not applied twice) or acknowledges it again (harmless).
 */
import type { ApiEventMessage } from '../../../shared/api';
import type { Night } from '../../../shared/nights';
import type { AlmaClient } from '../../channels/alma/client';
import type { AlmaResStatus } from '../../channels/alma/messages';
import type { AlmaFailure } from '../../channels/alma/result';
import { listRoomMappings } from '../../db/apiConnections';
import type { Db } from '../../db/connection';
import { listUnacknowledged, markAcknowledged } from '../../db/partnerEvents';
import { storeBatch } from './storeEvents';

/** Reads per pull at most (50 events each): a partner that keeps answering cannot hold the loop. */
export const MAX_READS_PER_PULL = 20;

export interface PullContext {
  db: Db;
  now: () => Date;
  today: Night;
  client: AlmaClient;
  connection: { id: number; name: string; commissionBasisPoints: number | null };
  /** What changed, announced by the caller (each batch is committed before it is added). */
  events: ApiEventMessage[];
}

export type PullResult = { ok: true; stored: number; acknowledged: number } | { ok: false; failure: AlmaFailure };

async function acknowledgeOwed(ctx: PullContext): Promise<{ ok: true; count: number } | { ok: false; failure: AlmaFailure }> {
  // An event with no file (a cancellation of a reservation we never had) is acknowledged without
  // naming one of ours; a held one (room not mapped, unreadable) under its hold's number.
  const owed = listUnacknowledged(ctx.db, ctx.connection.id);
  if (owed.length === 0) return { ok: true, count: 0 };
  const result = await ctx.client.acknowledge(
    owed.map((e) => ({
      reservationNumber: e.reservationNumber,
      resStatus: e.resStatus as AlmaResStatus,
      createdAt: e.partnerCreatedAt,
      fileId: e.reservationId,
      ...(e.reservationId === null && e.outcome === 'held' ? { heldId: e.id } : {}),
    })),
  );
  if (!result.ok) return result;
  markAcknowledged(ctx.db, owed.map((e) => e.id), ctx.now());
  return { ok: true, count: owed.length };
}

export async function pullReservations(ctx: PullContext): Promise<PullResult> {
  let acknowledged = 0;
  let stored = 0;
  const first = await acknowledgeOwed(ctx);
  if (!first.ok) return first;
  acknowledged += first.count;
  for (let read = 0; read < MAX_READS_PER_PULL; read++) {
    const result = await ctx.client.readReservations();
    if (!result.ok) return result;
    const rejected = result.rejected ?? [];
    if (result.value.length === 0 && rejected.length === 0) break;
    const mappings = new Map(listRoomMappings(ctx.db, ctx.connection.id).map((m) => [m.roomCode, m]));
    const batch = storeBatch({ db: ctx.db, now: ctx.now(), today: ctx.today, connection: ctx.connection, mappings }, result.value, rejected);
    ctx.events.push(...batch.events);
    stored += batch.stored;
    const acks = await acknowledgeOwed(ctx);
    if (!acks.ok) return acks;
    acknowledged += acks.count;
    // Only events we cannot even acknowledge (unreadable, no identity): the partner would deliver the same again.
    if (batch.stored === 0) break;
  }
  return { ok: true, stored, acknowledged };
}
