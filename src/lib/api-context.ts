import {
  mutationOptions,
  type QueryClient,
  type QueryKey,
  queryOptions,
  useQueryClient,
} from '@tanstack/react-query';
import type { ApiClient } from '../api/client';

/*
 * The API client travels with the query client: query and mutation functions reach it through
 * the `client` of their TanStack context, so query keys and options need no client to be built
 * and a screen that renders data needs nothing beyond the QueryClientProvider.
 */
const apis = new WeakMap<QueryClient, ApiClient>();

/** Binds the API client every query and mutation of `queryClient` talks to. */
export function provideApi(queryClient: QueryClient, api: ApiClient): void {
  apis.set(queryClient, api);
}

export function apiOf(queryClient: QueryClient): ApiClient {
  const api = apis.get(queryClient);
  if (!api)
    throw new Error('This QueryClient has no API client: create it with createQueryClient(api).');
  return api;
}

/** For the few calls that are not server state (the change stream, exports, demo reset). */
export function useApi(): ApiClient {
  return apiOf(useQueryClient());
}

/** A query that reads one resource through the API client, under `queryKey`. */
export const apiQuery = <const K extends readonly unknown[], T>(
  queryKey: K,
  read: (api: ApiClient) => Promise<T>,
) => queryOptions({ queryKey, queryFn: ({ client }) => read(apiOf(client)) });

/**
 * A write through the API client, under `mutationKey`; once it is answered (done or refused),
 * the queries under each key of `invalidates` refetch (`meta.invalidates`, see query-client.ts).
 */
export const apiMutation = <const K extends readonly unknown[], V, T>(
  mutationKey: K,
  write: (api: ApiClient, variables: V) => Promise<T>,
  invalidates: QueryKey[],
) =>
  mutationOptions({
    mutationKey,
    mutationFn: (variables: V, { client }) => write(apiOf(client), variables),
    meta: { invalidates },
  });
