import { useMemo } from 'react';
import { isLeftOver, type StoredIntent, useIntentStore } from '../stores/intent-store';

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
  /** A new intent whatever was kept before (each press of a decision button is one). */
  start: (payload: unknown) => StoredIntent;
  /**
   * The intent an earlier page load left unanswered, taken over for replaying it here; at
   * most once, and never one sent by this page load (that one is in flight or failed here).
   */
  claimLeftOver: () => StoredIntent | undefined;
  /** The intent was applied, refused for good, or abandoned: the next send is a new one. */
  drop: () => void;
}

/** Reads the unanswered intent of `scope`, if any, whichever page load sent it. */
export function usePendingIntent(scope: string): StoredIntent | undefined {
  return useIntentStore((s) => s.intents[scope]);
}

/** Whether the unanswered intent of `scope` was left by an earlier page load. */
export function useIsLeftOver(scope: string): boolean {
  return useIntentStore((s) => {
    const kept = s.intents[scope];
    return kept !== undefined && isLeftOver(kept);
  });
}

/**
 * One idempotency key per user intent, kept under `scope` (e.g. `review:<itemId>`) on this
 * device until the intent is applied or refused for good, so a retry after a reload reuses it.
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
      start: (payload) => {
        const key = newIdempotencyKey();
        const intent = { key, of: key, payload, createdAt: Date.now() };
        useIntentStore.getState().put(scope, intent);
        return intent;
      },
      claimLeftOver: () => useIntentStore.getState().claimLeftOver(scope),
      drop: () => useIntentStore.getState().drop(scope),
    }),
    [scope],
  );
}
