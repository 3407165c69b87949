import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { invalidates?: QueryKey[] };
  }
}

/**
 * Mutations name what they make stale in `meta.invalidates`; this one place acts on it.
 * Problems from the server (4xx) are answers, not glitches, so they are never retried.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onSettled: (_data, _error, _vars, _ctx, mutation) => {
        for (const key of mutation.meta?.invalidates ?? []) {
          void client.invalidateQueries({ queryKey: key });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.retryable),
      },
    },
  });
  return client;
}
