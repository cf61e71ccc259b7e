import { ADMIN_ROUTES, type AuditLogEntry, type Page } from '@apilink/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../../lib/api-client';
import { adminKeys } from '../../admin-keys';
import { searchUsers } from '../../api/search-users';
import { toAuditQuery, USER_ID_PATTERN, type AuditFilterValues } from '../components/audit-filters';

export const AUDIT_PAGE_SIZE = 25;

export const auditLogKeys = {
  all: [...adminKeys.all, 'audit-log'] as const,
  list: (filters: AuditFilterValues, page: number) => [...auditLogKeys.all, filters, page] as const,
};

export interface AuditLogResult {
  entries: Page<AuditLogEntry>;
  /** The actor filter named an email no account has: nothing can match. */
  unknownActor: boolean;
}

/** The API filters by actor id; people know actors by email, so an email is looked up first. */
async function resolveActorId(actor: string, signal?: AbortSignal): Promise<string | null> {
  if (USER_ID_PATTERN.test(actor)) return actor;
  const matches = await searchUsers(actor, 1, 20, signal);
  return matches.data.find((user) => user.email.toLowerCase() === actor.toLowerCase())?.id ?? null;
}

export async function listAuditLog(filters: AuditFilterValues, page: number, signal?: AbortSignal): Promise<AuditLogResult> {
  const actor = filters.actor.trim();
  const actorId = actor ? await resolveActorId(actor, signal) : undefined;
  if (actorId === null) return { entries: { data: [], page, pageSize: AUDIT_PAGE_SIZE, total: 0 }, unknownActor: true };
  const entries = await apiRequest<Page<AuditLogEntry>>(ADMIN_ROUTES.auditLog, {
    signal,
    query: { ...toAuditQuery(filters), actorId, page, pageSize: AUDIT_PAGE_SIZE },
  });
  return { entries, unknownActor: false };
}

export const auditLogQueryOptions = (filters: AuditFilterValues, page: number) =>
  queryOptions({
    queryKey: auditLogKeys.list(filters, page),
    queryFn: ({ signal }) => listAuditLog(filters, page, signal),
    // Paging keeps the current rows on screen while the next page loads; new filters do not.
    placeholderData: (previous, previousQuery) =>
      JSON.stringify(previousQuery?.queryKey[2]) === JSON.stringify(filters) ? previous : undefined,
  });

export function useAuditLog(filters: AuditFilterValues, page: number) {
  return useQuery(auditLogQueryOptions(filters, page));
}
