import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { authKeys, setPasswordChangeRequired } from '../features/auth/api/get-current-user';
import { onPasswordChangeRequired, onSessionExpired } from '../lib/session-events';
import { createQueryClient } from './query-client';

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // Any 401 from a session route means the cookie is gone: forget the user so the guard sends them to log in.
  useEffect(
    () =>
      onSessionExpired(() => {
        if (queryClient.getQueryData(authKeys.me)) queryClient.setQueryData(authKeys.me, null);
      }),
    [queryClient],
  );

  // A 403 password_change_required: the cached user predates a staff reset; the guard then shows the choose-password screen.
  useEffect(() => onPasswordChangeRequired(() => setPasswordChangeRequired(queryClient, true)), [queryClient]);

  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
