import { useTranslation } from 'react-i18next';
import type { PayoutFigures, PayoutMonth, PayoutRow } from '../../../../shared/payouts';
import { useFormatters } from '../../format';
import { monthName } from './monthName';

/** A count the sums leave out, under the figure it concerns (the space keeps them apart when read aloud). */
function Note({ text }: { text: string | null }) {
  return text ? (
    <>
      {' '}
      <span className="payout-note">{text}</span>
    </>
  ) : null;
}

/** Stays, gross, commission and net: a figure, or "not known here" in words, never 0 for unknown. */
function FigureCells({ figures }: { figures: PayoutFigures }) {
  const { t } = useTranslation();
  const { money } = useFormatters();
  const amount = (cents: number | null) => (cents === null ? t('payouts.notKnown') : money(cents));
  return (
    <>
      <td className="number">
        {figures.stays}
        <Note text={figures.staysWithoutAmount > 0 ? t('payouts.withoutAmount', { count: figures.staysWithoutAmount }) : null} />
      </td>
      <td className="number">{amount(figures.grossCents)}</td>
      <td className="number">
        {amount(figures.commissionCents)}
        <Note
          text={figures.commissionCents !== null && figures.staysWithoutCommission > 0 ? t('payouts.commissionNotKnownFor', { count: figures.staysWithoutCommission }) : null}
        />
      </td>
      <td className="number">{amount(figures.netCents)}</td>
    </>
  );
}

function PayoutDateCell({ row }: { row: PayoutRow }) {
  const { t } = useTranslation();
  const { night } = useFormatters();
  if (row.connectionId === null) return <td>{t('payouts.paidByGuest')}</td>;
  if (row.payoutDates.length === 0) return <td>{t('payouts.notKnown')}</td>;
  return (
    <td>
      {row.payoutDates.map(night).join(', ')}
      <Note text={row.staysWithoutPayoutDate > 0 ? t('payouts.payoutNotKnownFor', { count: row.staysWithoutPayoutDate }) : null} />
    </td>
  );
}

function ChannelName({ row }: { row: PayoutRow }) {
  const { t } = useTranslation();
  if (row.connectionId === null) return <>{t('payouts.direct')}</>;
  const name = row.name ?? t('app.reservations.channel', { id: row.connectionId });
  return (
    <>
      {name}
      {row.removed && <span className="source__removed"> ({t('payouts.removed')})</span>}
    </>
  );
}

/** One payout month: a row per channel and its total, the commission invoices, the bookings on request. */
export function PayoutMonthSection({ month }: { month: PayoutMonth }) {
  const { t } = useTranslation();
  const { locale, money } = useFormatters();
  const name = monthName(month.month, locale);
  const headingId = `payouts-${month.month}`;
  const { pending } = month;

  return (
    <section className="payout-month" aria-labelledby={headingId}>
      <h3 id={headingId}>{name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)}</h3>
      {month.rows.length === 0 ? (
        <p>{t('payouts.empty')}</p>
      ) : (
        <table className="payouts">
          <caption>{t('payouts.caption', { month: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payouts.columns.channel')}</th>
              <th scope="col" className="number">{t('payouts.columns.stays')}</th>
              <th scope="col" className="number">{t('payouts.columns.gross')}</th>
              <th scope="col" className="number">{t('payouts.columns.commission')}</th>
              <th scope="col" className="number">{t('payouts.columns.net')}</th>
              <th scope="col">{t('payouts.columns.payoutDate')}</th>
            </tr>
          </thead>
          <tbody>
            {month.rows.map((row) => (
              <tr key={row.connectionId ?? 'direct'}>
                <th scope="row">
                  <ChannelName row={row} />
                </th>
                <FigureCells figures={row} />
                <PayoutDateCell row={row} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('payouts.total')}</th>
              <FigureCells figures={month.totals} />
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      {month.invoices.map((invoice) => (
        <p key={invoice.connectionId} className="payout-invoice">
          {t('payouts.invoice', { name: invoice.name, month: name, amount: money(invoice.commissionCents), count: invoice.stays })}
          {invoice.staysWithoutCommission > 0 && <> {t('payouts.invoiceIncomplete', { count: invoice.staysWithoutCommission })}</>}
        </p>
      ))}
      {pending.stays > 0 && (
        <p className="notice">
          {t('payouts.pending', {
            count: pending.stays,
            amount: pending.staysWithoutAmount === pending.stays ? t('payouts.notKnown') : money(pending.grossCents),
          })}
        </p>
      )}
    </section>
  );
}
