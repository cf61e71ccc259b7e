import type { Payment } from '@apilink/contracts';
import { DataTable } from '../../../../components/data-table';
import { PaymentStatusBadge } from '../../../../components/payment-status-badge';
import { formatDateTime, formatUsd } from '../../../../lib/format';

const METHOD: Record<Payment['provider'], string> = { stripe: 'Card (Stripe)', test: 'Test payment' };

export function PaymentsTable({ payments }: { payments: Payment[] }) {
  return (
    <DataTable
      columns={[{ label: 'Date' }, { label: 'Amount', numeric: true }, { label: 'Method' }, { label: 'Status' }, { label: 'Payment id' }]}
      testId="user-payments-table"
    >
      {payments.map((payment) => (
        <tr key={payment.id}>
          <td data-label="Date" className="nowrap">
            {formatDateTime(payment.completedAt ?? payment.createdAt)}
          </td>
          <td data-label="Amount" className="num">
            {formatUsd(payment.amount.micros)}
            {BigInt(payment.refunded.micros) > 0n ? <div className="subtle">{formatUsd(payment.refunded.micros)} refunded</div> : null}
            {BigInt(payment.disputed.micros) > 0n ? <div className="subtle">{formatUsd(payment.disputed.micros)} disputed</div> : null}
          </td>
          <td data-label="Method">{METHOD[payment.provider]}</td>
          <td data-label="Status">
            <PaymentStatusBadge status={payment.status} />
          </td>
          <td data-label="Payment id">
            <code>{payment.id}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
