import { PdfkitInvoiceRenderer } from './pdfkit.invoice-renderer';
import type { InvoiceView } from './invoice-renderer';

const invoice: InvoiceView = {
  kind: 'invoice',
  displayNumber: 'INV-2026-000042',
  issuedAt: new Date('2026-03-04T05:06:07.000Z'),
  currency: 'USD',
  amountMicros: 25_500_000n,
  lines: [{ description: 'ApiLink prepaid credits', quantity: 1, unitAmountMicros: '25500000', amountMicros: '25500000' }],
  seller: { name: 'ApiLink Ltd', addressLines: ['1 Main Street', 'Berlin'], vatId: 'DE123', email: 'billing@apilink.dev' },
  buyer: { email: 'a@b.c', name: 'Ada', company: 'Acme', addressLines: ['2 Side Road'], country: 'FR', vatId: 'FR999' },
  paymentReference: 'pi_123',
  correctsNumber: null,
};

async function render(view: InvoiceView): Promise<Buffer> {
  return (await new PdfkitInvoiceRenderer().render(view)).content;
}

describe('PdfkitInvoiceRenderer', () => {
  it('renders a PDF document', async () => {
    const pdf = await render(invoice);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect(pdf.toString('latin1')).toContain('(Invoice INV-2026-000042)');
  });

  it('is deterministic: the same invoice gives the same bytes', async () => {
    const [first, second] = await Promise.all([render(invoice), render(invoice)]);
    expect(first.equals(second)).toBe(true);
  });

  it('gives a different document for a different invoice', async () => {
    const other = await render({ ...invoice, kind: 'credit_note', displayNumber: 'CN-2026-000001', correctsNumber: 'INV-2026-000042' });
    expect(other.equals(await render(invoice))).toBe(false);
    expect(other.toString('latin1')).toContain('(Credit note CN-2026-000001)');
  });
});
