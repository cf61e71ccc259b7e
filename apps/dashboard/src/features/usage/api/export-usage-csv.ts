import { BILLING_ROUTES, type UsageFilters } from '@apilink/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiDownload, saveFile } from '../../../lib/api-client';

export async function exportUsageCsv(filters: UsageFilters): Promise<void> {
  saveFile(await apiDownload(BILLING_ROUTES.usageCsv, 'apilink-usage.csv', { query: { ...filters } }));
}

export function useExportUsageCsv() {
  return useMutation({ mutationFn: exportUsageCsv });
}
