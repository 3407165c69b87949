import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { DecisionAction, DecisionRequest } from '../api/handoff-schemas';

/*
 * The reviewer's work on a handoff that must survive a reload, a crash or a lost network:
 * the reply as typed (saved on every keystroke) and any decision the server has not yet
 * confirmed, with the idempotency key that makes a retry apply it exactly once.
 * Keyed by handoff id. The server copy (workingDraft) lives in the Query cache, not here.
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
}

/** A decision sent (or about to be) but not yet answered by the server. */
export interface PendingIntent {
  action: DecisionAction;
  /** One key per intent: a retry reuses it, so the server applies the decision once. */
  key: string;
  /** The exact body, so a retry is byte-for-byte the same request. */
  body: DecisionRequest;
  /** Key for opening the next item after this decision. */
  nextKey: string;
  createdAt: number;
}

interface DraftState {
  drafts: Record<string, LocalDraft>;
  intents: Record<string, PendingIntent>;
  /** Records a keystroke (or any replacement of the text). */
  setText: (
    id: string,
    text: string,
    base: { baseVersion: number; baseDraftNumber: number; selectedOptionId?: string | null },
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
    saved: { text: string; savedAt: string; sentVersion: number; version: number },
  ) => void;
  /** Our own write moved the item from `from` to `to` (claim, release, save that claimed). */
  advanceVersion: (id: string, from: number, to: number) => void;
  /** Keep the text, adopt `version` as the new base (after a conflict). */
  rebase: (id: string, version: number, baseDraftNumber: number) => void;
  setIntent: (id: string, intent: PendingIntent) => void;
  clearIntent: (id: string) => void;
  /** Forget everything about an item: its decision went through, or the reviewer discarded it. */
  clear: (id: string) => void;
}

const without = <T>(record: Record<string, T>, id: string): Record<string, T> => {
  if (!(id in record)) return record;
  const next = { ...record };
  delete next[id];
  return next;
};

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      intents: {},
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
              },
            },
          };
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
          const syncedAt = prev.text === saved.text ? saved.savedAt : prev.syncedAt;
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
      setIntent: (id, intent) => set((s) => ({ intents: { ...s.intents, [id]: intent } })),
      clearIntent: (id) => set((s) => ({ intents: without(s.intents, id) })),
      clear: (id) =>
        set((s) => ({ drafts: without(s.drafts, id), intents: without(s.intents, id) })),
    }),
    {
      name: DRAFT_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ drafts: s.drafts, intents: s.intents }),
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
