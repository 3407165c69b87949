import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import { provideApi } from '../lib/api-context';
import { invalidate } from '../lib/invalidate';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { invalidates?: QueryKey[] };
    /** `follows`: a key this query's data derives from; invalidating it reaches this query too. */
    queryMeta: { follows?: QueryKey };
  }
}

/**
 * Mutations name what they make stale in `meta.invalidates`; this one place acts on it.
 * Problems from the server (4xx) are answers, not glitches, so they are never retried.
 * Queries and mutations reach `api` through the client they run in.
 */
export function createQueryClient(api: ApiClient): QueryClient {
  const client: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSettled: (_data, _error, _vars, _ctx, mutation) => {
        for (const key of mutation.meta?.invalidates ?? []) void invalidate(client, key);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.retryable),
      },
    },
  });
  provideApi(client, api);
  return client;
}
