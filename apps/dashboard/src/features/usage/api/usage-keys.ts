import type { UsageFilters } from '@apilink/contracts';

export const usageKeys = {
  all: ['usage'] as const,
  list: (filters: UsageFilters, page: number, pageSize: number) => [...usageKeys.all, 'list', filters, page, pageSize] as const,
  byModel: (filters: UsageFilters) => [...usageKeys.all, 'by-model', filters] as const,
  request: (requestId: string) => [...usageKeys.all, 'request', requestId] as const,
  keyOptions: () => [...usageKeys.all, 'key-options'] as const,
};
