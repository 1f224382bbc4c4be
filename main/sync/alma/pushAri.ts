/**
 * Sends what the outbox says changed, one request per room and kind (stock of every room
 * first, then restrictions, then rates), each read from the schedule for the waiting nights
 * (clamped to the horizon) before any request goes. One request per room means one bad mapping
 * (a rate code Alma Heritage refuses, error 249) backs off only that room's rows: the other
 * rooms' changes still go out. After the partner's Success each sent row is deleted only if its
 * revision is still the one read, so a change made while the request was in flight goes out
 * next time. A transport failure or refused credentials end the push: what was not sent stays
 * queued.
 *
 * First the close-outs (outbox.ts): BookingLimit 0 over the horizon for each room code Alma must
 * stop selling, even for a removed connection (then nothing else is sent).
 *
 * A paused connection stops selling: its stock rows go out as BookingLimit 0 (pausing queued
 * them all), its rates and restrictions wait in the outbox until it is resumed (a full resend).
 */
import type { ApiRoomMapping } from '../../../shared/alma';
import type { NightAvailability } from '../../../shared/domain';
import type { Night } from '../../../shared/nights';
import type { AlmaClient } from '../../channels/alma/client';
import type { StockRun } from '../../channels/alma/messages';
import type { AlmaResult } from '../../channels/alma/result';
import { listRoomMappings } from '../../db/apiConnections';
import type { Db } from '../../db/connection';
import { deleteSentRows, listDueAriRows, listDueCloseOuts, mergeAriRows, type AriKind, type AriOutboxRow } from '../../db/outbox';
import { nightsOf, rateRuns, restrictionRuns, stockRuns } from './ariRuns';
import { isRowFailure } from './failures';
import { clampToHorizon, horizonOf, type NightRange } from './horizon';
import { emptyReport, type PushReport } from './pushReport';

export interface PushContext {
  db: Db;
  now: Date;
  today: Night;
  client: AlmaClient;
  connectionId: number;
  /** What the connection may still sell: 'active' everything, 'paused' nothing (stock 0), 'removed' only its close-outs. */
  status: 'active' | 'paused' | 'removed';
}

/** Stock first: it is what stops a double booking. */
const ORDER: readonly AriKind[] = ['availability', 'restrictions', 'rates'];

/** OTA 402: the partner knows no such room type, so it sells nothing under it: a close-out is moot. */
const UNKNOWN_ROOM_TYPE = '402';

interface Step {
  rows: AriOutboxRow[];
  send: (() => Promise<AlmaResult<void>>) | null;
}

function rangesOf(rows: readonly AriOutboxRow[], horizon: NightRange): NightRange[] {
  return rows
    .map((row) => clampToHorizon({ first: row.firstNight, last: row.lastNight }, horizon))
    .filter((range): range is NightRange => range !== null)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}

const inRanges = (ranges: readonly NightRange[]) => (n: NightAvailability) => ranges.some((r) => n.night >= r.first && n.night <= r.last);

/** Stock 0 over these nights: what a paused connection tells the partner. */
const closedRuns = (mapping: ApiRoomMapping, ranges: readonly NightRange[]): StockRun[] =>
  ranges.map((r) => ({ roomCode: mapping.roomCode, first: r.first, last: r.last, bookingLimit: 0 }));

