import { Controller, Get, Param, type StreamableFile } from '@nestjs/common';
import { BILLING_ROUTES, type InvoiceList } from '@apilink/contracts';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentSession } from '../../common/auth/current-principal.decorator';
import type { SessionPrincipal } from '../../common/auth/principal';
import { InvoicesService } from './invoices.service';

@Auth('session')
@Controller()
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get(BILLING_ROUTES.invoices)
  async list(@CurrentSession() session: SessionPrincipal): Promise<InvoiceList> {
    return { data: await this.invoices.list(session.userId) };
  }

  @Get(BILLING_ROUTES.invoicePdf.pattern)
  pdf(@CurrentSession() session: SessionPrincipal, @Param('invoiceId') invoiceId: string): Promise<StreamableFile> {
    return this.invoices.pdf(session.userId, invoiceId);
  }
}
