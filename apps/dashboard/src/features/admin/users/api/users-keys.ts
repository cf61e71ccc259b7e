import { adminKeys } from '../../admin-keys';

export const usersKeys = {
  all: [...adminKeys.all, 'users'] as const,
  search: (email: string, page: number) => [...usersKeys.all, 'search', email, page] as const,
  /** Everything about one account, so an action on it refreshes all its panels. */
  user: (userId: string) => [...usersKeys.all, 'user', userId] as const,
  profile: (userId: string) => [...usersKeys.user(userId), 'profile'] as const,
  keys: (userId: string) => [...usersKeys.user(userId), 'keys'] as const,
  balance: (userId: string) => [...usersKeys.user(userId), 'balance'] as const,
  ledger: (userId: string, page: number) => [...usersKeys.user(userId), 'ledger', page] as const,
  payments: (userId: string) => [...usersKeys.user(userId), 'payments'] as const,
  invoices: (userId: string) => [...usersKeys.user(userId), 'invoices'] as const,
  usage: (userId: string, page: number) => [...usersKeys.user(userId), 'usage', page] as const,
};

/** Ledger and usage pages on the user page are short: support reads the latest first. */
export const USER_HISTORY_PAGE_SIZE = 20;
