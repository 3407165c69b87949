import { mutationOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';
import type {
  DecisionRequest,
  InitiationRequest,
  PauseRequest,
  ReassignRequest,
} from '../../../api/schemas';
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
        api.claimHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  release: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'release', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }) =>
        api.releaseHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  saveDraft: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'draft', id] as const,
      mutationFn: ({ text, version, key }: { text: string; version: number; key: string }) =>
        api.saveDraft({ params: { id }, body: { text, version }, idempotencyKey: key }),
      // A save may claim the item, which the queue shows.
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  decide: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'decide', id] as const,
      mutationFn: ({ body, key }: { body: DecisionRequest; key: string }) =>
        api.decideHandoff({ params: { id }, body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id), detailKey(id)] },
    }),

  /** Override and recovery: each moves the item, so the lists, the trail and the item refresh. */
  pause: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'pause', id] as const,
      mutationFn: ({ body, key }: { body: PauseRequest; key: string }) =>
        api.pauseHandoff({ params: { id }, body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  takeOver: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'take-over', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }) =>
        api.takeOverHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  retry: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'retry', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }) =>
        api.retryHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  reassign: (api: ApiClient, id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'reassign', id] as const,
      mutationFn: ({ body, key }: { body: ReassignRequest; key: string }) =>
        api.reassignHandoff({ params: { id }, body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  /** Hands the AI a task; the new item appears in the lists. */
  initiate: (api: ApiClient) =>
    mutationOptions({
      mutationKey: ['handoffs', 'initiate'] as const,
      mutationFn: ({ body, key }: { body: InitiationRequest; key: string }) =>
        api.initiateHandoff({ body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists()] },
    }),

  claimNext: (api: ApiClient) =>
    mutationOptions({
      mutationKey: ['handoffs', 'claim-next'] as const,
      mutationFn: ({ key }: { key: string }) => api.claimNextHandoff({ idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists()] },
    }),
};
