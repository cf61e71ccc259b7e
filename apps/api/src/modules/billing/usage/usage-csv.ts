/** The usage log's CSV format (RFC 4180, with spreadsheet formula injection neutralised). */
import type { UsageRecordEntity } from '../entities/usage-record.entity';
import { formatUsd } from '../../../common/money/usd-amount';

const COLUMNS = [
  'created_at',
  'request_id',
  'key_id',
  'model',
  'provider',
  'status',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'cost_usd',
  'cost_micros',
  'uncollected_micros',
  'estimated',
  'latency_ms',
  'ttft_ms',
  // Appended rather than placed beside status, so readers that pick columns by position keep working.
  'http_status',
  'error_code',
];

export const USAGE_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

export function usageCsvLine(record: UsageRecordEntity): string {
  return (
    [
      record.createdAt.toISOString(),
      text(record.requestId),
      record.keyId,
      text(record.model),
      text(record.provider ?? ''),
      record.status,
      record.promptTokens,
      record.completionTokens,
      record.cachedTokens,
      formatUsd(record.costMicros),
      record.costMicros.toString(),
      record.uncollectedMicros.toString(),
      record.estimated,
      record.latencyMs ?? '',
      record.ttftMs ?? '',
      record.httpStatus ?? '',
      text(record.errorCode ?? ''),
    ].join(',') + '\r\n'
  );
}

/** Quotes when needed; a leading = + - @ would run as a formula in spreadsheets, so it is escaped. */
function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
