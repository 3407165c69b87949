import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { Handoff, ReassignRequest } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useDraftStore } from '../../../stores/draft-store';
import { checkpointMutations } from '../api/mutations';

export type KindAction = 'pause' | 'takeOver' | 'retry' | 'reassign';

/**
 * Override and recovery on one item: pause or take over the AI, retry a failed task, hand it
 * on. Each answer replaces the item on screen; a refusal that carries the item as it is now
 * shows that instead, so the reviewer sees why.
 */
export function useKindActions(handoff: Handoff) {
  const queryClient = useQueryClient();
  const id = handoff.id;
  const pause = useMutation(checkpointMutations.pause(id));
  const takeOver = useMutation(checkpointMutations.takeOver(id));
  const retry = useMutation(checkpointMutations.retry(id));
  const reassign = useMutation(checkpointMutations.reassign(id));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = pause.isPending || takeOver.isPending || retry.isPending || reassign.isPending;

  async function run(work: (key: string) => Promise<Handoff>, said: (h: Handoff) => string) {
    if (busy) return false;
    setError(null);
    setDone(null);
    const version = handoff.version;
    try {
      const next = await work(newIdempotencyKey());
      queryClient.setQueryData(handoffQueries.detail(id).queryKey, next);
      useDraftStore.getState().advanceVersion(id, version, next.version);
      setDone(said(next));
      return true;
    } catch (e) {
      setError(e);
      const current = e instanceof ApiError ? e.problem?.current : undefined;
      if (current) queryClient.setQueryData(handoffQueries.detail(id).queryKey, current);
      return false;
    }
  }

  const version = handoff.version;
  return {
    busy,
    error,
    done,
    clear: () => {
      setError(null);
      setDone(null);
    },
    pause: () =>
      run(
        (key) => pause.mutateAsync({ body: { version }, key }),
        () => 'The AI stopped. The item waits for a person with its partial work.',
      ),
    takeOver: () =>
      run(
        (key) => takeOver.mutateAsync({ version, key }),
        () => 'You hold this item now. Edit the draft and decide.',
      ),
    retry: () =>
      run(
        (key) => retry.mutateAsync({ version, key }),
        (h) =>
          h.status === 'failed'
            ? 'The AI failed again the same way. Take it over or reassign it.'
            : 'The AI finished on retry. The new draft is below, and the item is yours.',
      ),
    reassign: (body: Omit<ReassignRequest, 'version'>) =>
      run(
        (key) => reassign.mutateAsync({ body: { ...body, version }, key }),
        (h) =>
          h.assignee
            ? `Reassigned to ${h.assignee.name}.`
            : 'Reassigned; that level has been told.',
      ),
  };
}
