/**
 * The payouts view: the real page and stores over a fake Api whose 'payouts:list' validates
 * its input with the contract's own schema (so a refused range is refused as the service would).
 * Figures in French and English habits, "not known here" in words, empty months, the commission
 * invoice line, bookings on request apart, and a refresh when a file changes.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApiInput } from '../../../shared/api';
import type { Language } from '../../../shared/i18n';
import { payoutsListSchema } from '../../../shared/payoutSchemas';
import type { PayoutMonth, PayoutsResult } from '../../../shared/payouts';
import { monthsFromTo } from '../../../shared/months';
import { parseInput } from '../../../shared/validation';
import { pageApi, plainSpaces } from '../fakes';
import { renderPage } from '../renderPage';

const emptyMonth = (month: string): PayoutMonth => ({
  month,
  rows: [],
  totals: { stays: 0, staysWithoutAmount: 0, grossCents: 0, commissionCents: 0, staysWithoutCommission: 0, netCents: 0 },
  invoices: [],
  pending: { stays: 0, staysWithoutAmount: 0, grossCents: 0 },
});

/** July 2026: two Alma stays (one without an amount), an Airbnb stay, a direct one, one on request. */
const july: PayoutMonth = {
  month: '2026-07',
  rows: [
    {
      connectionId: 1, channel: 'alma_heritage', name: 'Alma Heritage', removed: false,
      stays: 2, staysWithoutAmount: 1, grossCents: 41_300, commissionCents: 5_369, staysWithoutCommission: 0, netCents: 35_931,
      payoutDates: ['2026-07-31'], staysWithoutPayoutDate: 0,
    },
    {
      connectionId: 2, channel: 'airbnb', name: 'Airbnb', removed: false,
      stays: 1, staysWithoutAmount: 0, grossCents: 30_000, commissionCents: null, staysWithoutCommission: 1, netCents: null,
      payoutDates: [], staysWithoutPayoutDate: 1,
    },
    {
      connectionId: null, channel: null, name: null, removed: false,
      stays: 1, staysWithoutAmount: 0, grossCents: 123_456, commissionCents: 0, staysWithoutCommission: 0, netCents: 123_456,
      payoutDates: [], staysWithoutPayoutDate: 0,
    },
  ],
  totals: { stays: 4, staysWithoutAmount: 1, grossCents: 194_756, commissionCents: 5_369, staysWithoutCommission: 1, netCents: null },
  invoices: [{ connectionId: 1, channel: 'alma_heritage', name: 'Alma Heritage', commissionCents: 5_369, stays: 2, staysWithoutCommission: 0 }],
  pending: { stays: 1, staysWithoutAmount: 0, grossCents: 20_000 },
};

/** Answers any valid range with July's figures (other months empty); refuses what the service refuses. */
function payoutsFake(julyFigures: PayoutMonth = july) {
  return vi.fn(async (input: ApiInput<'payouts:list'>): Promise<PayoutsResult> => {
    const { fromMonth, toMonth } = parseInput(payoutsListSchema, input);
    return { fromMonth, toMonth, months: monthsFromTo(fromMonth, toMonth).map((m) => (m === '2026-07' ? julyFigures : emptyMonth(m))) };
  });
}

async function openPayouts(language: Language = 'fr', list = payoutsFake()) {
  window.history.replaceState(null, '', '#/planning');
  const page = renderPage(pageApi({}, { 'payouts:list': list }), language);
  const nav = await screen.findByRole('navigation', { name: language === 'fr' ? 'Principal' : 'Main' });
  await page.user.click(within(nav).getByRole('link', { name: language === 'fr' ? 'Versements' : 'Payouts' }));
  return { ...page, list };
}

