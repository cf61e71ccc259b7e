import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ConfigOf } from '../../config/define-config';
import { invoicesConfig } from '../../config/invoices.config';
import { PaymentListenersRegistry } from '../payments/payment-listeners.registry';
import { PaymentsModule } from '../payments/payments.module';
import { InvoiceDocumentEntity } from './entities/invoice-document.entity';
import { InvoiceNumberSeriesEntity } from './entities/invoice-number-series.entity';
import { InvoiceEntity } from './entities/invoice.entity';
import { InvoiceDocumentsService } from './invoice-documents.service';
import { InvoiceIssuer } from './invoice-issuer';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { RenderInvoicePdfJob } from './jobs/render-invoice-pdf.job';
import { INVOICE_RENDERER } from './renderer/invoice-renderer';
import { PdfkitInvoiceRenderer } from './renderer/pdfkit.invoice-renderer';

/** Invoices and credit notes for payments (hooked into the payments module's transactions) and their PDFs. */
@Module({
  imports: [PaymentsModule, TypeOrmModule.forFeature([InvoiceEntity, InvoiceNumberSeriesEntity, InvoiceDocumentEntity])],
  controllers: [InvoicesController],
  providers: [
    InvoiceIssuer,
    InvoicesService,
    InvoiceDocumentsService,
    RenderInvoicePdfJob,
    {
      provide: INVOICE_RENDERER,
      inject: [invoicesConfig.KEY],
      useFactory: (config: ConfigOf<typeof invoicesConfig>) => new PdfkitInvoiceRenderer(config.sellerLogo),
    },
  ],
  exports: [InvoicesService],
})
export class InvoicesModule implements OnModuleInit {
  constructor(
    private readonly registry: PaymentListenersRegistry,
    private readonly issuer: InvoiceIssuer,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.issuer);
  }
}
