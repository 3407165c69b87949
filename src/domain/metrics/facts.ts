import type { EscalationTrigger } from '../../api/dashboard-schemas';
import type { AuditAction, AuditEvent, Handoff } from '../../api/handoff-schemas';
import { type OpenSpan, openSpans } from './open-spans';
import { readingFloorMs } from './reading-floor';

/*
 * The facts every metric reads, taken once from the audit trail. Metrics are pure functions
 * of these, so the dashboard's figures are the audit log's events, counted.
 */

/** An item with its audit trail, oldest event first. */
export interface ItemTrail {
  handoff: Handoff;
  events: readonly AuditEvent[];
}

/** What a person decided: the actions that end or move a review. */
export const decisionActions = ['approved', 'rejected', 'escalated', 'redirected'] as const;
export type DecisionEventAction = (typeof decisionActions)[number];

export interface DecisionFact {
  handoff: Handoff;
  event: AuditEvent & { action: DecisionEventAction };
  at: number;
  /** The least time a reviewer needs to read the item (see reading-floor.ts). */
  floorMs: number;
}

export function isDecision(e: AuditEvent): e is AuditEvent & { action: DecisionEventAction } {
  return (
    e.actor.type === 'person' && (decisionActions as readonly AuditAction[]).includes(e.action)
  );
}

export interface Window {
  from: number;
  now: number;
}

export const inWindow = (at: number, w: Window) => at >= w.from && at <= w.now;

/**
 * What one item contributes to any window, taken from its trail once. It depends only on the
 * item and its events, so a backend may keep it until either changes.
 */
export interface ItemFacts {
  handoff: Handoff;
  createdAt: number;
  /** When the item was in the queue, at which level. */
  spans: OpenSpan[];
  /** Every decision a person made on it, oldest first. */
  decisions: DecisionFact[];
  /** What sent it to a person or up the ladder: rules that fired, people, the system. */
  triggers: EscalationTrigger[];
}

export function itemFacts(trail: ItemTrail): ItemFacts {
  const { handoff, events } = trail;
  // Counting words is the costly part; only approvals are held to the reading floor.
  const floorMs = events.some((e) => e.action === 'approved') ? readingFloorMs(handoff) : 0;
  const decisions: DecisionFact[] = [];
  const triggers = new Set<EscalationTrigger>();
  for (const event of events) {
    if (isDecision(event)) decisions.push({ handoff, event, at: Date.parse(event.at), floorMs });
    if (event.action === 'flagged' && event.why.rule) triggers.add(event.why.rule);
    if (event.action === 'escalated')
      triggers.add(event.actor.type === 'person' ? 'person' : 'system');
  }
  return {
    handoff,
    createdAt: Date.parse(handoff.createdAt),
    spans: openSpans(trail),
    decisions,
    triggers: [...triggers],
  };
}

/** Every decision a person made in the window, oldest first. */
export function decisionsIn(items: Iterable<ItemFacts>, w: Window): DecisionFact[] {
  const out: DecisionFact[] = [];
  for (const item of items) for (const d of item.decisions) if (inWindow(d.at, w)) out.push(d);
  return out.sort((a, b) => a.at - b.at || (a.event.id < b.event.id ? -1 : 1));
}

/** Nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : part / whole;
