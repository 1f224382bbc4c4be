/**
 * What one push (the owner's answers, or the nights) did: how many requests carried changes,
 * the partner's errors about some rows (recorded by the round; the other rows went on), and
 * the failure that ended it early (transport or credentials: nothing more is tried this round).
 */
import type { AlmaFailure } from '../../channels/alma/result';

export interface RowFailure {
  failure: AlmaFailure;
  rowIds: number[];
}

export interface PushReport {
  sent: number;
  rowFailures: RowFailure[];
  stop: RowFailure | null;
}

export const emptyReport = (): PushReport => ({ sent: 0, rowFailures: [], stop: null });
