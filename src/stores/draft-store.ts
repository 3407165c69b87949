import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProposedAction } from '../api/action-schemas';
import { sameActions } from '../domain/action-pairs';
import { decisionIntent, decisionScope, type PendingDecision } from './decision-intent';
import { useIntentStore } from './intent-store';

/*
 * The reviewer's work on a handoff that must survive a reload, a crash or a lost network:
 * the reply as typed (saved on every keystroke) and the proposed actions as edited. A decision the server has not yet confirmed
 * waits in the intent store, like every other unanswered write. Keyed by handoff id. The server copy (workingDraft) lives in the Query cache, not here.
 */

export const DRAFT_STORAGE_KEY = 'handoff-desk.drafts';

export interface LocalDraft {
  text: string;
  /** The AI draft number the text started from. */
  baseDraftNumber: number;
  /** The handoff version the text was written against: writes carry it (409 if stale). */
  baseVersion: number;
  /** Local clock, ms. */
  updatedAt: number;
  /** `savedAt` of the server copy holding exactly this text; null while the server lacks it. */
  syncedAt: string | null;
  /** The AI option the reviewer picked, if any. */
  selectedOptionId: string | null;
  /**
   * The reviewer's edit of the proposed actions; absent while they are as proposed. Optional,
   * so drafts kept before actions existed read as "not edited" without a migration.
   */
  actions?: ProposedAction[];
}

interface DraftState {
  drafts: Record<string, LocalDraft>;
  /** Records a keystroke (or any replacement of the text). */
  setText: (
    id: string,
    text: string,
    base: { baseVersion: number; baseDraftNumber: number; selectedOptionId?: string | null },
  ) => void;
  /** Records an edit of the proposed actions (`undefined`: back to the proposal). */
  setActions: (
    id: string,
    actions: ProposedAction[] | undefined,
    base: { text: string; baseVersion: number; baseDraftNumber: number },
  ) => void;
  setSelectedOption: (
    id: string,
    optionId: string | null,
    base: { text: string; baseVersion: number; baseDraftNumber: number },
  ) => void;
  /**
   * The server stored `text` (sent on `sentVersion`) and now is at `version`. Marks the draft
   * synced only if nothing was typed meanwhile; moves the base version along with our own write.
   */
  markSynced: (
    id: string,
    saved: {
      text: string;
      actions?: ProposedAction[];
      savedAt: string;
      sentVersion: number;
      version: number;
    },
  ) => void;
  /** Our own write moved the item from `from` to `to` (claim, release, save that claimed). */
  advanceVersion: (id: string, from: number, to: number) => void;
  /** Keep the text, adopt `version` as the new base (after a conflict). */
  rebase: (id: string, version: number, baseDraftNumber: number) => void;
  /** Forget the text of an item: its decision went through, or the reviewer discarded it. */
  clear: (id: string) => void;
}

const without = <T>(record: Record<string, T>, id: string): Record<string, T> => {
  if (!(id in record)) return record;
  const next = { ...record };
  delete next[id];
  return next;
};

/** Up to version 1, pending decisions were kept here, by handoff id. */
interface V1Intents {
  intents?: Record<string, PendingDecision>;
}

