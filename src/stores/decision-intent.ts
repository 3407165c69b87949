import type { DecisionAction, DecisionRequest } from '../api/handoff-schemas';
import type { StoredIntent } from './intent-store';

/*
 * A decision sent (or about to be) but not yet answered, as kept in the intent store: the
 * key makes a retry apply it once, the body makes the retry byte-for-byte the same request.
 */

export const decisionScope = (handoffId: string): string => `decision:${handoffId}`;

export interface DecisionPayload {
  action: DecisionAction;
  /** The exact body, so a retry is byte-for-byte the same request. */
  body: DecisionRequest;
  /** Key for opening the next item after this decision. */
  nextKey: string;
}

export interface PendingDecision extends DecisionPayload {
  /** One key per intent: a retry reuses it, so the server applies the decision once. */
  key: string;
  createdAt: number;
}

export function pendingDecision(intent: StoredIntent | undefined): PendingDecision | undefined {
  if (!intent?.payload) return undefined;
  return { ...(intent.payload as DecisionPayload), key: intent.key, createdAt: intent.createdAt };
}

/** The stored form of a decision kept by an earlier version, which had no page loads. */
export function decisionIntent(pending: PendingDecision): Omit<StoredIntent, 'pageLoad'> {
  const { key, createdAt, ...payload } = pending;
  return { key, of: key, createdAt, payload };
}
