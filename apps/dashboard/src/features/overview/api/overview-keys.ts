/** Query keys of the overview feature (the balance is shared: hooks/use-balance.ts). */
export const overviewKeys = {
  all: ['overview'] as const,
  health: () => [...overviewKeys.all, 'health'] as const,
  totals: (from: string, to: string | null) => [...overviewKeys.all, 'totals', from, to] as const,
  daily: (from: string, timeZone: string) => [...overviewKeys.all, 'daily', from, timeZone] as const,
};
