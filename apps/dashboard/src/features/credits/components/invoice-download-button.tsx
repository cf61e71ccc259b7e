import type { InvoiceSummary } from '@apilink/contracts';
import { errorText } from '../../../components/query-state';
import { useDownloadInvoice } from '../api/download-invoice';

export function InvoiceDownloadButton({ invoice }: { invoice: InvoiceSummary }) {
  const download = useDownloadInvoice();
  return (
    <span className="row">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={download.isPending}
        aria-label={`Download ${invoice.number} as PDF`}
        onClick={() => download.mutate(invoice)}
      >
        {download.isPending ? 'Downloading…' : 'Download PDF'}
      </button>
      {download.error ? (
        <span className="field__error" role="alert">
          {errorText(download.error)}
        </span>
      ) : null}
    </span>
  );
}
