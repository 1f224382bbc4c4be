import { ApiError } from '../../shared/errors';
import { getUnit, insertUnit, listUnits, updateUnit } from '../db/units';
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
    return unit;
  },
};
