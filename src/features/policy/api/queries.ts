import { queryOptions } from '@tanstack/react-query';
import { apiOf } from '../../../lib/api-context';

/** The routing policy and its audited history (the ladder is in lib/ladder-queries). */
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
      queryFn: ({ client }) => apiOf(client).listPolicyChanges(),
    }),
};
