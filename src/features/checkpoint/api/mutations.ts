import { mutationOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';
import type { DecisionRequest } from '../../../api/schemas';
import { handoffQueries } from '../../../lib/handoff-queries';

/*
 * Writes on one handoff. Each takes the idempotency key of the user intent it serves, so a
 * retry of the same intent reuses it. What each makes stale is declared in `meta.invalidates`
 * and acted on once, in the app's MutationCache.
 */

/** The same keys `handoffQueries.detail` and `handoffQueries.eventsOf` use. */
export const handoffDetailKey = (id: string) => [...handoffQueries.details(), id] as const;
export const handoffEventsKey = (id: string) => [...handoffQueries.events(), id] as const;
const eventsKey = handoffEventsKey;
const detailKey = handoffDetailKey;

export const checkpointMutations = {
  claim: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'claim', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }) =>
        api.claim(id, version, key),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  release: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'release', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }) =>
        api.release(id, version, key),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  saveDraft: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'draft', id] as const,
      mutationFn: ({ text, version, key }: { text: string; version: number; key: string }) =>
        api.saveDraft(id, { text, version }, key),
      // A save may claim the item, which the queue shows.
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  decide: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'decide', id] as const,
      mutationFn: ({ body, key }: { body: DecisionRequest; key: string }) =>
        api.decide(id, body, key),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id), detailKey(id)] },
    }),

  claimNext: (api: ApiClient) =>
    mutationOptions({
      mutationKey: ['handoffs', 'claim-next'] as const,
      mutationFn: ({ key }: { key: string }) => api.claimNext(key),
      meta: { invalidates: [handoffQueries.lists()] },
    }),
};
