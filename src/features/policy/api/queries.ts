import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';

/** The routing policy, its audited history and the escalation ladder. */
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
      queryFn: () => api.listPolicyChanges(),
    }),

  ladder: (api: ApiClient) =>
    queryOptions({
      queryKey: [...policyQueries.all(), 'ladder'] as const,
      queryFn: () => api.getLadder(),
      staleTime: 30 * 60_000,
    }),
};
