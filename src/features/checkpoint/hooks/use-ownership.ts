import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Handoff } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useDraftStore } from '../../../stores/draft-store';
import { checkpointMutations } from '../api/mutations';
import type { DraftSession } from './use-draft-session';

/**
 * Claiming and releasing the item. Both move its version, so the local draft's base version
 * moves along with them and the next save is not refused as stale.
 */
export function useOwnership({
  handoffId,
  handoff,
  canClaim,
  heldByMe,
  session,
  refusals,
}: {
  handoffId: string;
  handoff: Handoff;
  canClaim: boolean;
  heldByMe: boolean;
  session: DraftSession;
  /** Where a refused claim or release is told: the decision flow's failure notices. */
  refusals: {
    clearFailure: () => void;
    refuse: (error: unknown, action: 'claim' | 'release') => void;
  };
}) {
  const { clearFailure, refuse } = refusals;
  const { snapshot } = session;

  const queryClient = useQueryClient();
  const claimMutation = useMutation(checkpointMutations.claim(handoffId));
  const releaseMutation = useMutation(checkpointMutations.release(handoffId));

  const claim = async () => {
    if (!canClaim || claimMutation.isPending) return;
    const version = handoff.version;
    clearFailure();
    try {
      const h = await claimMutation.mutateAsync({ version, key: newIdempotencyKey() });
      queryClient.setQueryData(handoffQueries.detail(handoffId).queryKey, h);
      useDraftStore.getState().advanceVersion(handoffId, version, h.version);
    } catch (error) {
      refuse(error, 'claim');
    }
  };

  const release = async () => {
    if (!heldByMe || releaseMutation.isPending) return;
    clearFailure();
    // Release hands the item back: the text goes to the server first.
    if ((await session.autosave.flush()) === 'conflict') return;
    const s = snapshot();
    try {
      const h = await releaseMutation.mutateAsync({
        version: s.h.version,
        key: newIdempotencyKey(),
      });
      queryClient.setQueryData(handoffQueries.detail(handoffId).queryKey, h);
      useDraftStore.getState().advanceVersion(handoffId, s.h.version, h.version);
    } catch (error) {
      refuse(error, 'release');
    }
  };

  return { claim, release, pending: claimMutation.isPending || releaseMutation.isPending };
}
