import { mutationOptions } from '@tanstack/react-query';
import type { PostHocReviewRequest } from '../../../api/post-hoc-schemas';
import { apiOf } from '../../../lib/api-context';
import { reviewQueries } from './queries';

export const reviewMutations = {
  /** Grades one sent reply; under the key of the reviewer's intent, so a retry grades it once. */
  submit: () =>
    mutationOptions({
      mutationKey: [...reviewQueries.all(), 'submit'] as const,
      mutationFn: (
        { id, body, key }: { id: string; body: PostHocReviewRequest; key: string },
        { client },
      ) => apiOf(client).submitPostHocReview({ params: { id }, body, idempotencyKey: key }),
      // The list refetches after any answer: a 409 means the item is gone from it.
      meta: { invalidates: [reviewQueries.all()] },
    }),
};
