import { BILLING_ROUTES, type InvoiceSummary, type Payment } from '@apilink/contracts';
import { Card } from '../../../components/card';
import { EmptyState, ErrorState, LoadingState } from '../../../components/query-state';
import { formatDateTime, formatUsd } from '../../../lib/format';
import { useInvoices } from '../api/list-invoices';
import { usePayments } from '../api/list-payments';
import { InvoiceDownloadButton } from '../../../components/invoice-download-button';
import { PaymentStatusBadge } from '../../../components/payment-status-badge';
import { DataTable } from '../../../components/data-table';

const METHOD: Record<Payment['provider'], string> = { stripe: 'Card (Stripe)', test: 'Test payment' };

export function PaymentsCard() {
  const payments = usePayments();
  const completedIds = payments.data?.filter((payment) => payment.status === 'completed').map((payment) => payment.id) ?? [];
  const invoices = useInvoices(completedIds);
  const invoiceByPayment = new Map<string, InvoiceSummary>();
  for (const invoice of invoices.data ?? []) if (invoice.kind === 'invoice') invoiceByPayment.set(invoice.paymentId, invoice);
  const creditNotes = (invoices.data ?? []).filter((invoice) => invoice.kind === 'credit_note');

  return (
    <Card title="Payment history" flush>
      {payments.isPending ? (
        <LoadingState label="Loading payments…" />
      ) : payments.error ? (
        <ErrorState error={payments.error} title="Could not load your payments" onRetry={() => void payments.refetch()} />
      ) : payments.data.length === 0 ? (
        <EmptyState title="No payments yet">Your top-ups and their invoices will appear here.</EmptyState>
      ) : (
        <DataTable
          columns={[{ label: 'Date' }, { label: 'Amount', numeric: true }, { label: 'Method' }, { label: 'Status' }, { label: 'Invoice' }]}
          testId="payments-table"
        >
          {payments.data.map((payment) => {
            const invoice = invoiceByPayment.get(payment.id);
            const refunded = BigInt(payment.refunded.micros) > 0n;
            return (
              <tr key={payment.id}>
                <td data-label="Date" className="nowrap">
                  {formatDateTime(payment.completedAt ?? payment.createdAt)}
                </td>
                <td data-label="Amount" className="num">
                  {formatUsd(payment.amount.micros)}
                  {refunded ? <div className="subtle">{formatUsd(payment.refunded.micros)} refunded</div> : null}
                </td>
                <td data-label="Method">{METHOD[payment.provider]}</td>
                <td data-label="Status">
                  <PaymentStatusBadge status={payment.status} />
                </td>
                <td data-label="Invoice">
                  {invoice ? (
                    <span className="row">
                      <span className="mono">{invoice.number}</span>
                      <InvoiceDownloadButton invoice={invoice} url={BILLING_ROUTES.invoicePdf(invoice.id)} />
                    </span>
                  ) : payment.status === 'completed' ? (
                    <span className="subtle">Preparing…</span>
                  ) : (
                    <span className="subtle">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {creditNotes.length > 0 ? (
        <div className="card__section">
          <h3>Credit notes</h3>
          <ul className="plain-list">
            {creditNotes.map((note) => (
              <li key={note.id} className="row row--between">
                <span>
                  <span className="mono">{note.number}</span> · {formatUsd(note.amount.micros)} · corrects{' '}
                  {note.correctsInvoiceNumber ?? '—'}
                </span>
                <InvoiceDownloadButton invoice={note} url={BILLING_ROUTES.invoicePdf(note.id)} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
