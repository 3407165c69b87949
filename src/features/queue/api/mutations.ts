import { mutationOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';
import { handoffQueries } from '../../../lib/handoff-queries';

export const queueMutations = {
  /** Claims the highest-priority unclaimed item within the reviewer's authority. */
  claimNext: (api: ApiClient) =>
    mutationOptions({
      mutationKey: [...handoffQueries.all(), 'claim-next'] as const,
      mutationFn: (idempotencyKey: string) => api.claimNextHandoff({ idempotencyKey }),
      meta: { invalidates: [handoffQueries.lists()] },
    }),
};
