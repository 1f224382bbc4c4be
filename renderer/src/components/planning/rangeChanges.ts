/**
 * The side panel's fields → the changes of 'overrides:set'. Empty fields change nothing;
 * what cannot be read is reported with the service's own keys.
 */
import type { ApiIssue } from '../../../../shared/errors';
import { parseEuros } from '../../../../shared/money';
import type { OverrideChanges } from '../../planning/undo';

export type Tristate = '' | 'yes' | 'no';

export interface RangeValues {
  rate: string;
  stock: string;
  minStay: string;
  closedToArrival: Tristate;
  closedToDeparture: Tristate;
}

export const EMPTY_RANGE_VALUES: RangeValues = { rate: '', stock: '', minStay: '', closedToArrival: '', closedToDeparture: '' };

export function rangeChanges(values: RangeValues): { changes: OverrideChanges; issues: ApiIssue[] } {
  const changes: OverrideChanges = {};
  const issues: ApiIssue[] = [];
  if (values.rate.trim()) {
    const cents = parseEuros(values.rate);
    if (cents === null) issues.push({ path: ['rateCents'], key: 'errors.amount' });
    else changes.rateCents = cents;
  }
  for (const field of ['stock', 'minStay'] as const) {
    const text = values[field].trim();
    if (!text) continue;
    if (/^-?\d+$/.test(text)) changes[field] = Number(text);
    else issues.push({ path: [field], key: 'errors.integer' });
  }
  if (values.closedToArrival) changes.closedToArrival = values.closedToArrival === 'yes';
  if (values.closedToDeparture) changes.closedToDeparture = values.closedToDeparture === 'yes';
  return { changes, issues };
}
