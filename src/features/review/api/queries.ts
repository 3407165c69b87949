import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/client';
import type { Category } from '../../../api/schemas';

/** How many sampled items one screen lists; the rest wait their turn (the total says how many). */
export const REVIEW_PAGE_SIZE = 50;

export const reviewQueries = {
  all: () => ['post-hoc'] as const,
  queue: (api: ApiClient, category: Category | undefined) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), category ?? 'all'] as const,
      queryFn: () => api.postHocQueue({ category, limit: REVIEW_PAGE_SIZE }),
    }),
};
