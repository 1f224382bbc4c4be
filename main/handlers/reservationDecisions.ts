/**
 * The owner's decisions on a file that waits for them: confirm or refuse an on-request booking,
 * answer an attention flag (keep the stay, or cancel it), and the accountant's CSV. Each
 * decision is one transaction (the service opens it) with its history rows, and is refused
 * without writing anything when the file is not in a state the decision applies to.
 */
import { holdsStock, type Reservation } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { addDays } from '../../shared/nights';
import { addHistory, OWNER } from '../db/history';
import { enqueueDecision } from '../db/outbox';
import { partnerDecisionTarget } from '../db/partnerEvents';
import { setFlag, updateReservation } from '../db/reservations';
import { exportHeaders, exportRows, toCsv } from '../export/reservationsExport';
import { createTranslator } from '../i18n';
import { today, type Context } from './context';
import { requireReservation, withOverbookedFlag } from './reservationQueries';
import type { Handlers } from './types';

function requirePending(ctx: Context, id: number): Reservation {
  const file = requireReservation(ctx, id);
  if (file.status !== 'pending') throw ApiError.conflict('errors.notPending', { status: file.status });
  return file;
}

/**
 * A file from an API partner (Alma Heritage) that waits for the owner's answer: the answer goes
 * back to the partner with the next push, queued in this same transaction.
 */
function answerPartner(ctx: Context, file: Reservation, decision: 'accept' | 'refuse'): void {
  const target = partnerDecisionTarget(ctx.db, file.id);
  if (target) enqueueDecision(ctx.db, target.connectionId, { reservationId: file.id, reservationNumber: target.reservationNumber, decision }, ctx.now());
}

/** The file changed; its nights too when it stopped holding stock. */
function announce(ctx: Context, file: Reservation, nightsFreed: boolean): void {
  ctx.emit('reservations:changed', { reservationIds: [file.id] });
  if (nightsFreed) {
    ctx.emit('availability:changed', { unitIds: [file.unitId], firstNight: file.arrival, lastNight: addDays(file.departure, -1) });
  }
}

export const reservationDecisionHandlers: Handlers<
  'reservations:confirm' | 'reservations:refuse' | 'reservations:resolveFlag' | 'reservations:exportCsv'
> = {
  'reservations:confirm': (input, ctx) => {
    const before = requirePending(ctx, input.id);
    const after = updateReservation(ctx.db, before.id, { status: 'confirmed' }, ctx.now());
    addHistory(ctx.db, before.id, OWNER, 'confirmed', { status: [before.status, 'confirmed'] }, ctx.now());
    answerPartner(ctx, after, 'accept');
    // A pending file already held its nights: confirming it changes no availability.
    announce(ctx, after, false);
    return withOverbookedFlag(ctx, [after])[0]!;
  },

  'reservations:refuse': (input, ctx) => {
    const before = requirePending(ctx, input.id);
    const after = updateReservation(ctx.db, before.id, { status: 'refused' }, ctx.now());
    const changes: Record<string, [unknown, unknown]> = { status: [before.status, 'refused'] };
    if (input.reason) changes.reason = [null, input.reason];
    addHistory(ctx.db, before.id, OWNER, 'refused', changes, ctx.now());
    answerPartner(ctx, after, 'refuse');
    announce(ctx, after, true);
    return after;
  },

  'reservations:resolveFlag': (input, ctx) => {
    const before = requireReservation(ctx, input.id);
    if (!before.flags.includes(input.flag)) throw ApiError.conflict('errors.flagNotSet', { flag: input.flag });
    const cancel = input.action === 'cancel';
    if (cancel && !holdsStock(before.status)) throw ApiError.conflict('errors.alreadyClosed', { status: before.status });

    setFlag(ctx.db, before.id, input.flag, false, ctx.now());
    addHistory(ctx.db, before.id, OWNER, 'resolved', { [input.flag]: [true, false], resolution: [null, input.action] }, ctx.now());
    let after = requireReservation(ctx, before.id);
    if (cancel) {
      after = updateReservation(ctx.db, before.id, { status: 'cancelled' }, ctx.now());
      addHistory(ctx.db, before.id, OWNER, 'cancelled', { status: [before.status, 'cancelled'] }, ctx.now());
    }
    announce(ctx, after, cancel);
    return withOverbookedFlag(ctx, [after])[0]!;
  },

  'reservations:exportCsv': (input, ctx) => {
    const t = createTranslator(input.language);
    const content = toCsv(exportRows(ctx.db), { style: input.language, headers: exportHeaders((key) => t(key)) });
    return { filename: `pigeonnier-reservations-${today(ctx)}.csv`, content };
  },
};
