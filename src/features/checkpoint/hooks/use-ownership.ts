import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Handoff } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useDraftStore } from '../../../stores/draft-store';
import { checkpointMutations } from '../api/mutations';
import type { FlushResult } from './use-draft-autosave';
import type { Snapshot } from './use-fresh-snapshot';

/**
 * Claiming and releasing the item. Both move its version, so the local draft's base version
 * moves along with them and the next save is not refused as stale.
 */
export function useOwnership({
  handoffId,
  handoff,
  canClaim,
  heldByMe,
  flush,
  snapshot,
  clearFailure,
  refuse,
}: {
  handoffId: string;
  handoff: Handoff;
  canClaim: boolean;
  heldByMe: boolean;
  flush: () => Promise<FlushResult>;
  snapshot: () => Snapshot;
  clearFailure: () => void;
  refuse: (error: unknown, action: 'claim' | 'release') => void;
}) {
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
    if ((await flush()) === 'conflict') return;
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
