import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { BatchDecision, SimilarGroupsParams } from '../../../api/batch-schemas';
import { apiOf } from '../../../lib/api-context';
import { handoffQueries } from '../../../lib/handoff-queries';

/** The queue's similar-item groups and the one decision over many items. */
export const batchQueries = {
  groups: (params: SimilarGroupsParams) =>
    queryOptions({
      queryKey: [...handoffQueries.all(), 'groups', params] as const,
      queryFn: ({ client }) => apiOf(client).listSimilarGroups({ query: params }),
      // Derived from the lists: whatever moves them moves the groups.
      meta: { follows: handoffQueries.lists() },
    }),
};

export interface BatchInput {
  batchId: string;
  decision: BatchDecision;
  items: { id: string; version: number }[];
  timeOnBatchMs: number;
}

export const batchMutations = {
  decide: () =>
    mutationOptions({
      mutationKey: [...handoffQueries.all(), 'batch'] as const,
      // The batch id is the idempotency key: sending it again applies nothing twice.
      mutationFn: (body: BatchInput, { client }) =>
        apiOf(client).decideBatch({ body, idempotencyKey: body.batchId }),
      meta: { invalidates: [handoffQueries.all()] },
    }),
};
