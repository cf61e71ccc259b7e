/**
 * Spend this month (the per-model totals, as the Usage page shows them) and the per-day series
 * for the chart (one call: the API groups by day in the browser's time zone).
 */
import { BILLING_ROUTES, type DailyUsageTotals, type ModelUsageTotals } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { overviewKeys } from './overview-keys';

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
    queryKey: overviewKeys.totals(from.toISOString(), to?.toISOString() ?? null),
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

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function useDailyUsage(now = new Date()) {
  const today = startOfLocalDay(now);
  const days = Array.from({ length: CHART_DAYS }, (_, index) => startOfLocalDay(today, index - CHART_DAYS + 1));
  const from = days[0].toISOString();
  const timeZone = browserTimeZone();
  return useQuery({
    queryKey: overviewKeys.daily(from, timeZone),
    queryFn: ({ signal }) => apiRequest<DailyUsageTotals>(BILLING_ROUTES.usageDaily, { signal, query: { from, timeZone } }),
    staleTime: 30_000,
    // Days without requests are not in the answer; the chart shows them as zero.
    select: (totals): DayUsage[] => {
      const byDay = new Map(totals.data.map((row) => [row.day, row]));
      return days.map((day) => {
        const row = byDay.get(dayKey(day));
        return {
          day: dayKey(day),
          requests: row?.requests ?? 0,
          tokens: row ? row.promptTokens + row.completionTokens : 0,
          costMicros: BigInt(row?.cost.micros ?? 0),
        };
      });
    },
  });
}
