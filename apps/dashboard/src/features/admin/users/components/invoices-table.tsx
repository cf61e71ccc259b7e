import { ADMIN_ROUTES, type InvoiceSummary } from '@apilink/contracts';
import { DataTable } from '../../../../components/data-table';
import { InvoiceDownloadButton } from '../../../../components/invoice-download-button';
import { formatDate, formatUsd } from '../../../../lib/format';

export function InvoicesTable({ userId, invoices }: { userId: string; invoices: InvoiceSummary[] }) {
  return (
    <DataTable
      columns={[
        { label: 'Number' },
        { label: 'Kind' },
        { label: 'Issued' },
        { label: 'Amount', numeric: true },
        { label: 'Corrects' },
        { label: 'PDF' },
      ]}
      testId="user-invoices-table"
    >
      {invoices.map((invoice) => (
        <tr key={invoice.id}>
          <td data-label="Number" className="mono">
            {invoice.number}
          </td>
          <td data-label="Kind">{invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'}</td>
          <td data-label="Issued" className="nowrap">
            {formatDate(invoice.issuedAt)}
          </td>
          <td data-label="Amount" className="num">
            {formatUsd(invoice.amount.micros)}
          </td>
          <td data-label="Corrects" className="mono">
            {invoice.correctsInvoiceNumber ?? <span className="subtle">—</span>}
          </td>
          <td data-label="PDF">
            <InvoiceDownloadButton invoice={invoice} url={ADMIN_ROUTES.userInvoicePdf(userId, invoice.id)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
