import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/errors';
import type { Problem } from '../../../api/handoff-schemas';
import { handoffQueries } from '../../../lib/handoff-queries';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useDraftStore } from '../../../stores/draft-store';
import { checkpointMutations } from '../api/mutations';

/** Pause after the last keystroke before the text goes to the server. */
export const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; reason: string | null };

export type FlushResult = 'saved' | 'nothing' | 'failed' | 'conflict';

interface Options {
  handoffId: string;
  /** Off while the item cannot be edited or a conflict waits for the reviewer. */
  enabled: boolean;
  /** The server refused because the item changed or someone else holds it. */
  onConflict: (problem: Problem) => void;
}

const conflictCodes = new Set<Problem['code']>([
  'version_conflict',
  'not_claimant',
  'illegal_transition',
]);

/**
 * Sends the local draft to the server after a pause in typing. Saves run one at a time, each
 * with the version the text was written against, and the result moves the local draft along:
 * synced if nothing was typed meanwhile, based on the new version if the save claimed the item.
 */
export function useDraftAutosave({ handoffId, enabled, onConflict }: Options) {
  const queryClient = useQueryClient();
  const save = useMutation(checkpointMutations.saveDraft(handoffId));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<FlushResult>>(Promise.resolve('nothing'));
  const live = useRef({ enabled, onConflict, mutateAsync: save.mutateAsync });
  live.current = { enabled, onConflict, mutateAsync: save.mutateAsync };
  const mounted = useRef(true);

  const saveNow = useCallback(async (): Promise<FlushResult> => {
    const local = useDraftStore.getState().drafts[handoffId];
    if (!live.current.enabled || !local || local.syncedAt !== null) return 'nothing';
    const { text, actions, baseVersion: version } = local;
    if (mounted.current) setState({ kind: 'saving' });
    try {
      const saved = await live.current.mutateAsync({
        text,
        ...(actions ? { actions } : {}),
        version,
        key: newIdempotencyKey(),
      });
      queryClient.setQueryData(handoffQueries.detail(handoffId).queryKey, saved);
      const savedAt = saved.workingDraft?.savedAt ?? saved.updatedAt;
      useDraftStore.getState().markSynced(handoffId, {
        text,
        ...(actions ? { actions } : {}),
        savedAt,
        sentVersion: version,
        version: saved.version,
      });
      if (mounted.current) setState({ kind: 'saved', at: savedAt });
      return 'saved';
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      if (problem && conflictCodes.has(problem.code) && problem.current) {
        if (mounted.current) setState({ kind: 'failed', reason: problem.title });
        live.current.onConflict(problem);
        return 'conflict';
      }
      const reason = problem ? (problem.detail ?? problem.title) : null;
      if (mounted.current) setState({ kind: 'failed', reason });
      return 'failed';
    }
  }, [handoffId, queryClient]);

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  /** Saves now (after any save in flight) and reports how it went. */
  const flush = useCallback((): Promise<FlushResult> => {
    cancel();
    chain.current = chain.current.then(saveNow, saveNow);
    return chain.current;
  }, [cancel, saveNow]);

  /** Waits for any save in flight without starting one. */
  const settle = useCallback((): Promise<unknown> => {
    cancel();
    return chain.current.catch(() => undefined);
  }, [cancel]);

  const schedule = useCallback(
    (delay = AUTOSAVE_DELAY_MS) => {
      cancel();
      setState((s) => (s.kind === 'saving' ? s : { kind: 'idle' }));
      timer.current = setTimeout(() => {
        timer.current = null;
        void flush();
      }, delay);
    },
    [cancel, flush],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  // Text kept on this device but not on the server (restored after a reload, or an earlier
  // save failed): send it as soon as the item can take it.
  useEffect(() => {
    if (!enabled) return;
    const local = useDraftStore.getState().drafts[handoffId];
    if (local && local.syncedAt === null) schedule(0);
  }, [enabled, handoffId, schedule]);

  return { state, schedule, flush, settle, cancel };
}
