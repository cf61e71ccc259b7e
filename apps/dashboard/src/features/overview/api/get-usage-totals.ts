/**
 * Spend this month and the per-day series for the chart, built from the per-model totals
 * endpoint (one call per period) so the numbers match the Usage page exactly.
 */
import { BILLING_ROUTES, type ModelUsageTotals } from '@apilink/contracts';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const CHART_DAYS = 14;

export interface DayUsage {
  /** YYYY-MM-DD, local time. */
  day: string;
  requests: number;
  tokens: number;
  costMicros: bigint;
}

const totalsQueryOptions = (from: Date, to?: Date) =>
  queryOptions({
    queryKey: ['overview', 'totals', from.toISOString(), to?.toISOString() ?? null] as const,
    queryFn: ({ signal }) =>
      apiRequest<ModelUsageTotals>(BILLING_ROUTES.usageByModel, { signal, query: { from: from.toISOString(), to: to?.toISOString() } }),
    staleTime: 30_000,
  });

function startOfLocalDay(date: Date, addDays = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + addDays);
}

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function useMonthSpend(now = new Date()) {
  return useQuery(totalsQueryOptions(new Date(now.getFullYear(), now.getMonth(), 1)));
}

export function useDailyUsage(now = new Date()) {
  const today = startOfLocalDay(now);
  const days = Array.from({ length: CHART_DAYS }, (_, index) => startOfLocalDay(today, index - CHART_DAYS + 1));
  return useQueries({
    queries: days.map((day) => totalsQueryOptions(day, startOfLocalDay(day, 1))),
    combine: (results) => ({
      isPending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
      refetch: () => results.forEach((result) => void result.refetch()),
      data: results.every((result) => result.data)
        ? days.map((day, index): DayUsage => {
            const rows = results[index].data!.data;
            return {
              day: dayKey(day),
              requests: rows.reduce((sum, row) => sum + row.requests, 0),
              tokens: rows.reduce((sum, row) => sum + row.promptTokens + row.completionTokens, 0),
              costMicros: BigInt(results[index].data!.total.micros),
            };
          })
        : undefined,
    }),
  });
}
