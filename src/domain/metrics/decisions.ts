import type {
  CategoryDecisions,
  ConfidentWrongItem,
  Dashboard,
  EscalationTrigger,
  RubberStamp,
} from '../../api/dashboard-schemas';
import { categorySchema, flagRuleSchema } from '../../api/handoff-schemas';
import { isOpen } from '../lifecycle';
import { bandOf, reviewBand } from '../routing';
import { slaState } from '../sla';
import { isRoutedTraffic } from '../traffic';
import {
  type DecisionFact,
  type ItemFacts,
  inWindow,
  percentile,
  ratio,
  type Window,
} from './facts';
import { isRubberStamp } from './reading-floor';

/** Categories need this many decisions before one can be called an automation candidate. */
export const AUTOMATION_MIN_DECISIONS = 20;
/** ...and this share of them approved exactly as the AI drafted. */
export const AUTOMATION_UNEDITED_RATE = 0.95;
/** "Confident": the AI's own confidence at or above the high band (see confidence.ts). */
export const CONFIDENT_THRESHOLD = 0.85;
/** Lists on the dashboard show the most recent items, at most this many. */
export const LIST_LIMIT = 50;

/** An approval sent with the reviewer's edit. */
export const edited = (f: DecisionFact) => f.event.action === 'approved' && f.event.diff !== null;

/** Approval, edit and reject rates per category, from every person's decision in the window. */
export function decisionsByCategory(decisions: readonly DecisionFact[]): CategoryDecisions[] {
  const byCategory = new Map(categorySchema.options.map((c) => [c, [] as DecisionFact[]]));
  for (const d of decisions) byCategory.get(d.handoff.ticket.category)?.push(d);
  return categorySchema.options.map((category) => {
    const mine = byCategory.get(category) ?? [];
    const count = (test: (d: DecisionFact) => boolean) => mine.filter(test).length;
    const approvedEdited = count(edited);
    const approvedUnedited = count((d) => d.event.action === 'approved') - approvedEdited;
    const unEditedRate = ratio(approvedUnedited, mine.length);
    return {
      category,
      decided: mine.length,
      approvedUnedited,
      approvedEdited,
      rejected: count((d) => d.event.action === 'rejected'),
      escalated: count((d) => d.event.action === 'escalated'),
      redirected: count((d) => d.event.action === 'redirected'),
      unEditedRate,
      automationCandidate:
        mine.length >= AUTOMATION_MIN_DECISIONS && (unEditedRate ?? 0) >= AUTOMATION_UNEDITED_RATE,
    };
  });
}

/** The AI's confidence when the decision was made. */
export const confidenceOf = (d: DecisionFact) =>
  d.event.why.confidence ?? d.handoff.context.confidence;
/** How a dashboard list names a decision. */
export const decisionRef = (d: DecisionFact) => ({
  handoffId: d.handoff.id,
  ticketNumber: d.handoff.ticket.number,
  category: d.handoff.ticket.category,
  at: d.event.at,
  by: d.event.actor.name,
});
const newestFirst = <T extends { at: string }>(items: T[]) =>
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, LIST_LIMIT);

/**
 * Items the AI was confident about that a person then corrected: an edited approval, a
 * rejection, or a redirect (the draft needed new instructions). Counted once per item.
 */
export function confidentButWrong(
  decisions: readonly DecisionFact[],
): Dashboard['confidentButWrong'] {
  const confident = new Map<string, DecisionFact[]>();
  for (const d of decisions) {
    if (confidenceOf(d) < CONFIDENT_THRESHOLD) continue;
    const list = confident.get(d.handoff.id);
    if (list) list.push(d);
    else confident.set(d.handoff.id, [d]);
  }
  const items: ConfidentWrongItem[] = [];
  for (const list of confident.values()) {
    const wrong = list
      .filter((d) => edited(d) || d.event.action === 'rejected' || d.event.action === 'redirected')
      .at(-1);
    if (!wrong) continue;
    items.push({
      ...decisionRef(wrong),
      confidence: confidenceOf(wrong),
      outcome: wrong.event.action === 'rejected' ? 'rejected' : 'edited',
    });
  }
  return {
    confidentItems: confident.size,
    count: items.length,
    rate: ratio(items.length, confident.size),
    threshold: CONFIDENT_THRESHOLD,
    items: newestFirst(items),
  };
}

