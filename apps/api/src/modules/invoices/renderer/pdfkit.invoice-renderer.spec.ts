import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pdfText, rasterize } from './__testing__/pdf-raster';
import { PdfkitInvoiceRenderer } from './pdfkit.invoice-renderer';
import type { InvoiceView } from './invoice-renderer';

const LOGO = readFileSync(path.join(__dirname, '__fixtures__/seller-logo.png'));
// Where people look at the rendered pages (git-ignored, beside the browser tests' screenshots).
const SCREENSHOTS = path.resolve(__dirname, '../../../../../../test-artifacts/screenshots');
// Where the renderer puts the logo (top right) and the two parties, in PDF points from the top left.
const LOGO_AREA = { x: 385, y: 40, width: 160, height: 64 };
const SELLER_AREA = { x: 50, y: 150, width: 235, height: 90 };
const BUYER_AREA = { x: 310, y: 150, width: 235, height: 110 };

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

  describe('as a reader sees it (rendered to an image and to text with poppler)', () => {
    it('prints the logo, the seller block, the customer billing details and, for a business with a VAT id, VAT 0% with the reverse-charge note', async () => {
      const pdf = (await new PdfkitInvoiceRenderer(LOGO).render(invoice)).content;
      const page = rasterize(pdf, path.join(SCREENSHOTS, 'invoice-b2b-reverse-charge.png'));
      // A4 at 50 dpi.
      expect(page.width).toBeGreaterThan(400);
      expect(page.height).toBeGreaterThan(570);
      expect(page.darkPixels(LOGO_AREA)).toBeGreaterThan(2000);
      expect(page.darkPixels(SELLER_AREA)).toBeGreaterThan(100);
      expect(page.darkPixels(BUYER_AREA)).toBeGreaterThan(100);

      const text = pdfText(pdf);
      for (const printed of ['ApiLink Ltd', '1 Main Street', 'Berlin', 'VAT ID: DE123', 'billing@apilink.dev'])
        expect(text).toContain(printed);
      for (const printed of ['Bill to', 'Acme', 'Ada', '2 Side Road', 'VAT ID: FR999', 'a@b.c']) expect(text).toContain(printed);
      expect(text).toMatch(/Subtotal\s+USD 25\.50/);
      expect(text).toMatch(/VAT 0%\s+USD 0\.00/);
      expect(text).toMatch(/Total\s+USD 25\.50/);
      expect(text.replace(/\s+/g, ' ')).toContain(
        'Reverse charge: VAT is to be accounted for by the customer (Article 196, Council Directive 2006/112/EC). Customer VAT ID: FR999.',
      );
    });

    it('leaves the logo area blank without a logo, and prints no tax line for a customer without a VAT id', async () => {
      const consumer = { ...invoice, buyer: { ...invoice.buyer, company: null, vatId: null } };
      const pdf = (await new PdfkitInvoiceRenderer().render(consumer)).content;
      const page = rasterize(pdf, path.join(SCREENSHOTS, 'invoice-consumer.png'));
      expect(page.darkPixels(LOGO_AREA)).toBe(0);
      expect(page.darkPixels(BUYER_AREA)).toBeGreaterThan(100);
      const text = pdfText(pdf);
      expect(text).toMatch(/Total\s+USD 25\.50/);
      expect(text).not.toContain('VAT 0%');
      expect(text).not.toContain('Reverse charge');
      expect(text).not.toContain('Subtotal');
    });
  });
});
