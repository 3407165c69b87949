import { useMemo } from 'react';
import { type StoredIntent, useIntentStore } from '../stores/intent-store';

/** A fresh key per user intent; retries of the same intent reuse it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export interface IntentKey {
  /**
   * The key of the intent `of` names (for instance the text being sent): the same key for every
   * send of the same intent, so the server applies it once; a different intent gets a new key.
   * `payload` is kept with the key so a reload can send the very same request again.
   */
  current: (of?: string, payload?: unknown) => string;
  /** The intent was applied, refused for good, or abandoned: the next send is a new one. */
  drop: () => void;
}

/** Reads the unanswered intent of `scope`, if any (for a replay after a reload). */
export function usePendingIntent(scope: string): StoredIntent | undefined {
  return useIntentStore((s) => s.intents[scope]);
}

/**
 * One idempotency key per user intent, kept under `scope` (e.g. `review:<itemId>`) on this
 * device until the intent is applied or refused for good, so a retry after a reload reuses it.
 * Decisions keep theirs with the pending decision in the draft store, under the same rules.
 */
export function useIntentKey(scope: string): IntentKey {
  return useMemo(
    () => ({
      current: (of = '', payload) => {
        const store = useIntentStore.getState();
        const kept = store.intents[scope];
        const key = kept?.of === of ? kept.key : newIdempotencyKey();
        store.put(scope, {
          key,
          of,
          createdAt: kept?.of === of ? kept.createdAt : Date.now(),
          ...(payload !== undefined ? { payload } : {}),
        });
        return key;
      },
      drop: () => useIntentStore.getState().drop(scope),
    }),
    [scope],
  );
}
