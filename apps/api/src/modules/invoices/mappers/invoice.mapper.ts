import type { InvoiceSummary } from '@apilink/contracts';
import { toMoney } from '../../../common/money/money.mapper';
import type { InvoiceEntity } from '../entities/invoice.entity';

export function toInvoiceSummary(invoice: InvoiceEntity, correctsNumber: string | null): InvoiceSummary {
  return {
    id: invoice.id,
    kind: invoice.kind,
    number: invoice.displayNumber,
    issuedAt: invoice.issuedAt.toISOString(),
    amount: toMoney(invoice.amountMicros),
    currency: 'USD',
    paymentId: invoice.paymentId,
    correctsInvoiceNumber: correctsNumber,
  };
}
