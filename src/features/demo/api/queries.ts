import { queryOptions } from '@tanstack/react-query';
import { apiOf } from '../../../lib/api-context';

export const demoQueries = {
  all: () => ['demo'] as const,
  settings: () =>
    queryOptions({
      queryKey: [...demoQueries.all(), 'settings'] as const,
      queryFn: ({ client }) => apiOf(client).getDemoSettings(),
    }),
};
