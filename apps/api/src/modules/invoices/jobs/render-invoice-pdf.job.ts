import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JOB_QUEUE, type JobQueue } from '../../../infrastructure/queue/job-queue.tokens';
import { InvoiceDocumentsService } from '../invoice-documents.service';

export const RENDER_INVOICE_PDF_JOB = 'invoices.render-pdf';

export interface RenderInvoicePdfPayload {
  invoiceId: string;
}

/** Renders issued invoices to PDF off the payment path (Bull with Redis, in-process otherwise). */
@Injectable()
export class RenderInvoicePdfJob implements OnModuleInit {
  constructor(
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
    private readonly documents: InvoiceDocumentsService,
  ) {}

  onModuleInit(): void {
    this.jobs.process<RenderInvoicePdfPayload>(RENDER_INVOICE_PDF_JOB, (payloads) => this.handle(payloads), { batchSize: 10 });
  }

  async handle(payloads: RenderInvoicePdfPayload[]): Promise<void> {
    for (const { invoiceId } of payloads) await this.documents.ensureRendered(invoiceId);
  }
}
