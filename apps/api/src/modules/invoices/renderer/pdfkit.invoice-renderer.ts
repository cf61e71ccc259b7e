import PDFDocument from 'pdfkit';
import type { InvoiceRenderer, InvoiceView, RenderedDocument } from './invoice-renderer';

const MICROS_PER_CENT = 10_000n;
const LEFT = 50;
const RIGHT = 545;

/** A4 PDF with pdfkit's built-in Helvetica (nothing embedded, nothing random: deterministic bytes). */
export class PdfkitInvoiceRenderer implements InvoiceRenderer {
  render(invoice: InvoiceView): Promise<RenderedDocument> {
    const title = invoice.kind === 'invoice' ? 'Invoice' : 'Credit note';
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
    doc
      .font('Helvetica-Bold')
      .text('Total', 360, y + 10)
      .text(money(invoice.amountMicros, invoice.currency), 440, y + 10, {
        width: RIGHT - 440,
        align: 'right',
      });
    doc.font('Helvetica').fontSize(9);
    doc.text(`Payment reference: ${invoice.paymentReference}`, LEFT, y + 50);
    doc.text(
      invoice.kind === 'invoice'
        ? 'Paid in full. Prepaid credits for the ApiLink API; they do not expire.'
        : 'This credit note reduces the amount of the invoice it corrects.',
    );
    doc.end();
    return done.then((content) => ({ contentType: 'application/pdf', content }));
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
