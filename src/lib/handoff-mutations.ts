import { mutationOptions } from '@tanstack/react-query';
import { apiOf } from './api-context';
import { handoffQueries } from './handoff-queries';

/** Handoff writes that more than one screen makes (the queue and the checkpoint). */
export const handoffMutations = {
  /** Claims the highest-priority unclaimed item within the reviewer's authority. */
  claimNext: () =>
    mutationOptions({
      mutationKey: [...handoffQueries.all(), 'claim-next'] as const,
      mutationFn: ({ key }: { key: string }, { client }) =>
        apiOf(client).claimNextHandoff({ idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists()] },
    }),
};
