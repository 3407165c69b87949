import type { QueryClient, QueryKey } from '@tanstack/react-query';

type InfiniteOptions<T, K extends QueryKey, P> = Parameters<
  typeof QueryClient.prototype.ensureInfiniteQueryData<T, Error, T, K, P>
>[0];

/**
 * A paged list route's loader. A filter changed on the page itself (`stay`) keeps the current
 * rows on screen while the new ones load, rather than holding the navigation (and the search
 * box) hostage; arriving on the page waits for the first page. A failure is shown in place by
 * the list, with a retry, so the page around it keeps working.
 */
export async function loadList<T, K extends QueryKey, P>(
  queryClient: QueryClient,
  options: InfiniteOptions<T, K, P>,
  cause: 'enter' | 'stay' | 'preload',
): Promise<void> {
  if (cause === 'stay') {
    void queryClient.prefetchInfiniteQuery(options);
    return;
  }
  await queryClient.ensureInfiniteQueryData(options).catch(() => undefined);
}
