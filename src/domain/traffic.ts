import type { Handoff } from '../api/handoff-schemas';
import type { TrafficItem, TrafficOutcome } from '../api/what-if-schemas';
import { type CommitmentContext, promisesToRoute } from './promises';

/*
 * Recent handoffs as the what-if replays them. Kept beside the routing rules so the backend
 * (and the routing policy screen) turn history into traffic one way only.
 */

/**
 * A stable draw in [0, 1) from an id (FNV-1a, 32-bit). Live routing and the what-if both use
 * it, so the post-hoc sample a lead previews is the sample the policy then takes.
 */
export function stableDraw(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 4294967296;
}

/**
 * Whether an item counts as routed traffic: the AI has handed it to a person or sent it, the
 * person's work open or done. Items the AI is still working on have no route yet. The lead
 * dashboard's review rate and the policy what-if count the same items, so the what-if's "now"
 * is the dashboard's figure over the same week.
 */
export function isRoutedTraffic(handoff: Pick<Handoff, 'status'>): boolean {
  return handoff.status !== 'ai_working';
}

/**
 * What a person did with the AI's work, or null when no person has decided. A redirect counts
 * as an edit: the AI's first draft, the one an auto-approval would have sent, needed a
 * person's correction.
 */
export function trafficOutcome(handoff: Handoff): TrafficOutcome | null {
  if (handoff.status === 'escalated' || handoff.escalation !== null) return 'escalated';
  const outcome = handoff.outcome;
  const redirected = handoff.drafts.length > 1;
  if (outcome?.by.type !== 'person') return redirected ? 'edited' : null;
  switch (outcome.action) {
    case 'approve':
      return outcome.edited || redirected ? 'edited' : 'approved_unedited';
    case 'reject':
      return 'rejected';
    case 'escalate':
      return 'escalated';
    case 'redirect':
      return 'edited';
  }
}

/** One handoff as traffic: the AI's first draft, its flags and what a person made of it. */
export function trafficItemFromHandoff(
  handoff: Handoff,
  context: CommitmentContext = {},
): TrafficItem {
  const firstDraft = handoff.drafts[0]?.text ?? '';
  return {
    id: handoff.id,
    category: handoff.ticket.category,
    confidence: handoff.context.confidence,
    flags: handoff.context.flags,
    ...promisesToRoute(firstDraft, handoff.context.options, context),
    outcome: trafficOutcome(handoff),
    random01: stableDraw(handoff.id),
  };
}
