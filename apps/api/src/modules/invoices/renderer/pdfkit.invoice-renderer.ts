import type PDFKitDocument from 'pdfkit';
import type { InvoiceRenderer, InvoiceView, RenderedDocument } from './invoice-renderer';

const MICROS_PER_CENT = 10_000n;
const LEFT = 50;
const RIGHT = 545;
const LOGO_BOX: [number, number] = [160, 64];

const REVERSE_CHARGE_NOTE = 'Reverse charge: VAT is to be accounted for by the customer (Article 196, Council Directive 2006/112/EC).';

/**
 * A4 PDF with pdfkit's built-in Helvetica (nothing embedded but the seller's logo, nothing random:
 * deterministic bytes). `logo`: the INVOICE_SELLER_LOGO_FILE image, printed top right.
 */
/**
 * pdfkit (with fontkit and its Unicode tables) is loaded at the first invoice, not at boot: a
 * gateway process that never renders one keeps its ~20 MB of RSS for the /v1 path.
 */
let pdfDocument: typeof PDFKitDocument | undefined;
function loadPdfDocument(): typeof PDFKitDocument {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require keeps pdfkit out of boot
  pdfDocument ??= require('pdfkit') as typeof PDFKitDocument;
  return pdfDocument;
}

export class PdfkitInvoiceRenderer implements InvoiceRenderer {
  constructor(private readonly logo: Buffer | null = null) {}

  render(invoice: InvoiceView): Promise<RenderedDocument> {
    const title = invoice.kind === 'invoice' ? 'Invoice' : 'Credit note';
    const PDFDocument = loadPdfDocument();
    const doc = new PDFDocument({
      size: 'A4',
      margin: LEFT,
      // A fixed creation date makes the document id, and so the whole file, reproducible.
      info: { Title: `${title} ${invoice.displayNumber}`, Author: invoice.seller.name, CreationDate: invoice.issuedAt },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });

    if (this.logo) doc.image(this.logo, RIGHT - LOGO_BOX[0], 40, { fit: LOGO_BOX, align: 'right' });
    doc.font('Helvetica-Bold').fontSize(22).text(title.toUpperCase(), LEFT, 50);
    doc.font('Helvetica').fontSize(10);
    doc.text(`Number: ${invoice.displayNumber}`, LEFT, 80);
    doc.text(`Date: ${invoice.issuedAt.toISOString().slice(0, 10)}`);
    if (invoice.correctsNumber) doc.text(`Corrects invoice: ${invoice.correctsNumber}`);

    this.party(
      doc,
      'From',
      [invoice.seller.name, ...invoice.seller.addressLines, vat(invoice.seller.vatId), invoice.seller.email],
      LEFT,
      150,
    );
    const buyer = invoice.buyer;
    this.party(doc, 'Bill to', [buyer.company, buyer.name, ...buyer.addressLines, buyer.country, vat(buyer.vatId), buyer.email], 310, 150);

    let y = 300;
    doc
      .font('Helvetica-Bold')
      .text('Description', LEFT, y)
      .text('Qty', 360, y)
      .text('Amount', 440, y, { width: RIGHT - 440, align: 'right' });
    doc
      .moveTo(LEFT, y + 15)
      .lineTo(RIGHT, y + 15)
      .stroke();
    doc.font('Helvetica');
    y += 25;
    for (const line of invoice.lines) {
      doc.text(line.description, LEFT, y, { width: 300 });
      doc.text(String(line.quantity), 360, y);
      doc.text(money(BigInt(line.amountMicros), invoice.currency), 440, y, { width: RIGHT - 440, align: 'right' });
      y = Math.max(doc.y, y + 15) + 5;
    }
    doc.moveTo(LEFT, y).lineTo(RIGHT, y).stroke();
    // A business customer with a VAT id is invoiced without VAT under the reverse charge; the tax
    // line says so explicitly, as the VAT directive asks.
    const reverseCharge = invoice.buyer.vatId !== null;
    y += 10;
    if (reverseCharge) {
      this.amountRow(doc, 'Subtotal', money(invoice.amountMicros, invoice.currency), y);
      this.amountRow(doc, 'VAT 0%', money(0n, invoice.currency), y + 16);
      y += 32;
    }
    doc.font('Helvetica-Bold');
    this.amountRow(doc, 'Total', money(invoice.amountMicros, invoice.currency), y);
    doc.font('Helvetica').fontSize(9);
    doc.text(`Payment reference: ${invoice.paymentReference}`, LEFT, y + 40);
    doc.text(
      invoice.kind === 'invoice'
        ? 'Paid in full. Prepaid credits for the ApiLink API; they do not expire.'
        : 'This credit note reduces the amount of the invoice it corrects.',
    );
    if (reverseCharge) doc.text(`${REVERSE_CHARGE_NOTE} Customer VAT ID: ${invoice.buyer.vatId}.`, { width: RIGHT - LEFT });
    doc.end();
    return done.then((content) => ({ contentType: 'application/pdf', content }));
  }

  private amountRow(doc: PDFKit.PDFDocument, label: string, amount: string, y: number): void {
    doc.text(label, 360, y).text(amount, 440, y, { width: RIGHT - 440, align: 'right' });
  }

  private party(doc: PDFKit.PDFDocument, heading: string, lines: (string | null)[], x: number, y: number): void {
    doc.font('Helvetica-Bold').fontSize(10).text(heading, x, y);
    doc.font('Helvetica');
    for (const line of lines) if (line) doc.text(line, x, doc.y, { width: 235 });
  }
}

function vat(id: string | null): string | null {
  return id ? `VAT ID: ${id}` : null;
}

/** Payments are whole cents, so invoices print cents; anything finer keeps all six decimals. */
function money(micros: bigint, currency: string): string {
  const cents = micros / MICROS_PER_CENT;
  if (micros % MICROS_PER_CENT !== 0n) {
    return `${currency} ${micros / 1_000_000n}.${(micros % 1_000_000n).toString().padStart(6, '0')}`;
  }
  return `${currency} ${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}
