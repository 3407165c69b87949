import type { Handoff, Ticket } from '../api/handoff-schemas';

/*
 * Customer messages that arrived after the ticket opened. One newer than the AI's current
 * draft makes the draft stale: it may answer a question the customer no longer asks.
 */

export type FollowUp = NonNullable<Ticket['followUps']>[number];

/** When the customer last wrote: the newest follow-up, else the original message. */
export function lastCustomerMessageAt(ticket: Ticket): string {
  return ticket.followUps?.at(-1)?.at ?? ticket.receivedAt;
}

/** When the AI's current draft was written (the contract guarantees at least one draft). */
export function currentDraftAt(handoff: Handoff): string {
  return handoff.drafts[handoff.drafts.length - 1]?.createdAt ?? handoff.createdAt;
}

/** Follow-ups the current draft has not seen, oldest first. */
export function messagesSinceDraft(handoff: Handoff): FollowUp[] {
  const followUps = handoff.ticket.followUps ?? [];
  if (followUps.length === 0) return [];
  const draftAt = Date.parse(currentDraftAt(handoff));
  return followUps.filter((m) => Date.parse(m.at) > draftAt);
}
