/**
 * OTA_HotelRateAmountNotifRQ: one nightly rate per room type, rate plan and night range.
 * Amounts are decimal euros with exactly two decimals (`95.00`), in EUR, above zero. At most
 * 500 messages; all or nothing.
 */
import { eurosToCents } from '../dates';
import { errors, Problems } from '../errors';
import { checkControl, checkHotelCode, nth, required, single, type Handler } from './common';

export const MAX_RATE_MESSAGES = 500;

interface Change {
  room: string;
  rate: string;
  nights: string[];
  cents: number;
}

export const handleRateAmountNotif: Handler = (root, state) => {
  const problems = new Problems();
  const container = single(root, 'RateAmountMessages', root.name, problems);
  if (!container) return { errors: problems.list };
  checkHotelCode(container, 'RateAmountMessages', state, problems);
  const messages = container.all('RateAmountMessage');
  if (messages.length === 0) problems.add(errors.missing('RateAmountMessages has no RateAmountMessage'));
  if (messages.length > MAX_RATE_MESSAGES) problems.add(errors.invalid(`${messages.length} RateAmountMessage in one request, at most ${MAX_RATE_MESSAGES}`));
  if (!problems.none) return { errors: problems.list };

  const changes: Change[] = [];
  messages.forEach((message, index) => {
    const where = nth('RateAmountMessage', index);
    const control = single(message, 'StatusApplicationControl', where, problems);
    if (control) required(control, 'RatePlanCode', where, problems);
    const target = control && checkControl(control, where, state, problems);
    const rates = single(message, 'Rates', where, problems);
    const rate = rates && single(rates, 'Rate', `${where} Rates`, problems);
    const amounts = rate && single(rate, 'BaseByGuestAmts', `${where} Rate`, problems);
    const amount = amounts && single(amounts, 'BaseByGuestAmt', `${where} BaseByGuestAmts`, problems);
    if (!amount) return;
    const amountWhere = `${where} BaseByGuestAmt`;
    const currency = required(amount, 'CurrencyCode', amountWhere, problems);
    if (currency !== undefined && currency !== 'EUR') problems.add(errors.currency(`${amountWhere} CurrencyCode="${currency}", Alma Heritage sells in EUR`));
    const text = required(amount, 'AmountAfterTax', amountWhere, problems);
    if (text === undefined) return;
    const cents = eurosToCents(text);
    if (cents === null) return problems.add(errors.invalid(`${amountWhere} AmountAfterTax="${text}" is not a decimal amount with two decimals (95.00)`));
    if (cents === 0) return problems.add(errors.invalid(`${amountWhere} AmountAfterTax="${text}": a night cannot be sold for nothing`));
    if (target && currency === 'EUR') changes.push({ room: target.room, rate: target.rate!, nights: target.nights, cents });
  });
  if (!problems.none) return { errors: problems.list };

  for (const change of changes) for (const night of change.nights) state.setRate(change.room, change.rate, night, change.cents);
  return { content: {} };
};
