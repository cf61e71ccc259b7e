import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '../../../components/card';
import { EmptyState, ErrorState, LoadingState } from '../../../components/query-state';
import { formatCompact, formatInteger, formatUsd } from '../../../lib/format';
import { CHART_DAYS, useDailyUsage, type DayUsage } from '../api/get-usage-totals';

type Metric = 'requests' | 'tokens' | 'spend';

const METRICS: { id: Metric; label: string }[] = [
  { id: 'requests', label: 'Requests' },
  { id: 'tokens', label: 'Tokens' },
  { id: 'spend', label: 'Spend' },
];

const shortDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });

function label(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return shortDay.format(new Date(year, month - 1, date));
}

function valueOf(row: DayUsage, metric: Metric): number {
  if (metric === 'spend') return Number(row.costMicros) / 1_000_000;
  return metric === 'tokens' ? row.tokens : row.requests;
}

function formatValue(value: number, metric: Metric): string {
  if (metric === 'spend') return formatUsd(Math.round(value * 1_000_000));
  return formatInteger(value);
}

export function UsageChartCard() {
  const daily = useDailyUsage();
  const [metric, setMetric] = useState<Metric>('requests');
  const series = daily.data?.map((row) => ({ day: label(row.day), value: valueOf(row, metric) }));
  const empty = daily.data?.every((row) => row.requests === 0);
  // Whole-number axes with few requests would otherwise get ticks up to 4 for a single request.
  const peak = Math.max(0, ...(series ?? []).map((point) => point.value));
  const tickCount = metric === 'spend' ? 5 : Math.max(2, Math.min(5, Math.ceil(peak) + 1));

  return (
    <Card
      title={`Last ${CHART_DAYS} days`}
      actions={
        <div className="segmented" role="group" aria-label="Chart metric">
          {METRICS.map((option) => (
            <button
              key={option.id}
              type="button"
              className="segmented__item"
              aria-pressed={metric === option.id}
              onClick={() => setMetric(option.id)}
            >
              {option.label}
            </button>
          ))}
        </div>
      }
    >
      {daily.isPending ? (
        <LoadingState label="Loading usage…" />
      ) : daily.error ? (
        <ErrorState error={daily.error} title="Could not load your usage" onRetry={daily.refetch} />
      ) : empty ? (
        <EmptyState title="No requests in the last two weeks">
          Make your first call with the quick start below and it shows up here.
        </EmptyState>
      ) : (
        <div
          className="chart"
          role="img"
          aria-label={`${METRICS.find((m) => m.id === metric)!.label} per day over the last ${CHART_DAYS} days`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} stroke="#e3e8ee" />
              <XAxis
                dataKey="day"
                tickLine={false}
                axisLine={false}
                tick={{ fontSize: 12, fill: '#5b6478' }}
                interval="preserveStartEnd"
                minTickGap={16}
              />
              <YAxis
                tickLine={false}
                axisLine={false}
                width={56}
                tick={{ fontSize: 12, fill: '#5b6478' }}
                allowDecimals={metric === 'spend'}
                tickCount={tickCount}
                tickFormatter={(value: number) => (metric === 'spend' ? `$${formatCompact(value)}` : formatCompact(value))}
              />
              <Tooltip
                cursor={{ fill: '#eef2ff' }}
                formatter={(value) => [formatValue(Number(value), metric), METRICS.find((m) => m.id === metric)!.label]}
                contentStyle={{ borderRadius: 8, borderColor: '#e3e8ee', fontSize: 13 }}
              />
              <Bar dataKey="value" fill="#4f46e5" radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}
