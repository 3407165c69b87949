import { apiQuery } from '../../../lib/api-context';

/** The routing policy and its audited history (the ladder is in lib/ladder-queries). */
export const policyQueries = {
  all: () => ['policy'] as const,
  current: () => apiQuery([...policyQueries.all(), 'current'], (api) => api.getPolicy()),
  changes: () => apiQuery([...policyQueries.all(), 'changes'], (api) => api.listPolicyChanges()),
};
