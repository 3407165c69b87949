import { createFileRoute, stripSearchParams } from '@tanstack/react-router';
import { QueuePage } from '../features/queue/components/queue-page';
import {
  filterDeps,
  queueSearchDefaults,
  queueSearchSchema,
  toListParams,
} from '../features/queue/queue-search';
import { handoffQueries } from '../lib/handoff-queries';
import { loadList } from '../lib/list-loader';

export const Route = createFileRoute('/queue')({
  validateSearch: queueSearchSchema,
  search: { middlewares: [stripSearchParams(queueSearchDefaults)] },
  // The highlighted row is view state only: moving it must not reload the list.
  loaderDeps: ({ search }) => filterDeps(search),
  // Freshness is the Query cache's job (it polls): the router need not rerun the loader when
  // only the highlighted row changes. New filters are new deps and always load.
  staleTime: Number.POSITIVE_INFINITY,
  loader: ({ context: { queryClient }, deps, cause }) =>
    loadList(queryClient, handoffQueries.list(toListParams(deps)), cause),
  component: QueuePage,
});
