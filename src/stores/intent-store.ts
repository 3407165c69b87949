import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/*
 * Writes a person asked for that the server has not yet answered, keyed by the scope of the
 * intent (`review:<itemId>`, `policy-save`, …). Each keeps the idempotency key it was sent
 * with and what was sent, so a retry — in this tab or after a reload — is the same request and
 * the server applies it once. An intent leaves once applied or refused for good.
 */

export const INTENT_STORAGE_KEY = 'handoff-desk.intents';

export interface StoredIntent {
  key: string;
  /** What the intent is about (e.g. the text sent): a different value is a new intent. */
  of: string;
  /** The request as sent, for replaying it after a reload; absent until it was sent. */
  payload?: unknown;
  createdAt: number;
}

interface IntentState {
  intents: Record<string, StoredIntent>;
  put: (scope: string, intent: StoredIntent) => void;
  drop: (scope: string) => void;
}

export const useIntentStore = create<IntentState>()(
  persist(
    (set) => ({
      intents: {},
      put: (scope, intent) => set((s) => ({ intents: { ...s.intents, [scope]: intent } })),
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
