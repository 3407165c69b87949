import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';

/** The routing policy and its audited history (the ladder is in lib/ladder-queries). */
export const policyQueries = {
  all: () => ['policy'] as const,

  current: (api: ApiClient) =>
    queryOptions({
      queryKey: [...policyQueries.all(), 'current'] as const,
      queryFn: () => api.getPolicy(),
    }),

  changes: (api: ApiClient) =>
    queryOptions({
      queryKey: [...policyQueries.all(), 'changes'] as const,
      queryFn: () => api.policyChanges(),
    }),
};
