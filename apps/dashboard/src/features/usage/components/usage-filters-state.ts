/** The usage page's filters live in the URL (shareable, survive reloads); dates are local days. */
import { USAGE_STATUSES, type UsageFilters, type UsageStatus } from '@apilink/contracts';

export interface UsageFilterValues {
  keyId: string;
  model: string;
  status: string;
  /** YYYY-MM-DD, inclusive. */
  fromDay: string;
  /** YYYY-MM-DD, inclusive. */
  toDay: string;
}

export const EMPTY_FILTERS: UsageFilterValues = { keyId: '', model: '', status: '', fromDay: '', toDay: '' };

const PARAM: Record<keyof UsageFilterValues, string> = { keyId: 'key', model: 'model', status: 'status', fromDay: 'from', toDay: 'to' };

export function readFilters(params: URLSearchParams): UsageFilterValues {
  const values = { ...EMPTY_FILTERS };
  for (const field of Object.keys(PARAM) as (keyof UsageFilterValues)[]) values[field] = params.get(PARAM[field]) ?? '';
  return values;
}

export function writeFilters(values: UsageFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of Object.keys(PARAM) as (keyof UsageFilterValues)[]) if (values[field]) params.set(PARAM[field], values[field]);
  return params;
}

function localMidnight(day: string, addDays = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return undefined;
  return new Date(year, month - 1, date + addDays).toISOString();
}

/** The API's filters: `from` inclusive at the start of the first day, `to` exclusive after the last. */
export function toApiFilters(values: UsageFilterValues): UsageFilters {
  const filters: UsageFilters = {};
  if (values.keyId) filters.keyId = values.keyId;
  if (values.model.trim()) filters.model = values.model.trim();
  if ((USAGE_STATUSES as readonly string[]).includes(values.status)) filters.status = values.status as UsageStatus;
  const from = values.fromDay ? localMidnight(values.fromDay) : undefined;
  const to = values.toDay ? localMidnight(values.toDay, 1) : undefined;
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}

export function describePeriod(values: UsageFilterValues): string {
  if (values.fromDay && values.toDay) return `${values.fromDay} to ${values.toDay}`;
  if (values.fromDay) return `since ${values.fromDay}`;
  if (values.toDay) return `until ${values.toDay}`;
  return 'all time';
}
