import { ADMIN_ROUTES, type StaffSettings } from '@apilink/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../lib/api-client';
import { adminKeys } from './admin-keys';

/** The configured staff limits; they change only with a restart, so one fetch per session is enough. */
export function useStaffSettings(enabled = true) {
  return useQuery({
    queryKey: adminKeys.settings(),
    queryFn: ({ signal }) => apiRequest<StaffSettings>(ADMIN_ROUTES.settings, { signal }),
    staleTime: Infinity,
    enabled,
  });
}
