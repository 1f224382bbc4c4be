import { ApiError } from '../../shared/errors';
import { addDays } from '../../shared/nights';
import { MAX_RANGE_DAYS } from '../../shared/schemas';
import { getUnit, insertUnit, listUnits, updateUnit } from '../db/units';
import { today } from './context';
import { alertOverbookings } from './schedule';
import type { Handlers } from './types';

export const unitHandlers: Handlers<'units:list' | 'units:create' | 'units:update'> = {
  'units:list': (_input, ctx) => listUnits(ctx.db),
  'units:create': (input, ctx) => {
    const unit = insertUnit(ctx.db, input, ctx.now());
    ctx.emit('units:changed', {});
    return unit;
  },
  'units:update': (input, ctx) => {
    if (!getUnit(ctx.db, input.id)) throw ApiError.invalid([{ path: ['id'], key: 'errors.unknownUnit' }]);
    const unit = updateUnit(ctx.db, input.id, input.changes, ctx.now());
    ctx.emit('units:changed', {});
    // Less stock can leave more stays than rooms on nights already sold: alert at once (DESIGN §3).
    if (input.changes.stock !== undefined) {
      const first = today(ctx);
      alertOverbookings(ctx, [unit.id], first, addDays(first, MAX_RANGE_DAYS - 1));
    }
    return unit;
  },
};