/** Each row's cells as text, spaces made plain. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => plainSpaces(cell.textContent)));
}

describe('payouts view', () => {
  it('opens from the navigation on the last 3 months and the next 3, a table per month in French', async () => {
    const { list } = await openPayouts();
    expect(window.location.hash).toBe('#/payouts');
    expect(await screen.findByRole('heading', { level: 2, name: 'Versements' })).toBeInTheDocument();
    // Today is 8 July 2026 in Paris.
    expect(list).toHaveBeenCalledWith({ fromMonth: '2026-04', toMonth: '2026-10' });
    expect(screen.getByLabelText('De')).toHaveValue('2026-04');
    expect(screen.getByLabelText('à')).toHaveValue('2026-10');

    const table = await screen.findByRole('table', { name: /Versements de juillet 2026/ });
    expect(rowsOf(table)).toEqual([
      ['Canal', 'Séjours', 'Brut', 'Commission', 'Net', 'Date de versement'],
      ['Alma Heritage', '2 1 séjour sans montant', '413,00 €', '53,69 €', '359,31 €', 'ven. 31 juil. 2026'],
      ['Airbnb', '1', '300,00 €', 'Inconnu ici', 'Inconnu ici', 'Inconnu ici'],
      ['Réservations directes', '1', '1 234,56 €', '0,00 €', '1 234,56 €', 'Sans objet : le client vous paie'],
      ['Total du mois', '4 1 séjour sans montant', '1 947,56 €', '53,69 € inconnue pour 1 séjour', 'Inconnu ici', ''],
    ]);
    const section = screen.getByRole('region', { name: 'Juillet 2026' });
    expect(plainSpaces(section.textContent)).toContain(
      'Facture de commission Alma Heritage attendue pour juillet 2026 : 53,69 € (2 séjours avec départ ce mois-ci), envoyée par e-mail.',
    );
    expect(plainSpaces(section.textContent)).toContain('1 réservation sur demande attend votre décision (200,00 €) : non comptée');
  });

  it('says so for a month without a payout, with no table and no invoice', async () => {
    await openPayouts();
    const august = await screen.findByRole('region', { name: 'Août 2026' });
    expect(within(august).getByText('Aucun séjour confirmé n’est versé ce mois-ci.')).toBeInTheDocument();
    expect(within(august).queryByRole('table')).not.toBeInTheDocument();
    expect(august.textContent).not.toContain('Facture');
    expect(screen.getAllByRole('region', { name: /2026$/ }).map((r) => r.getAttribute('aria-labelledby'))).toEqual(
      ['04', '05', '06', '07', '08', '09', '10'].map((m) => `payouts-2026-${m}`),
    );
  });

  it('shows the same figures in English habits', async () => {
    await openPayouts('en');
    const table = await screen.findByRole('table', { name: /Payouts of July 2026/ });
    expect(rowsOf(table).slice(1)).toEqual([
      ['Alma Heritage', '2 1 stay without an amount', '€413.00', '€53.69', '€359.31', 'Fri, 31 Jul 2026'],
      ['Airbnb', '1', '€300.00', 'Not known here', 'Not known here', 'Not known here'],
      ['Direct bookings', '1', '€1,234.56', '€0.00', '€1,234.56', 'Not applicable: the guest pays you'],
      ['Total for the month', '4 1 stay without an amount', '€1,947.56', '€53.69 not known for 1 stay', 'Not known here', ''],
    ]);
    expect(plainSpaces(screen.getByRole('region', { name: 'July 2026' }).textContent)).toContain(
      'Alma Heritage commission invoice expected for July 2026: €53.69 (2 stays departing this month), sent by e-mail.',
    );
  });

  it('reads the months the owner picks, and shows the service’s refusal of an inverted range', async () => {
    const { list } = await openPayouts();
    await screen.findByRole('table', { name: /juillet 2026/ });
    fireEvent.change(screen.getByLabelText('De'), { target: { value: '2026-06' } });
    fireEvent.change(screen.getByLabelText('à'), { target: { value: '2026-07' } });
    await waitFor(() => expect(list).toHaveBeenLastCalledWith({ fromMonth: '2026-06', toMonth: '2026-07' }));
    await waitFor(() => expect(screen.getAllByRole('region', { name: /2026$/ })).toHaveLength(2));

    fireEvent.change(screen.getByLabelText('De'), { target: { value: '2026-09' } });
    expect(await screen.findByText('Le dernier mois est avant le premier.')).toBeInTheDocument();
    expect(screen.getByLabelText('à')).toHaveAttribute('aria-invalid', 'true');
    // Figures of another range would not match the pickers.
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await act(() => screen.getByRole('button', { name: 'Les 3 derniers mois et les 3 prochains' }).click());
    expect(await screen.findByRole('table', { name: /juillet 2026/ })).toBeInTheDocument();
    expect(screen.queryByText('Le dernier mois est avant le premier.')).not.toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith({ fromMonth: '2026-04', toMonth: '2026-10' });
  });

  it('reads again when a file changes', async () => {
    const list = payoutsFake();
    const { events } = await openPayouts('fr', list);
    await screen.findByRole('table', { name: /juillet 2026/ });
    const later: PayoutMonth = { ...july, rows: july.rows.slice(0, 1), totals: { ...july.rows[0]!, stays: 2 }, pending: emptyMonth('2026-07').pending };
    list.mockImplementation(payoutsFake(later));
    act(() => events.emit('reservations:changed', { reservationIds: [12] }));
    await waitFor(() => expect(screen.queryByText('Airbnb')).not.toBeInTheDocument());
    expect(screen.getByRole('region', { name: 'Juillet 2026' }).textContent).not.toContain('réservation sur demande');
  });
});
