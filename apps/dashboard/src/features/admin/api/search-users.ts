import { ADMIN_ROUTES, type AdminUser, type Page } from '@apilink/contracts';
import { apiRequest } from '../../../lib/api-client';

export const USER_SEARCH_PAGE_SIZE = 25;

/**
 * Any part of the email, case-insensitive; an empty search lists every account, newest first.
 * Shared by the users page (its query lives in users/api) and the audit log's actor filter.
 */
export function searchUsers(email: string, page: number, pageSize = USER_SEARCH_PAGE_SIZE, signal?: AbortSignal): Promise<Page<AdminUser>> {
  return apiRequest<Page<AdminUser>>(ADMIN_ROUTES.users, { signal, query: { email, page, pageSize } });
}
