import { ApiError, type ApiIssue } from '../../shared/errors';
import { nightsFromTo } from '../../shared/nights';
import { applyOverrides, listOverrides } from '../db/overrides';
import { listUnits } from '../db/units';
import type { Context } from './context';
import { alertOverbookings, availability, overbookings } from '../schedule/schedule';
import type { Handlers } from './types';

/** Refuses ids that are not units, naming each by its place in the list. */
export function requireUnits(ctx: Context, unitIds: number[], field = 'unitIds'): void {
  const known = new Set(listUnits(ctx.db).map((u) => u.id));
  const issues: ApiIssue[] = unitIds.flatMap((id, index) => (known.has(id) ? [] : [{ path: [field, index], key: 'errors.unknownUnit', params: { id } }]));
  if (issues.length) throw ApiError.invalid(issues);
}

export const overrideHandlers: Handlers<'overrides:list' | 'overrides:set' | 'availability:get' | 'availability:overbookings'> = {
  'overrides:list': (input, ctx) => {
    if (input.unitIds) requireUnits(ctx, input.unitIds);
    return listOverrides(ctx.db, input.unitIds ?? null, input.firstNight, input.lastNight);
  },
  'overrides:set': (input, ctx) => {
    requireUnits(ctx, input.unitIds);
    const nights = nightsFromTo(input.firstNight, input.lastNight);
    applyOverrides(ctx.db, input.unitIds, nights, input.changes);
    const found = alertOverbookings(ctx, input.unitIds, input.firstNight, input.lastNight);
    ctx.emit('availability:changed', { unitIds: input.unitIds, firstNight: input.firstNight, lastNight: input.lastNight });
    return { nightsChanged: nights.length * input.unitIds.length, overbookings: found };
  },
  'availability:get': (input, ctx) => {
    if (input.unitIds) requireUnits(ctx, input.unitIds);
    return availability(ctx, input.unitIds ?? null, input.firstNight, input.lastNight);
  },
  'availability:overbookings': (input, ctx) => {
    if (input.unitIds) requireUnits(ctx, input.unitIds);
    return overbookings(ctx, input.unitIds ?? null, input.firstNight, input.lastNight);
  },
};
