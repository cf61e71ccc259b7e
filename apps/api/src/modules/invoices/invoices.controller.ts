import { Controller, Get, Param, type StreamableFile } from '@nestjs/common';
import { BILLING_ROUTES, type InvoiceList } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { InvoicesService } from './invoices.service';
import { toInvoiceSummary } from './mappers/invoice.mapper';
import { toInvoicePdfFile } from './mappers/invoice-pdf-file.mapper';

@Auth('session')
@Controller()
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get(BILLING_ROUTES.invoices)
  async list(@CurrentSession() session: SessionPrincipal): Promise<InvoiceList> {
    const invoices = await this.invoices.list(session.userId);
    return { data: invoices.map(({ invoice, correctsNumber }) => toInvoiceSummary(invoice, correctsNumber)) };
  }

  @Get('/api/billing/invoices/:invoiceId/pdf')
  async pdf(@CurrentSession() session: SessionPrincipal, @Param('invoiceId') invoiceId: string): Promise<StreamableFile> {
    const { invoice, document } = await this.invoices.pdf(session.userId, invoiceId);
    return toInvoicePdfFile(invoice, document);
  }
}
