import { queryOptions } from '@tanstack/react-query';
import { apiOf } from '../../../lib/api-context';

/** The routing policy, its audited history and the escalation ladder. */
export const policyQueries = {
  all: () => ['policy'] as const,

  current: () =>
    queryOptions({
      queryKey: [...policyQueries.all(), 'current'] as const,
      queryFn: ({ client }) => apiOf(client).getPolicy(),
    }),

  changes: () =>
    queryOptions({
      queryKey: [...policyQueries.all(), 'changes'] as const,
      queryFn: ({ client }) => apiOf(client).policyChanges(),
    }),

  ladder: () =>
    queryOptions({
      queryKey: [...policyQueries.all(), 'ladder'] as const,
      queryFn: ({ client }) => apiOf(client).ladder(),
      staleTime: 30 * 60_000,
    }),
};
