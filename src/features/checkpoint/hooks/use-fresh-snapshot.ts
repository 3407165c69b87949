import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ProposedAction } from '../../../api/action-schemas';
import type { Handoff } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';
import { chooseText, useDraftStore } from '../../../stores/draft-store';
import { chooseActions } from '../lib/chosen-actions';
import { latestDraft } from '../lib/latest-draft';

export interface Snapshot {
  h: Handoff;
  text: string;
  /** The actions approving would carry out, as the reviewer sees them now. */
  actions: ProposedAction[];
  version: number;
}

/**
 * Reads the item and the reviewer's text as they are now, not as the last render saw them:
 * async work (saves, decisions) resumes after both may have moved on.
 */
export function useFreshSnapshot(handoffId: string, handoff: Handoff): () => Snapshot {
  const queryClient = useQueryClient();
  return useCallback(() => {
    const h =
      queryClient.getQueryData<Handoff>(handoffQueries.detail(handoffId).queryKey) ?? handoff;
    const l = useDraftStore.getState().drafts[handoffId];
    const t = chooseText(l, h.workingDraft, latestDraft(h).text).text;
    const version = l && l.syncedAt === null ? l.baseVersion : h.version;
    return { h, text: t, actions: chooseActions(h, l, t).actions, version };
  }, [queryClient, handoffId, handoff]);
}
