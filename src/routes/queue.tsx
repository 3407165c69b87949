import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { QueuePage } from '../features/queue/components/queue-page';
import {
  filterDeps,
  queueSearchDefaults,
  queueSearchSchema,
  toListParams,
} from '../features/queue/queue-search';
import { handoffQueries } from '../lib/handoff-queries';

export const Route = createFileRoute('/queue')({
  validateSearch: queueSearchSchema,
  search: { middlewares: [stripSearchParams(queueSearchDefaults)] },
  // The highlighted row is view state only: moving it must not reload the list.
  loaderDeps: ({ search }) => filterDeps(search),
  // Freshness is the Query cache's job (it polls): the router need not rerun the loader when
  // only the highlighted row changes. New filters are new deps and always load.
  staleTime: Number.POSITIVE_INFINITY,
  loader: async ({ context: { queryClient }, deps, cause }) => {
    const options = handoffQueries.list(toListParams(deps));
    if (cause === 'stay') {
      // A filter changed on the page itself: keep the current rows on screen while the
      // new ones load, rather than holding the navigation (and the search box) hostage.
      void queryClient.prefetchInfiniteQuery(options);
      return;
    }
    // A failure is shown in place by the list, with a retry; the page around it keeps working.
    await queryClient.ensureInfiniteQueryData(options).catch(() => undefined);
  },
  component: QueuePage,
});
