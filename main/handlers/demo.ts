/**
 * The first-run screen's "try it with the demo": the same guest house as the `demo` command,
 * made by the same calls inside this one's transaction, so it is all there or not at all.
 */
import { ApiError } from '../../shared/errors';
import { fillDemo, holdsData } from '../demo';
import { findReservations } from '../db/reservations';
import { listUnits } from '../db/units';
import type { Handlers } from './types';

export const demoHandlers: Handlers<'demo:load'> = {
  'demo:load': (_input, ctx) => {
    // Never over an owner's own data: the demo only fills an empty schedule.
    if (holdsData(ctx)) throw ApiError.conflict('errors.dataExists');
    if (!ctx.call) throw new Error('demo:load needs the service to run nested calls');
    fillDemo({ call: ctx.call, db: ctx.db, now: ctx.now, dataDir: '' });
    return { units: listUnits(ctx.db).length, reservations: findReservations(ctx.db, {}).length };
  },
};
