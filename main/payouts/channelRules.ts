/**
 * How each channel pays the owner, as its contract says. Only channels whose terms we know are
 * here; every other one pays on terms kept in its own extranet, which Pigeonnier cannot see
 * ("not known here", never a guess).
 */
import type { Channel } from '../../shared/domain';
import { lastOfMonth, type Night } from '../../shared/nights';

export interface ChannelPayoutRule {
  /** When the channel pays the owner for a stay, from its departure. */
  payoutDate(departure: Night): Night;
  /** The channel sends a commission invoice for each month, covering the stays departing in it. */
  invoicesCommissionMonthly: boolean;
}

/**
 * Alma Heritage (../shared/seeds/, elloha's page): the guest prepays 100 % to Alma, which pays
 * the owner "à la fin du mois du jour du départ du client" and e-mails the month's commission
 * invoice (13 % by default, the connection's commission_basis_points).
 */
const ALMA_HERITAGE: ChannelPayoutRule = {
  payoutDate: (departure) => lastOfMonth(departure),
  invoicesCommissionMonthly: true,
};

const RULES: Partial<Record<Channel, ChannelPayoutRule>> = {
  alma_heritage: ALMA_HERITAGE,
};

/** The channel's rule, or null when its payout terms are not known here. */
export function payoutRuleOf(channel: Channel | null): ChannelPayoutRule | null {
  return channel === null ? null : (RULES[channel] ?? null);
}
