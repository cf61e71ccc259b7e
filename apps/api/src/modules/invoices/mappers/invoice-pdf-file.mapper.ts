import { StreamableFile } from '@nestjs/common';
import type { RenderedDocument } from '../renderer/invoice-renderer';
import type { InvoiceEntity } from '../entities/invoice.entity';

/** An issued invoice's PDF as a download named after its number (customer and staff routes alike). */
export function toInvoicePdfFile(invoice: InvoiceEntity, document: RenderedDocument): StreamableFile {
  return new StreamableFile(document.content, {
    type: document.contentType,
    disposition: `attachment; filename="${invoice.displayNumber}.pdf"`,
    length: document.content.length,
  });
}
