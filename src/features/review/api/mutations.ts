import type { PostHocReviewRequest } from '../../../api/post-hoc-schemas';
import { apiMutation } from '../../../lib/api-context';
import { reviewQueries } from './queries';

export const reviewMutations = {
  /** Grades one sent reply; under the key of the reviewer's intent, so a retry grades it once. */
  submit: () =>
    apiMutation(
      [...reviewQueries.all(), 'submit'],
      (api, { id, body, key }: { id: string; body: PostHocReviewRequest; key: string }) =>
        api.submitPostHocReview({ params: { id }, body, idempotencyKey: key }),
      // The list refetches after any answer: a 409 means the item is gone from it.
      [reviewQueries.all()],
    ),
};
