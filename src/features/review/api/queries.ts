import { queryOptions } from '@tanstack/react-query';
import type { Category } from '../../../api/handoff-schemas';
import { apiOf, apiQuery } from '../../../lib/api-context';
import { handoffQueries } from '../../../lib/handoff-queries';

/** How many sampled items one screen lists; the rest wait their turn (the total says how many). */
export const REVIEW_PAGE_SIZE = 50;

/**
 * A review elsewhere changes no item, so no change event announces it: the list also polls,
 * slowly, to drop what others reviewed.
 */
export const REVIEW_POLL_MS = 30_000;

/** Post-hoc reviews: sampled replies the policy sent on its own, waiting for a grade. */
export const reviewQueries = {
  all: () => ['reviews'] as const,
  lists: () => [...reviewQueries.all(), 'list'] as const,
  /** How many sampled items get a second, blind review, and the version of that setting. */
  settings: () => apiQuery([...reviewQueries.all(), 'settings'], (api) => api.getPostHocSettings()),
  list: (category: Category | undefined) =>
    queryOptions({
      queryKey: [...reviewQueries.lists(), category ?? 'all'] as const,
      queryFn: ({ client }) =>
        apiOf(client).listPostHocQueue({ query: { category, limit: REVIEW_PAGE_SIZE } }),
      // What refreshes the handoff lists (live changes: new sampled arrivals) refreshes it too.
      meta: { follows: handoffQueries.lists() },
      refetchInterval: REVIEW_POLL_MS,
    }),
};