export const decisionTimeBuckets = [
  { label: 'under 5 s', fromMs: 0, toMs: 5_000 },
  { label: '5–15 s', fromMs: 5_000, toMs: 15_000 },
  { label: '15–30 s', fromMs: 15_000, toMs: 30_000 },
  { label: '30–60 s', fromMs: 30_000, toMs: 60_000 },
  { label: '1–2 min', fromMs: 60_000, toMs: 120_000 },
  { label: '2–5 min', fromMs: 120_000, toMs: 300_000 },
  { label: '5 min or more', fromMs: 300_000, toMs: null },
] as const;

/** How many of the sorted `times` fall in [from, to). */
function countIn(times: readonly number[], from: number, to: number | null): number {
  const firstAtLeast = (t: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (to === null ? times.length : firstAtLeast(to)) - firstAtLeast(from);
}

/** How long people spent per decision, and approvals faster than the item can be read. */
export function decisionTime(decisions: readonly DecisionFact[]): Dashboard['decisionTime'] {
  const timed = decisions.filter((d) => d.event.timeOnItemMs !== null);
  const times = timed.map((d) => d.event.timeOnItemMs!).sort((a, b) => a - b);
  const approvals = timed.filter((d) => d.event.action === 'approved');
  const stamps: RubberStamp[] = [];
  for (const d of approvals) {
    if (isRubberStamp(d.event.timeOnItemMs!, d.floorMs))
      stamps.push({ ...decisionRef(d), timeOnItemMs: d.event.timeOnItemMs!, floorMs: d.floorMs });
  }
  return {
    decisions: timed.length,
    medianMs: percentile(times, 0.5),
    p90Ms: percentile(times, 0.9),
    buckets: decisionTimeBuckets.map((b) => ({ ...b, count: countIn(times, b.fromMs, b.toMs) })),
    approvals: approvals.length,
    rubberStampCount: stamps.length,
    rubberStampRate: ratio(stamps.length, approvals.length),
    rubberStamps: newestFirst(stamps),
  };
}

/**
 * Of the items that arrived in the window, the share each trigger sent to a person or up the
 * ladder: every rule of the escalation matrix (its `flagged` events), a person escalating,
 * and the system escalating (timeouts and SLA jobs).
 */
export function escalations(all: Iterable<ItemFacts>, w: Window): Dashboard['escalations'] {
  const counts = new Map<EscalationTrigger, number>();
  let items = 0;
  for (const item of all) {
    if (!inWindow(item.createdAt, w)) continue;
    items += 1;
    for (const t of item.triggers) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const triggers: EscalationTrigger[] = [...flagRuleSchema.options, 'person', 'system'];
  return {
    items,
    byTrigger: triggers.map((trigger) => {
      const count = counts.get(trigger) ?? 0;
      return { trigger, count, rate: ratio(count, items) };
    }),
  };
}

/**
 * The human review rate (pattern B): of the items that arrived in the window and were routed,
 * the share that went to a person rather than being auto-approved. Items the AI is still
 * working on are not routed yet.
 */
export function reviewRate(items: Iterable<ItemFacts>, w: Window): Dashboard['reviewRate'] {
  let reviewed = 0;
  let autoApproved = 0;
  for (const { handoff, createdAt } of items) {
    if (!inWindow(createdAt, w) || !isRoutedTraffic(handoff)) continue;
    if (handoff.status === 'auto_approved') autoApproved += 1;
    else reviewed += 1;
  }
  const rate = ratio(reviewed, reviewed + autoApproved);
  return { reviewed, autoApproved, rate, band: { ...reviewBand }, position: bandOf(rate) };
}

/** Open items whose SLA is at risk or already breached, now. */
export function sla(items: Iterable<ItemFacts>, now: number): Dashboard['sla'] {
  let open = 0;
  let atRisk = 0;
  let breached = 0;
  for (const { handoff } of items) {
    if (!isOpen(handoff.status)) continue;
    open += 1;
    const state = slaState(handoff.dueAt, now);
    if (state === 'at_risk') atRisk += 1;
    else if (state === 'breached') breached += 1;
  }
  return { open, atRisk, breached };
}
