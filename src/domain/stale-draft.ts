import type { Handoff } from '../api/handoff-schemas';
import { currentDraftAt, lastCustomerMessageAt } from './follow-ups';

/*
 * A stale draft: the customer has written again since the AI drafted its reply, so the reply
 * may answer a question they no longer ask. Approving it waits until the reviewer has read
 * the newer message.
 */

type Instant = string | number;
const ms = (at: Instant) => (typeof at === 'number' ? at : Date.parse(at));

/** The customer has written again since the draft was made, so it may answer the wrong thing. */
export function staleDraft(
  lastCustomerMessageAt: Instant | null,
  draftCreatedAt: Instant,
): boolean {
  if (lastCustomerMessageAt === null) return false;
  return ms(lastCustomerMessageAt) > ms(draftCreatedAt);
}

/**
 * Why approval is blocked on a stale draft, or null when it is not: the reviewer must have
 * opened the newer message (`seenUpTo`, the latest customer message they viewed) first.
 */
export function staleDraftBlock(input: {
  lastCustomerMessageAt: Instant | null;
  draftCreatedAt: Instant;
  seenUpTo: Instant | null;
}): string | null {
  const { lastCustomerMessageAt, draftCreatedAt, seenUpTo } = input;
  if (lastCustomerMessageAt === null || !staleDraft(lastCustomerMessageAt, draftCreatedAt)) {
    return null;
  }
  if (seenUpTo !== null && ms(seenUpTo) >= ms(lastCustomerMessageAt)) return null;
  return 'The customer wrote again after this draft was made. Read the new message before approving.';
}

/**
 * Why approving is blocked, or null: the customer wrote after the draft, and the reviewer has
 * not confirmed reading up to their newest message (`seenUpTo`, sent with the approval).
 */
export function staleDraftProblem(handoff: Handoff, seenUpTo: string | null): string | null {
  return staleDraftBlock({
    lastCustomerMessageAt: lastCustomerMessageAt(handoff.ticket),
    draftCreatedAt: currentDraftAt(handoff),
    seenUpTo,
  });
}
