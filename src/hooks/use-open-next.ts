import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Handoff } from '../api/handoff-schemas';
import { handoffMutations } from '../lib/handoff-mutations';
import { handoffQueries } from '../lib/handoff-queries';

/**
 * Opening the next item, from the queue ("Claim next") or after a decision: the server claims
 * the highest-priority unclaimed item within the reviewer's authority and the checkpoint opens
 * on the item just returned, without another round trip. The key names the intent: a retry
 * reuses it, so a claim that did land is not repeated. Refusals (queue_empty too) are thrown
 * and stay on `mutation.error`.
 */
export function useOpenNext() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation(handoffMutations.claimNext());

  /** `flash` says, on the item that opens, what just happened. */
  const open = async (key: string, flash?: (next: Handoff) => string): Promise<Handoff> => {
    const next = await mutation.mutateAsync({ key });
    queryClient.setQueryData(handoffQueries.detail(next.id).queryKey, next);
    // The next item's history loads alongside the navigation rather than after its first paint.
    void queryClient.prefetchQuery(handoffQueries.eventsOf(next.id));
    await navigate({
      to: '/handoffs/$handoffId',
      params: { handoffId: next.id },
      ...(flash ? { state: (prev) => ({ ...prev, flash: flash(next) }) } : {}),
    });
    return next;
  };

  return { mutation, open };
}
