import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { HandoffListParams } from '../api/schemas';

/*
 * Query keys and options for handoffs, shared by every screen that shows them.
 * Keys run generic to specific so one invalidation can reach every list or one item.
 */
export const handoffQueries = {
  all: () => ['handoffs'] as const,
  lists: () => [...handoffQueries.all(), 'list'] as const,
  details: () => [...handoffQueries.all(), 'detail'] as const,
  events: () => [...handoffQueries.all(), 'events'] as const,

  list: (api: ApiClient, params: Omit<HandoffListParams, 'cursor'>) =>
    infiniteQueryOptions({
      queryKey: [...handoffQueries.lists(), params] as const,
      queryFn: ({ pageParam }) =>
        api.listHandoffs({ query: { ...params, cursor: pageParam ?? undefined } }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),

  detail: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...handoffQueries.details(), id] as const,
      queryFn: () => api.getHandoff({ params: { id } }),
    }),

  eventsOf: (api: ApiClient, id: string) =>
    queryOptions({
      queryKey: [...handoffQueries.events(), id] as const,
      queryFn: () => api.listHandoffEvents({ params: { id } }),
    }),
};

export const userQueries = {
  all: () => ['users'] as const,
  me: (api: ApiClient, actorId: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'me', actorId] as const,
      queryFn: () => api.getMe(),
    }),
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: () => api.listUsers(),
      staleTime: 5 * 60_000,
    }),
};
