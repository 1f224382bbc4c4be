/**
 * Sends the owner's answers to on-request bookings, oldest first. An answer the partner cannot
 * take any more (error 95 "already cancelled", 87 "already confirmed": the guest cancelled, or
 * Alma Heritage decided, before it arrived) will never go through: it leaves the outbox and the
 * owner is told, in the partner's words. Another partner error backs that answer off and the
 * next goes on; a transport failure or refused credentials end the push.
 */
import type { ApiEventMessage } from '../../../shared/api';
import type { AlmaClient } from '../../channels/alma/client';
import { raiseAlert } from '../../db/alerts';
import type { Db } from '../../db/connection';
import { deleteOutboxRow, deleteSentRows, listDueDecisions } from '../../db/outbox';
import { isRowFailure, partnerErrorText } from './failures';
import { emptyReport, type PushReport } from './pushReport';

/** OTA error codes meaning the reservation is no longer awaiting an answer. */
const SETTLED_CODES = new Set(['95', '87']);

export interface DecisionContext {
  db: Db;
  now: Date;
  client: AlmaClient;
  connection: { id: number; name: string };
  /** Alerts raised, announced after the round. */
  events: ApiEventMessage[];
}

export async function pushDecisions(ctx: DecisionContext): Promise<PushReport> {
  const report = emptyReport();
  for (const row of listDueDecisions(ctx.db, ctx.connection.id, ctx.now)) {
    const { reservationNumber, reservationId, decision } = row.decision;
    const result = await ctx.client.sendDecision({ reservationNumber, fileId: reservationId, decision });
    if (result.ok) {
      deleteSentRows(ctx.db, [row]);
      report.sent += 1;
      continue;
    }
    const failure = result.failure;
    const settled = failure.kind === 'partner' && !failure.credentials && failure.errors.some((e) => e.type === '3' && SETTLED_CODES.has(e.code ?? ''));
    if (!settled) {
      if (!isRowFailure(failure)) return { ...report, stop: { failure, rowIds: [row.id] } };
      report.rowFailures.push({ failure, rowIds: [row.id] });
      continue;
    }
    const error = failure.kind === 'partner' ? failure.errors[0] : undefined;
    ctx.db.transaction(() => {
      deleteOutboxRow(ctx.db, row.id);
      const alert = raiseAlert(
        ctx.db,
        {
          kind: 'partnerError',
          connectionId: ctx.connection.id,
          reservationIds: [reservationId],
          params: { channel: ctx.connection.name, code: error?.code ?? '', text: partnerErrorText(error) },
          dedupeKey: `partnerError:${ctx.connection.id}:decision:${reservationNumber}`,
        },
        ctx.now,
      );
      if (alert) ctx.events.push({ event: 'alerts:new', payload: alert });
    })();
  }
  return report;
}
