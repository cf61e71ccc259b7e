import { Inject, Injectable } from '@nestjs/common';
import { JOB_QUEUE, type JobQueue } from '../../infrastructure/queue/job-queue.tokens';
import { invoicesConfig } from '../../config/invoices.config';
import type { ConfigOf } from '../../config/define-config';
import type { PaymentListener, PaymentReversal, PaymentTransaction, SettledPayment } from '../payments/payment-listeners.registry';
import { BillingProfileService } from '../payments/profile/billing-profile.service';
import { InvoiceEntity } from './entities/invoice.entity';
import type { InvoiceBuyer, InvoiceLine } from './invoice-parties';
import { nextInvoiceNumber, type InvoiceSeriesPrefix } from './invoice-numbering';
import { RENDER_INVOICE_PDF_JOB, type RenderInvoicePdfPayload } from './jobs/render-invoice-pdf.job';

/**
 * Issues an invoice for every completed payment and a credit note for every refund or lost
 * dispute, in the payment's own transaction (no payment without its invoice), then queues the PDF.
 */
@Injectable()
export class InvoiceIssuer implements PaymentListener {
  constructor(
    private readonly profiles: BillingProfileService,
    @Inject(invoicesConfig.KEY) private readonly config: ConfigOf<typeof invoicesConfig>,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  async onCompleted(tx: PaymentTransaction, payment: SettledPayment): Promise<void> {
    const test = payment.provider === 'test';
    await this.issue(tx, payment, 'INV', {
      kind: 'invoice',
      amountMicros: payment.amountMicros,
      description: test ? 'ApiLink prepaid credits (TEST payment: no money was charged)' : 'ApiLink prepaid credits',
      paymentReference: payment.providerPaymentId ?? payment.id,
      correctsInvoiceId: null,
      externalRef: null,
    });
  }

  async onReversed(tx: PaymentTransaction, reversal: PaymentReversal): Promise<void> {
    const original = await tx.manager.getRepository(InvoiceEntity).findOne({ where: { paymentId: reversal.payment.id, kind: 'invoice' } });
    const what = reversal.kind === 'refund' ? 'Refund' : 'Chargeback (lost dispute)';
    await this.issue(tx, reversal.payment, 'CN', {
      kind: 'credit_note',
      amountMicros: reversal.amountMicros,
      description: original ? `${what} of invoice ${original.displayNumber}` : `${what} of payment ${reversal.payment.id}`,
      paymentReference: reversal.payment.providerPaymentId ?? reversal.payment.id,
      correctsInvoiceId: original?.id ?? null,
      externalRef: reversal.externalRef,
    });
  }

  private async issue(
    tx: PaymentTransaction,
    payment: SettledPayment,
    prefix: InvoiceSeriesPrefix,
    details: Pick<InvoiceEntity, 'kind' | 'amountMicros' | 'paymentReference' | 'correctsInvoiceId' | 'externalRef'> & {
      description: string;
    },
  ): Promise<void> {
    const buyer = await this.profiles.snapshot(tx.manager, payment.userId);
    const number = await nextInvoiceNumber(tx.manager, prefix);
    const line: InvoiceLine = {
      description: details.description,
      quantity: 1,
      unitAmountMicros: details.amountMicros.toString(),
      amountMicros: details.amountMicros.toString(),
    };
    const repository = tx.manager.getRepository(InvoiceEntity);
    const invoice = await repository.save(
      repository.create({
        userId: payment.userId,
        kind: details.kind,
        series: number.series,
        number: number.number,
        displayNumber: number.displayNumber,
        paymentId: payment.id,
        correctsInvoiceId: details.correctsInvoiceId,
        externalRef: details.externalRef,
        currency: payment.currency,
        amountMicros: details.amountMicros,
        lines: [line],
        seller: this.config.seller,
        buyer: toBuyer(buyer),
        paymentReference: details.paymentReference,
        issuedAt: number.issuedAt,
      }),
    );
    tx.afterCommit(() => this.jobs.enqueue<RenderInvoicePdfPayload>(RENDER_INVOICE_PDF_JOB, { invoiceId: invoice.id }));
  }
}

function toBuyer(snapshot: Awaited<ReturnType<BillingProfileService['snapshot']>>): InvoiceBuyer {
  const cityLine = [snapshot.postalCode, snapshot.city].filter(Boolean).join(' ');
  return {
    email: snapshot.email,
    name: snapshot.name,
    company: snapshot.company,
    addressLines: [snapshot.addressLine1, snapshot.addressLine2, cityLine, snapshot.region].filter((line): line is string => !!line),
    country: snapshot.country,
    vatId: snapshot.vatId,
  };
}
