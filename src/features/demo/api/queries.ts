import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';

export const demoQueries = {
  all: () => ['demo'] as const,
  settings: (api: ApiClient) =>
    queryOptions({
      queryKey: [...demoQueries.all(), 'settings'] as const,
      queryFn: () => api.getDemoSettings(),
    }),
};
