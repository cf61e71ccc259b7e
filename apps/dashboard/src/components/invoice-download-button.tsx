/** Downloads one invoice or credit note as PDF; the customer's and the staff's routes differ, the button does not. */
import type { InvoiceSummary } from '@apilink/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiDownload, saveFile } from '../lib/api-client';
import { errorText } from './query-state';

export function InvoiceDownloadButton({ invoice, url }: { invoice: InvoiceSummary; url: string }) {
  const download = useMutation({ mutationFn: async () => saveFile(await apiDownload(url, `${invoice.number}.pdf`)) });
  return (
    <span className="row">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={download.isPending}
        aria-label={`Download ${invoice.number} as PDF`}
        onClick={() => download.mutate()}
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
