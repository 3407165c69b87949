import type { QueryClient, QueryKey } from '@tanstack/react-query';

type InfiniteOptions<T, K extends QueryKey, P> = Parameters<
  typeof QueryClient.prototype.ensureInfiniteQueryData<T, Error, T, K, P>
>[0];

/**
 * A paged list route's loader. A filter changed on the page itself (`stay`) keeps the current
 * rows on screen while the new ones load, rather than holding the navigation (and the search
 * box) hostage; arriving on the page waits for the first page, but only until its first attempt
 * fails: the retries then run with the page shown, which says that it is retrying. A failure is
 * shown in place by the list, with a retry, so the page around it keeps working.
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
  await untilFirstFailure(queryClient, options.queryKey, () =>
    queryClient.ensureInfiniteQueryData(options),
  );
}

/** Resolves when `load` settles or the query behind `key` has failed once, whichever is first. */
function untilFirstFailure(
  queryClient: QueryClient,
  key: QueryKey,
  load: () => Promise<unknown>,
): Promise<void> {
  return new Promise((resolve) => {
    const cache = queryClient.getQueryCache();
    const done = () => {
      unsubscribe();
      resolve();
    };
    const unsubscribe = cache.subscribe(() => {
      if ((queryClient.getQueryState(key)?.fetchFailureCount ?? 0) > 0) done();
    });
    load().then(done, done);
  });
}
