import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Handoff, Problem } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';
import { useDraftStore } from '../../../stores/draft-store';
import { latestDraft } from '../lib/latest-draft';
import type { Snapshot } from './use-fresh-snapshot';

export interface Conflict {
  problem: Problem;
  current: Handoff;
  mine: { text: string; version: number };
}

/**
 * A write the server refused because the item moved on: holds the reviewer's text beside the
 * current item until they keep theirs (rebased on the current version) or discard it.
 */
export function useConflict({
  handoffId,
  snapshot,
  onKeptMine,
}: {
  handoffId: string;
  snapshot: () => Snapshot;
  onKeptMine: () => void;
}) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const showConflict = useCallback(
    (problem: Problem) => {
      if (!problem.current) return;
      const s = snapshot();
      setConflict({
        problem,
        current: problem.current,
        mine: { text: s.text, version: s.version },
      });
    },
    [snapshot],
  );

  const keepMine = () => {
    if (!conflict) return;
    const { current, mine } = conflict;
    const store = useDraftStore.getState();
    queryClient.setQueryData(handoffQueries.detail(handoffId).queryKey, current);
    store.setText(handoffId, mine.text, {
      baseVersion: current.version,
      baseDraftNumber: latestDraft(current).number,
    });
    store.rebase(handoffId, current.version, latestDraft(current).number);
    setConflict(null);
    onKeptMine();
  };

  const discardMine = () => {
    if (!conflict) return;
    queryClient.setQueryData(handoffQueries.detail(handoffId).queryKey, conflict.current);
    useDraftStore.getState().clear(handoffId);
    setConflict(null);
  };

  return { conflict, showConflict, keepMine, discardMine };
}
