import { useQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ApiError } from '../api/errors';
import { CheckpointScreen } from '../features/checkpoint/components/checkpoint-screen';
import {
  CheckpointError,
  CheckpointNotFound,
  CheckpointPending,
} from '../features/checkpoint/components/checkpoint-states';
import { handoffQueries } from '../lib/handoff-queries';
import { ladderQueries } from '../lib/ladder-queries';
import { usePreferencesStore } from '../stores/preferences-store';

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
  useRememberRecent(handoffId);
  // Keyed by id: opening the next item starts a fresh checkpoint (timer, acknowledgements, forms).
  return <CheckpointScreen key={handoffId} handoffId={handoffId} />;
}

/** The command palette offers the items opened lately. */
function useRememberRecent(handoffId: string) {
  const ticket = useQuery({ ...handoffQueries.detail(handoffId), select: (h) => h.ticket });
  const addRecent = usePreferencesStore((s) => s.addRecent);
  const number = ticket.data?.number;
  const subject = ticket.data?.subject;
  useEffect(() => {
    if (number !== undefined && subject !== undefined) {
      addRecent({ id: handoffId, ticketNumber: number, subject });
    }
  }, [handoffId, number, subject, addRecent]);
}
