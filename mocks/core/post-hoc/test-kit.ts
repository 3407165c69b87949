import type { Category, Handoff } from '../../../src/api/handoff-schemas';
import type { Backend } from '../backend';
import { needsSecondReview, postHocSettings } from './store';

/**
 * Marks auto-approved items as sampled for post-hoc review, so a test has a queue to work
 * through: the seed samples only the categories whose pattern is post-hoc sampling, at their
 * rate, which in a small world can be none. Oldest sent first, like the queue; `perCategory`
 * picks that many of each category. Items one review settles: those drawn for a second, blind
 * review are left out, unless the share set now draws every item.
 */
export function sampleAutoApproved(backend: Backend, perCategory: number): Handoff[] {
  const s = backend.services;
  const oneReview = postHocSettings(s).doubleReviewShare < 1;
  const taken = new Map<Category, number>();
  const out: Handoff[] = [];
  const sent = [...backend.state.handoffs.values()]
    .filter((h) => h.status === 'auto_approved' && h.outcome)
    .filter((h) => !oneReview || !needsSecondReview(s, h.id))
    .sort((a, b) => (a.outcome!.at < b.outcome!.at ? -1 : 1));
  for (const h of sent) {
    const n = taken.get(h.ticket.category) ?? 0;
    if (n >= perCategory) continue;
    taken.set(h.ticket.category, n + 1);
    const marked = { ...h, sampledForReview: true };
    backend.state.putHandoff(marked);
    out.push(marked);
  }
  backend.state.drain();
  return out;
}
