/**
 * Undo of a range edit: the values the nights had before, read with overrides:list, grouped
 * into as few overrides:set calls as possible (consecutive nights of the same rooms that had the
 * same values). A night that had no override goes back to "not overridden" (null).
 */
import type { ApiInput } from '../../../shared/api';
import type { NightOverride } from '../../../shared/domain';
import { addDays, type Night } from '../../../shared/nights';

export type OverrideChanges = ApiInput<'overrides:set'>['changes'];
export type OverrideField = keyof OverrideChanges;
export type OverridesSetInput = ApiInput<'overrides:set'>;

export function undoSteps(unitIds: number[], nights: Night[], previous: NightOverride[], fields: OverrideField[]): OverridesSetInput[] {
  const before = new Map(previous.map((o) => [`${o.unitId}|${o.night}`, o]));
  const runs: { unitId: number; first: Night; last: Night; changes: OverrideChanges; signature: string }[] = [];
  for (const unitId of unitIds) {
    for (const night of nights) {
      const stored = before.get(`${unitId}|${night}`);
      const changes = Object.fromEntries(fields.map((f) => [f, stored?.[f] ?? null])) as OverrideChanges;
      const signature = JSON.stringify(changes);
      const last = runs[runs.length - 1];
      if (last && last.unitId === unitId && last.signature === signature && addDays(last.last, 1) === night) last.last = night;
      else runs.push({ unitId, first: night, last: night, changes, signature });
    }
  }
  // Rooms that had the same values over the same nights go back in one call.
  const steps = new Map<string, OverridesSetInput>();
  for (const run of runs) {
    const key = `${run.first}|${run.last}|${run.signature}`;
    const step = steps.get(key);
    if (step) step.unitIds = [...step.unitIds, run.unitId];
    else steps.set(key, { unitIds: [run.unitId], firstNight: run.first, lastNight: run.last, changes: run.changes });
  }
  return [...steps.values()];
}
