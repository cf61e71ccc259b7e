import { adminKeys } from '../admin-keys';

export const catalogKeys = {
  all: [...adminKeys.all, 'catalog'] as const,
  list: () => [...catalogKeys.all, 'list'] as const,
  model: (modelId: string) => [...catalogKeys.all, 'model', modelId] as const,
};