/** Reads every value to send now, before any request: what is sent is the schedule at one instant. */
function plan(ctx: PushContext, rows: readonly AriOutboxRow[], mappings: ReadonlyMap<number, ApiRoomMapping>): Step[] {
  const horizon = horizonOf(ctx.today);
  const paused = ctx.status === 'paused';
  const steps: Step[] = [];
  const units = [...new Set(rows.map((r) => r.unitId))];
  const nightsByUnit = new Map<number, NightAvailability[]>();
  for (const unitId of units) {
    // A room no longer mapped has nothing to send: its rows are done (its code got a close-out).
    if (!mappings.has(unitId)) {
      steps.push({ rows: rows.filter((r) => r.unitId === unitId), send: null });
      continue;
    }
    if (!paused) nightsByUnit.set(unitId, nightsOf(ctx.db, ctx.now, unitId, rangesOf(rows.filter((r) => r.unitId === unitId), horizon)));
  }
  for (const kind of ORDER) {
    // Paused: rates and restrictions wait for the resume's full resend.
    if (paused && kind !== 'availability') continue;
    for (const unitId of units) {
      const mapping = mappings.get(unitId);
      if (mapping === undefined) continue;
      const unitRows = rows.filter((r) => r.unitId === unitId && r.kind === kind);
      if (unitRows.length === 0) continue;
      const ranges = rangesOf(unitRows, horizon);
      if (paused) {
        const runs = closedRuns(mapping, ranges);
        steps.push({ rows: unitRows, send: runs.length > 0 ? () => ctx.client.pushStock(runs) : null });
        continue;
      }
      const nights = nightsByUnit.get(unitId)!.filter(inRanges(ranges));
      let send: Step['send'] = null;
      if (kind === 'availability') {
        const runs = stockRuns(mapping, nights);
        if (runs.length > 0) send = () => ctx.client.pushStock(runs);
      } else if (kind === 'restrictions') {
        const runs = restrictionRuns(mapping, nights);
        if (runs.length > 0) send = () => ctx.client.pushRestrictions(runs);
      } else {
        const runs = rateRuns(mapping, nights);
        if (runs.length > 0) send = () => ctx.client.pushRates(runs);
      }
      // Rows with no night left to send (all past, or beyond the horizon) are done without a request.
      steps.push({ rows: unitRows, send });
    }
  }
  return steps;
}

/** Stock 0 over the horizon for each room code to stop selling; a code mapped again meanwhile is sold again, not closed. */
async function pushCloseOuts(ctx: PushContext, mappings: ReadonlyMap<number, ApiRoomMapping>, report: PushReport): Promise<void> {
  const horizon = horizonOf(ctx.today);
  const sold = new Set(ctx.status === 'removed' ? [] : [...mappings.values()].map((m) => m.roomCode));
  for (const row of listDueCloseOuts(ctx.db, ctx.connectionId, ctx.now)) {
    if (sold.has(row.roomCode)) {
      deleteSentRows(ctx.db, [row]);
      continue;
    }
    const result = await ctx.client.pushStock([{ roomCode: row.roomCode, first: horizon.first, last: horizon.last, bookingLimit: 0 }]);
    const unknownRoom = !result.ok && result.failure.kind === 'partner' && result.failure.errors.some((e) => e.code === UNKNOWN_ROOM_TYPE);
    if (result.ok || unknownRoom) {
      deleteSentRows(ctx.db, [row]);
      if (result.ok) report.sent += 1;
      continue;
    }
    if (!isRowFailure(result.failure)) {
      report.stop = { failure: result.failure, rowIds: [row.id] };
      return;
    }
    report.rowFailures.push({ failure: result.failure, rowIds: [row.id] });
  }
}

export async function pushAri(ctx: PushContext): Promise<PushReport> {
  const report = emptyReport();
  const mappings = new Map(listRoomMappings(ctx.db, ctx.connectionId).map((m) => [m.unitId, m]));
  await pushCloseOuts(ctx, mappings, report);
  if (report.stop !== null || ctx.status === 'removed') return report;
  mergeAriRows(ctx.db, ctx.connectionId);
  const rows = listDueAriRows(ctx.db, ctx.connectionId, ctx.now);
  if (rows.length === 0) return report;
  for (const step of plan(ctx, rows, mappings)) {
    if (step.send !== null) {
      const result = await step.send();
      if (!result.ok) {
        const failed = { failure: result.failure, rowIds: step.rows.map((r) => r.id) };
        if (!isRowFailure(result.failure)) return { ...report, stop: failed };
        // This room's rows back off; the other rooms go on.
        report.rowFailures.push(failed);
        continue;
      }
      report.sent += 1;
    }
    deleteSentRows(ctx.db, step.rows);
  }
  return report;
}
