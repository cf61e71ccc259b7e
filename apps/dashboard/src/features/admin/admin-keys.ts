/**
 * Root of every staff query key: a staff action can refresh what it changed across the admin
 * pages, and logging out drops all of it with the rest of the cache.
 */
export const adminKeys = {
  all: ['admin'] as const,
  settings: () => [...adminKeys.all, 'settings'] as const,
};
