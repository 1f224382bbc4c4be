/** 'payouts:list' (issue 9): what each channel pays the owner, month by month. Reads only. */
import { listConnections } from '../db/channels';
import { listInvoiceFiles, listPayoutFiles } from '../db/payouts';
import type { PayoutFile } from '../payouts/payouts';
import { buildPayouts } from '../payouts/payouts';
import { payoutRuleOf } from '../payouts/channelRules';
import type { Handlers } from './types';

export const payoutHandlers: Handlers<'payouts:list'> = {
  'payouts:list': ({ fromMonth, toMonth }, ctx) => {
    const connections = listConnections(ctx.db);
    // Invoices go by departure month, rows by payout month: a stay paid in another month than
    // its departure is in one read and not the other, and each must reach buildPayouts.
    const invoicing = connections.filter((c) => payoutRuleOf(c.channel)?.invoicesCommissionMonthly).map((c) => c.id);
    const files = new Map<number, PayoutFile>();
    for (const file of [...listPayoutFiles(ctx.db, fromMonth, toMonth), ...listInvoiceFiles(ctx.db, invoicing, fromMonth, toMonth)]) files.set(file.id, file);
    return buildPayouts([...files.values()], connections, { fromMonth, toMonth });
  },
};
