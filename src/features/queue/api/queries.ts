import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import type { HandoffListParams } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';

/** How often the open queue refreshes itself. */
export const QUEUE_REFRESH_MS = 10_000;
/** Past this many loaded pages a refresh refetches a lot of rows; slow down instead. */
const DEEP_SCROLL_PAGES = 10;
const DEEP_SCROLL_REFRESH_MS = 60_000;
/** While the change stream is live it drives refreshes; polling is only a safety net. */
export const LIVE_REFRESH_MS = DEEP_SCROLL_REFRESH_MS;

/**
 * The queue's view of the shared handoff list: the same key as `handoffQueries.list` (so the
 * route loader and the screen share one cache entry), kept current by polling, and showing
 * the previous rows while a new filter loads instead of flashing to empty.
 */
export const queueQueries = {
  list: (params: Omit<HandoffListParams, 'cursor'>, live = false) =>
    infiniteQueryOptions({
      ...handoffQueries.list(params),
      refetchInterval: (query) =>
        live || (query.state.data?.pages.length ?? 0) > DEEP_SCROLL_PAGES
          ? LIVE_REFRESH_MS
          : QUEUE_REFRESH_MS,
      placeholderData: keepPreviousData,
    }),
};
