import { ApiError, type ApiIssue } from '../../shared/errors';
import { addDays } from '../../shared/nights';
import { MAX_RANGE_DAYS } from '../../shared/schemas';
import { getUnit, insertUnit, listUnits, updateUnit } from '../db/units';
import { today } from './context';
import { alertOverbookings } from '../schedule/schedule';
import type { Handlers } from './types';

/** Every room exactly once: a reorder never hides a room by leaving it out. */
function reorderIssues(known: Set<number>, unitIds: number[]): ApiIssue[] {
  const seen = new Set<number>();
  const issues: ApiIssue[] = [];
  unitIds.forEach((id, index) => {
    if (!known.has(id)) issues.push({ path: ['unitIds', index], key: 'errors.unknownUnit', params: { id } });
    else if (seen.has(id)) issues.push({ path: ['unitIds', index], key: 'errors.duplicateUnit', params: { id } });
    seen.add(id);
  });
  const missing = [...known].filter((id) => !seen.has(id)).length;
  if (issues.length === 0 && missing > 0) issues.push({ path: ['unitIds'], key: 'errors.unitsMissing', params: { missing } });
  return issues;
}

export const unitHandlers: Handlers<'units:list' | 'units:create' | 'units:update' | 'units:reorder'> = {
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
  'units:reorder': (input, ctx) => {
    const units = listUnits(ctx.db);
    const issues = reorderIssues(new Set(units.map((u) => u.id)), input.unitIds);
    if (issues.length) throw ApiError.invalid(issues);
    const current = new Map(units.map((u) => [u.id, u.sortOrder]));
    input.unitIds.forEach((id, sortOrder) => {
      if (current.get(id) !== sortOrder) updateUnit(ctx.db, id, { sortOrder }, ctx.now());
    });
    ctx.emit('units:changed', {});
    return listUnits(ctx.db);
  },
};
