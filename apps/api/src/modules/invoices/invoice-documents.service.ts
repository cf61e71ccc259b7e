import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { InvoiceDocumentEntity } from './entities/invoice-document.entity';
import { InvoiceEntity } from './entities/invoice.entity';
import { INVOICE_RENDERER, type InvoiceRenderer, type RenderedDocument } from './renderer/invoice-renderer';

/**
 * The stored PDF of each invoice: rendered once (by the queued job, or by the first download if
 * that comes first) and kept, so a later change of the template never alters an issued document.
 */
@Injectable()
export class InvoiceDocumentsService {
  constructor(
    @InjectRepository(InvoiceEntity) private readonly invoices: Repository<InvoiceEntity>,
    @InjectRepository(InvoiceDocumentEntity) private readonly documents: Repository<InvoiceDocumentEntity>,
    @Inject(INVOICE_RENDERER) private readonly renderer: InvoiceRenderer,
  ) {}

  async documentFor(invoice: InvoiceEntity): Promise<RenderedDocument> {
    const stored = await this.documents.findOne({ where: { invoiceId: invoice.id } });
    if (stored) return { contentType: stored.contentType, content: stored.content };
    return this.renderAndStore(invoice);
  }

  /** Idempotent (job handlers may run twice): the first stored rendering wins. */
  async ensureRendered(invoiceId: string): Promise<void> {
    if (await this.documents.exist({ where: { invoiceId } })) return;
    const invoice = await this.invoices.findOne({ where: { id: invoiceId } });
    if (invoice) await this.renderAndStore(invoice);
  }

  private async renderAndStore(invoice: InvoiceEntity): Promise<RenderedDocument> {
    const corrects = invoice.correctsInvoiceId ? await this.invoices.findOne({ where: { id: invoice.correctsInvoiceId } }) : null;
    const rendered = await this.renderer.render({
      kind: invoice.kind,
      displayNumber: invoice.displayNumber,
      issuedAt: invoice.issuedAt,
      currency: invoice.currency,
      amountMicros: invoice.amountMicros,
      lines: invoice.lines,
      seller: invoice.seller,
      buyer: invoice.buyer,
      paymentReference: invoice.paymentReference,
      correctsNumber: corrects?.displayNumber ?? null,
    });
    await this.documents
      .createQueryBuilder()
      .insert()
      .values({ invoiceId: invoice.id, contentType: rendered.contentType, content: rendered.content })
      .orIgnore()
      .execute();
    const stored = await this.documents.findOneOrFail({ where: { invoiceId: invoice.id } });
    return { contentType: stored.contentType, content: stored.content };
  }
}
