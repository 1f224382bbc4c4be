/** Input of 'payouts:list' (issue 9): a range of payout months, in order and not too long. */
import { z } from 'zod';
import { isMonth, monthCount } from './months';

/** Two years: enough to compare a season with the one before, and a bounded read. */
export const MAX_PAYOUT_MONTHS = 24;

export const monthSchema = z.string({ error: 'errors.month' }).refine(isMonth, { error: 'errors.month' });

export const payoutsListSchema = z
  .strictObject({ fromMonth: monthSchema, toMonth: monthSchema })
  .superRefine((value, ctx) => {
    if (!isMonth(value.fromMonth) || !isMonth(value.toMonth)) return;
    const count = monthCount(value.fromMonth, value.toMonth);
    if (count < 1) ctx.addIssue({ code: 'custom', path: ['toMonth'], message: 'errors.monthRangeInverted' });
    else if (count > MAX_PAYOUT_MONTHS) ctx.addIssue({ code: 'custom', path: ['toMonth'], message: 'errors.monthRangeTooLong', params: { max: MAX_PAYOUT_MONTHS } });
  });
