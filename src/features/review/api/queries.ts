import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';
import type { Category } from '../../../api/schemas';
import { handoffQueries } from '../../../lib/handoff-queries';

/** How many sampled items one screen lists; the rest wait their turn (the total says how many). */
export const REVIEW_PAGE_SIZE = 50;

/**
 * A review elsewhere changes no item, so no change event announces it: the list also polls,
 * slowly, to drop what others reviewed.
 */
export const REVIEW_POLL_MS = 30_000;

export const reviewQueries = {
  // Under the handoff lists, so live changes (new sampled arrivals) refresh it too.
  all: () => [...handoffQueries.lists(), 'post-hoc'] as const,
  queue: (api: ApiClient, category: Category | undefined) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), category ?? 'all'] as const,
      queryFn: () => api.listPostHocQueue({ query: { category, limit: REVIEW_PAGE_SIZE } }),
      refetchInterval: REVIEW_POLL_MS,
    }),
};
