import '../api/zod-config';
import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { categorySchema } from '../api/handoff-schemas';
import { reviewQueries } from '../features/review/api/queries';
import { ReviewPage } from '../features/review/components/review-page';

const searchSchema = z.object({ category: z.catch(z.optional(categorySchema), undefined) });

export const Route = createFileRoute('/review')({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ category: search.category }),
  loader: async ({ context: { queryClient }, deps }) => {
    // A failure is shown in place, with a retry.
    await queryClient.ensureQueryData(reviewQueries.list(deps.category)).catch(() => undefined);
  },
  component: ReviewRoute,
});

function ReviewRoute() {
  const { category } = Route.useSearch();
  return <ReviewPage category={category} />;
}
