import { mutationOptions } from '@tanstack/react-query';
import type {
  DecisionRequest,
  InitiationRequest,
  PauseRequest,
  ReassignRequest,
} from '../../../api/handoff-schemas';
import { apiOf } from '../../../lib/api-context';
import { handoffQueries } from '../../../lib/handoff-queries';

/*
 * Writes on one handoff. Each takes the idempotency key of the user intent it serves, so a
 * retry of the same intent reuses it. What each makes stale is declared in `meta.invalidates`
 * and acted on once, in the app's MutationCache.
 */

const eventsKey = (id: string) => handoffQueries.eventsOf(id).queryKey;
const detailKey = (id: string) => handoffQueries.detail(id).queryKey;

export const checkpointMutations = {
  claim: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'claim', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }, { client }) =>
        apiOf(client).claimHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  release: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'release', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }, { client }) =>
        apiOf(client).releaseHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  saveDraft: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'draft', id] as const,
      mutationFn: (
        { text, version, key }: { text: string; version: number; key: string },
        { client },
      ) =>
        apiOf(client).saveDraft({ params: { id }, body: { text, version }, idempotencyKey: key }),
      // A save may claim the item, which the queue shows.
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  decide: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'decide', id] as const,
      mutationFn: ({ body, key }: { body: DecisionRequest; key: string }, { client }) =>
        apiOf(client).decideHandoff({ params: { id }, body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id), detailKey(id)] },
    }),

  /** Override and recovery: each moves the item, so the lists, the trail and the item refresh. */
  pause: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'pause', id] as const,
      mutationFn: ({ body, key }: { body: PauseRequest; key: string }, { client }) =>
        apiOf(client).pauseHandoff({ params: { id }, body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  takeOver: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'take-over', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }, { client }) =>
        apiOf(client).takeOverHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  retry: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'retry', id] as const,
      mutationFn: ({ version, key }: { version: number; key: string }, { client }) =>
        apiOf(client).retryHandoff({ params: { id }, body: { version }, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  reassign: (id: string) =>
    mutationOptions({
      mutationKey: ['handoffs', 'reassign', id] as const,
      mutationFn: ({ body, key }: { body: ReassignRequest; key: string }, { client }) =>
        apiOf(client).reassignHandoff({ params: { id }, body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists(), eventsKey(id)] },
    }),

  /** Hands the AI a task; the new item appears in the lists. */
  initiate: () =>
    mutationOptions({
      mutationKey: ['handoffs', 'initiate'] as const,
      mutationFn: ({ body, key }: { body: InitiationRequest; key: string }, { client }) =>
        apiOf(client).initiateHandoff({ body, idempotencyKey: key }),
      meta: { invalidates: [handoffQueries.lists()] },
    }),
};
