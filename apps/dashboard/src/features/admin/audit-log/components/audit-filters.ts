/** The audit log's filters as typed and as the URL keeps them; dates are whole local days. */
import type { AuditLogQuery } from '@apilink/contracts';

export interface AuditFilterValues {
  /** An email address or a user id. */
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  /** YYYY-MM-DD, inclusive. */
  fromDay: string;
  /** YYYY-MM-DD, inclusive. */
  toDay: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { actor: '', action: '', targetType: '', targetId: '', fromDay: '', toDay: '' };

const FIELDS = Object.keys(EMPTY_AUDIT_FILTERS) as (keyof AuditFilterValues)[];

export function readAuditFilters(params: URLSearchParams): AuditFilterValues {
  const values = { ...EMPTY_AUDIT_FILTERS };
  for (const field of FIELDS) values[field] = params.get(field) ?? '';
  return values;
}

export function writeAuditFilters(values: AuditFilterValues, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) if (values[field].trim()) params.set(field, values[field].trim());
  if (page > 1) params.set('page', String(page));
  return params;
}

function localMidnight(day: string, addDays = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return undefined;
  return new Date(year, month - 1, date + addDays).toISOString();
}

/** Everything but the actor, which may need resolving from an email first. */
export function toAuditQuery(values: AuditFilterValues): Omit<AuditLogQuery, 'actorId' | 'page' | 'pageSize'> {
  return {
    action: values.action || undefined,
    targetType: values.targetType || undefined,
    targetId: values.targetId.trim() || undefined,
    // `from` inclusive at the start of the first day, `to` exclusive after the last.
    from: values.fromDay ? localMidnight(values.fromDay) : undefined,
    to: values.toDay ? localMidnight(values.toDay, 1) : undefined,
  };
}

export const USER_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
