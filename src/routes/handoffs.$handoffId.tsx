import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../api/errors';
import { CheckpointScreen } from '../features/checkpoint/components/checkpoint-screen';
import {
  CheckpointError,
  CheckpointNotFound,
  CheckpointPending,
} from '../features/checkpoint/components/checkpoint-states';
import { handoffQueries } from '../lib/handoff-queries';
import { ladderQueries } from '../lib/ladder-queries';

export const Route = createFileRoute('/handoffs/$handoffId')({
  loader: async ({ context, params }) => {
    // Fetched alongside the item, not after it: the authority preview needs the ladder.
    void context.queryClient.prefetchQuery(ladderQueries.current());
    try {
      await context.queryClient.ensureQueryData(handoffQueries.detail(params.handoffId));
    } catch (error) {
      if (error instanceof ApiError && error.problem?.code === 'not_found') throw notFound();
      throw error;
    }
  },
  pendingComponent: CheckpointPending,
  errorComponent: ({ error }) => <CheckpointError error={error} />,
  notFoundComponent: CheckpointNotFound,
  component: CheckpointRoute,
});

function CheckpointRoute() {
  const { handoffId } = Route.useParams();
  // Keyed by id: opening the next item starts a fresh checkpoint (timer, acknowledgements, forms).
  return <CheckpointScreen key={handoffId} handoffId={handoffId} />;
}