/** Hands decisions kept by version 1 to the intent store, unless it has newer ones. */
function moveDecisionsToIntents(intents: Record<string, PendingDecision>) {
  const store = useIntentStore.getState();
  for (const [id, pending] of Object.entries(intents)) {
    const scope = decisionScope(id);
    if (store.intents[scope] || !pending?.key || !pending.body) continue;
    // Unstamped, so this page load sees it as left over and offers it again.
    useIntentStore.setState((s) => ({
      intents: { ...s.intents, [scope]: decisionIntent(pending) },
    }));
  }
}

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      setText: (id, text, base) =>
        set((s) => {
          const prev = s.drafts[id];
          // Unsynced text keeps the base it was written on; synced text is the server's, so
          // new typing starts from what the reviewer sees now.
          const keepBase = prev !== undefined && prev.syncedAt === null;
          return {
            drafts: {
              ...s.drafts,
              [id]: {
                text,
                baseDraftNumber: keepBase ? prev.baseDraftNumber : base.baseDraftNumber,
                baseVersion: keepBase ? prev.baseVersion : base.baseVersion,
                updatedAt: Date.now(),
                syncedAt: null,
                selectedOptionId:
                  base.selectedOptionId !== undefined
                    ? base.selectedOptionId
                    : (prev?.selectedOptionId ?? null),
                ...(prev?.actions ? { actions: prev.actions } : {}),
              },
            },
          };
        }),
      setActions: (id, actions, base) =>
        set((s) => {
          const prev = s.drafts[id];
          const keepBase = prev !== undefined && prev.syncedAt === null;
          const next: LocalDraft = {
            text: prev?.text ?? base.text,
            baseDraftNumber: keepBase ? prev.baseDraftNumber : base.baseDraftNumber,
            baseVersion: keepBase ? prev.baseVersion : base.baseVersion,
            updatedAt: Date.now(),
            syncedAt: null,
            selectedOptionId: prev?.selectedOptionId ?? null,
          };
          if (actions) next.actions = actions;
          return { drafts: { ...s.drafts, [id]: next } };
        }),
      setSelectedOption: (id, optionId, base) =>
        set((s) => {
          const prev = s.drafts[id];
          return {
            drafts: {
              ...s.drafts,
              [id]: prev
                ? { ...prev, selectedOptionId: optionId }
                : {
                    text: base.text,
                    baseDraftNumber: base.baseDraftNumber,
                    baseVersion: base.baseVersion,
                    updatedAt: Date.now(),
                    syncedAt: null,
                    selectedOptionId: optionId,
                  },
            },
          };
        }),
      markSynced: (id, saved) =>
        set((s) => {
          const prev = s.drafts[id];
          if (!prev) return s;
          const baseVersion =
            prev.baseVersion === saved.sentVersion ? saved.version : prev.baseVersion;
          const same =
            prev.text === saved.text &&
            (prev.actions === saved.actions ||
              (prev.actions !== undefined &&
                saved.actions !== undefined &&
                sameActions(prev.actions, saved.actions)));
          const syncedAt = same ? saved.savedAt : prev.syncedAt;
          return { drafts: { ...s.drafts, [id]: { ...prev, baseVersion, syncedAt } } };
        }),
      advanceVersion: (id, from, to) =>
        set((s) => {
          const prev = s.drafts[id];
          if (!prev || prev.baseVersion !== from) return s;
          return { drafts: { ...s.drafts, [id]: { ...prev, baseVersion: to } } };
        }),
      rebase: (id, version, baseDraftNumber) =>
        set((s) => {
          const prev = s.drafts[id];
          if (!prev) return s;
          return {
            drafts: {
              ...s.drafts,
              [id]: { ...prev, baseVersion: version, baseDraftNumber, syncedAt: null },
            },
          };
        }),
      clear: (id) => set((s) => ({ drafts: without(s.drafts, id) })),
    }),
    {
      name: DRAFT_STORAGE_KEY,
      version: 2,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ drafts: s.drafts }),
      migrate: (persisted, version) => {
        const old = persisted as { drafts?: Record<string, LocalDraft> } & V1Intents;
        if (version < 2) moveDecisionsToIntents(old.intents ?? {});
        return { drafts: old.drafts ?? {} } as DraftState;
      },
    },
  ),
);

export interface ServerCopy {
  text: string;
  savedAt: string;
}

/**
 * Which text the editor shows. Local text the server has not confirmed always wins: it is the
 * newest thing this person typed. A synced local copy yields to a different, later server
 * copy (the same person on another device). Then the server's working draft, then the AI's.
 * Deliberately compares server timestamps with server timestamps only, never with this
 * device's clock, so clock skew cannot make an edit disappear.
 */
export function chooseText(
  local: LocalDraft | undefined,
  server: ServerCopy | null,
  aiDraft: string,
): { text: string; source: 'local' | 'server' | 'ai' } {
  if (local) {
    const serverIsNewer =
      local.syncedAt !== null &&
      server !== null &&
      server.savedAt !== local.syncedAt &&
      server.text !== local.text;
    if (!serverIsNewer) return { text: local.text, source: 'local' };
  }
  if (server) return { text: server.text, source: 'server' };
  return { text: aiDraft, source: 'ai' };
}
