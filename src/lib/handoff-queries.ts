import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { HandoffListParams, Level } from '../api/handoff-schemas';
import { apiOf } from './api-context';

/*
 * Query keys and options for handoffs, shared by every screen that shows them. Plain functions:
 * building a key needs no API client; the query function reaches it through its context.
 * Keys run generic to specific so one invalidation can reach every list or one item.
 */
export const handoffQueries = {
  all: () => ['handoffs'] as const,
  lists: () => [...handoffQueries.all(), 'list'] as const,
  details: () => [...handoffQueries.all(), 'detail'] as const,
  events: () => [...handoffQueries.all(), 'events'] as const,

  list: (params: Omit<HandoffListParams, 'cursor'>) =>
    infiniteQueryOptions({
      queryKey: [...handoffQueries.lists(), params] as const,
      queryFn: ({ client, pageParam }) =>
        apiOf(client).listHandoffs({ query: { ...params, cursor: pageParam ?? undefined } }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),

  detail: (id: string) =>
    queryOptions({
      queryKey: [...handoffQueries.details(), id] as const,
      queryFn: ({ client }) => apiOf(client).getHandoff({ params: { id } }),
    }),

  eventsOf: (id: string) =>
    queryOptions({
      queryKey: [...handoffQueries.events(), id] as const,
      queryFn: ({ client }) => apiOf(client).listHandoffEvents({ params: { id } }),
    }),

  /** How many AI failures wait at `level`: a count, refreshed by whatever refreshes the lists. */
  failedCount: (level: Level) =>
    queryOptions({
      queryKey: [...handoffQueries.all(), 'failed-count', level] as const,
      queryFn: ({ client }) =>
        apiOf(client).listHandoffs({ query: { status: ['failed'], level: [level], limit: 1 } }),
      meta: { follows: handoffQueries.lists() },
      refetchInterval: 30_000,
    }),
};

export const userQueries = {
  all: () => ['users'] as const,
  me: (actorId: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'me', actorId] as const,
      queryFn: ({ client }) => apiOf(client).getMe(),
    }),
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ client }) => apiOf(client).listUsers(),
      staleTime: 5 * 60_000,
    }),
};
