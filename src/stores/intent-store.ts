import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/*
 * Writes a person asked for that the server has not yet answered, keyed by the scope of the
 * intent (`review:<itemId>`, `decision:<handoffId>`, `policy-save`, …). Each keeps the
 * idempotency key it was sent with and what was sent, so a retry — in this tab or after a
 * reload — is the same request and the server applies it once. An intent leaves once applied
 * or refused for good.
 *
 * Each intent is stamped with the page load that last sent it. One stamped by an earlier load
 * was left unanswered by a reload or a crash and may be replayed; one stamped by this load is
 * in flight here (or failed here, where its own screen offers the retry) and must not be sent
 * a second time behind its back.
 */

export const INTENT_STORAGE_KEY = 'handoff-desk.intents';

export interface StoredIntent {
  key: string;
  /** What the intent is about (e.g. the text sent): a different value is a new intent. */
  of: string;
  /** The request as sent, for replaying it after a reload; absent until it was sent. */
  payload?: unknown;
  createdAt: number;
  /** The page load that last sent it; absent on intents kept before loads were told apart. */
  pageLoad?: string;
}

let pageLoad = crypto.randomUUID();

/** This page load, as stamped on the intents it sends. */
export const currentPageLoad = (): string => pageLoad;

/** Starts a new page load, as a reload does (tests use it to reload without a browser). */
export function beginPageLoad(): void {
  pageLoad = crypto.randomUUID();
}

/** The intent was left by an earlier page load: nothing here is waiting for its answer. */
export const isLeftOver = (intent: StoredIntent): boolean => intent.pageLoad !== pageLoad;

interface IntentState {
  intents: Record<string, StoredIntent>;
  /** Keeps `intent` under `scope`, stamped as sent by this page load. */
  put: (scope: string, intent: Omit<StoredIntent, 'pageLoad'>) => void;
  /**
   * Takes over the left-over intent of `scope` for this page load and returns it, once: a
   * second call (another mount, a double effect) finds it in flight and gets nothing.
   */
  claimLeftOver: (scope: string) => StoredIntent | undefined;
  drop: (scope: string) => void;
}

export const useIntentStore = create<IntentState>()(
  persist(
    (set, get) => ({
      intents: {},
      put: (scope, intent) =>
        set((s) => ({ intents: { ...s.intents, [scope]: { ...intent, pageLoad } } })),
      claimLeftOver: (scope) => {
        const kept = get().intents[scope];
        if (!kept || !isLeftOver(kept)) return undefined;
        const claimed = { ...kept, pageLoad };
        set((s) => ({ intents: { ...s.intents, [scope]: claimed } }));
        return claimed;
      },
      drop: (scope) =>
        set((s) => {
          if (!(scope in s.intents)) return s;
          const intents = { ...s.intents };
          delete intents[scope];
          return { intents };
        }),
    }),
    {
      name: INTENT_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ intents: s.intents }),
    },
  ),
);
