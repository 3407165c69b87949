import { partialMatchKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * Marks stale every query under `key`, and every query that declares in `meta.follows` that it
 * derives from data under `key` (a list of another shape that the same changes move). So a
 * query can follow the handoff lists without pretending to be one of them.
 */
export function invalidate(queryClient: QueryClient, key: QueryKey): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) =>
      partialMatchKey(query.queryKey, key) ||
      (query.meta?.follows !== undefined && partialMatchKey(query.meta.follows, key)),
  });
}
