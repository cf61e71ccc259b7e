import { BILLING_ROUTES, type InvoiceSummary } from '@apilink/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiDownload, saveFile } from '../../../lib/api-client';

export async function downloadInvoice(invoice: InvoiceSummary): Promise<void> {
  saveFile(await apiDownload(BILLING_ROUTES.invoicePdf(invoice.id), `${invoice.number}.pdf`));
}

export function useDownloadInvoice() {
  return useMutation({ mutationFn: downloadInvoice });
}
