import { describe, expect, it } from 'vitest';
import { exportHeaders, toCsv, type ReservationExportRow } from '../../../main/export/reservationsExport';

const row: ReservationExportRow = {
  id: 7,
  unitId: 1,
  unit: 'Chambre Lavande',
  sourceConnectionId: 2,
  source: 'Gîtes de France',
  kind: 'booking',
  arrival: '2026-07-10',
  departure: '2026-07-13',
  nights: 3,
  status: 'confirmed',
  guests: 2,
  guestName: '=HYPERLINK("http://evil.example","Facture")',
  email: '+33@example.fr',
  phone: '-1+1',
  amountCents: 25550,
  commissionCents: null,
  partnerReference: '@SUM(A1:A9)',
};

describe('the accountant’s CSV', () => {
  it('keeps what a partner sent as text: a value starting with = + - @ never becomes a spreadsheet formula', () => {
    const csv = toCsv([row], { style: 'fr', headers: exportHeaders((key) => key) });
    const fields = csv.trim().split('\r\n')[1]!.split(';');
    for (const dangerous of ['=HYPERLINK', '+33@', '-1+1', '@SUM']) {
      const field = fields.find((f) => f.includes(dangerous.slice(1)))!;
      expect(field.replace(/^"/, '')).toMatch(/^'/);
    }
    // Amounts stay numbers, in the French way.
    expect(fields).toContain('255,50');
  });
});
