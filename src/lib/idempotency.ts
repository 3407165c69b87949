import { useMemo, useRef } from 'react';

/** A fresh key per user intent; retries of the same intent reuse it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export interface IntentKey {
  /**
   * The key of the intent `of` names (for instance the text being sent): the same key for every
   * send of the same intent, so the server applies it once; a different intent gets a new key.
   */
  current: (of?: string) => string;
  /** The intent was applied, refused for good, or abandoned: the next send is a new one. */
  drop: () => void;
}

/**
 * One idempotency key per user intent for a write made from one screen. Decisions, whose
 * intent must outlive a reload, keep theirs with the pending decision in the draft store.
 */
export function useIntentKey(): IntentKey {
  const intent = useRef<{ key: string; of: string } | null>(null);
  return useMemo(
    () => ({
      current: (of = '') => {
        if (intent.current?.of !== of) intent.current = { key: newIdempotencyKey(), of };
        return intent.current.key;
      },
      drop: () => {
        intent.current = null;
      },
    }),
    [],
  );
}
