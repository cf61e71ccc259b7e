import { Injectable, type StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { InvoiceSummary } from '@apilink/contracts';
import { isUUID } from 'class-validator';
import type { Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { InvoiceEntity } from './entities/invoice.entity';
import { InvoiceDocumentsService } from './invoice-documents.service';
import { toInvoiceSummary } from './mappers/invoice.mapper';
import { toInvoicePdfFile } from './mappers/invoice-pdf-file.mapper';

/** A customer's invoices and credit notes; only ever their own (anyone else's id is "not found"). */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectRepository(InvoiceEntity) private readonly invoices: Repository<InvoiceEntity>,
    private readonly documents: InvoiceDocumentsService,
  ) {}

  /** Newest first, with the number of the invoice each credit note corrects. */
  async list(userId: string): Promise<InvoiceSummary[]> {
    const invoices = await this.invoices.find({ where: { userId }, order: { issuedAt: 'DESC', number: 'DESC' } });
    const numbers = new Map(invoices.map((invoice) => [invoice.id, invoice.displayNumber]));
    return invoices.map((invoice) =>
      toInvoiceSummary(invoice, invoice.correctsInvoiceId ? (numbers.get(invoice.correctsInvoiceId) ?? null) : null),
    );
  }

  /** The PDF as a download named after the invoice's number (customer and staff routes alike). */
  async pdf(userId: string, invoiceId: string): Promise<StreamableFile> {
    const invoice = isUUID(invoiceId) ? await this.invoices.findOne({ where: { id: invoiceId, userId } }) : null;
    if (!invoice) throw AppError.notFound('Invoice not found');
    return toInvoicePdfFile(invoice, await this.documents.documentFor(invoice));
  }
}
