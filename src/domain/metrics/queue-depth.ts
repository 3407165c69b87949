import type { DepthPoint } from '../../api/dashboard-schemas';
import {
  type AuditAction,
  type AuditEvent,
  type Category,
  categorySchema,
  type Handoff,
  type HandoffStatus,
  type Level,
  levelSchema,
} from '../../api/schemas';
import { isOpen } from '../lifecycle';
import type { ItemFacts, ItemTrail, Window } from './facts';

/*
 * Queue depth over time, replayed from the audit trail: an item is in the queue while its
 * status, as the events left it, is one a person still acts on (pending, claimed, escalated,
 * failed). The last point is now, and equals the open items the queue lists.
 */

/** The status each audit action leaves an item in; other actions change no status. */
const statusAfter: Partial<Record<AuditAction, HandoffStatus>> = {
  claimed: 'claimed',
  released: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  escalated: 'escalated',
  redirected: 'redirected',
  draft_revised: 'claimed',
  auto_approved: 'auto_approved',
  expired: 'expired',
  failed: 'failed',
};

/**
 * How an item started. The AI either handed over at once (pending) or was still working:
 * the only ways out of "AI working" are auto-approval and failure, so when the first status
 * change is one of those it started there. With no status change, it is where it is now.
 */
function initialStatus(h: Handoff, events: readonly AuditEvent[]): HandoffStatus {
  const first = events.find((e) => statusAfter[e.action] !== undefined);
  if (!first) return h.status;
  return first.action === 'auto_approved' || first.action === 'failed' ? 'ai_working' : 'pending';
}

/** A stretch of time [from, to) an item spent in the queue at one level. */
export interface OpenSpan {
  from: number;
  to: number;
  level: Level;
  category: Category;
}

/**
 * The item's spans in the queue. The level before the last escalation is the escalation's
 * `fromLevel` (the trail records where an item was escalated from only for the last one).
 */
export function openSpans({ handoff: h, events }: ItemTrail): OpenSpan[] {
  const category = h.ticket.category;
  const lastEscalation = h.escalation ? Date.parse(h.escalation.at) : Number.NEGATIVE_INFINITY;
  const levelAt = (t: number): Level =>
    h.escalation && t < lastEscalation ? h.escalation.fromLevel : h.level;
  const spans: OpenSpan[] = [];
  let status = initialStatus(h, events);
  let since = events.length ? Date.parse(events[0]!.at) : Date.parse(h.createdAt);
  let level = levelAt(since);
  for (const e of events) {
    const next = statusAfter[e.action];
    if (!next) continue;
    const at = Date.parse(e.at);
    const nextLevel = levelAt(at);
    const wasOpen = isOpen(status);
    const nowOpen = isOpen(next);
    const moved = nextLevel !== level;
    if (wasOpen && (!nowOpen || moved)) spans.push({ from: since, to: at, level, category });
    if (nowOpen && (!wasOpen || moved)) since = at;
    status = next;
    level = nextLevel;
  }
  if (isOpen(status)) spans.push({ from: since, to: Number.POSITIVE_INFINITY, level, category });
  return spans;
}

/** Samples of the queue's depth at `points` evenly spaced instants, the last one `now`. */
export function queueDepth(items: Iterable<ItemFacts>, w: Window, points = 25): DepthPoint[] {
  const n = Math.max(2, points);
  const step = (w.now - w.from) / (n - 1);
  const at = (k: number) => (k === n - 1 ? w.now : w.from + k * step);
  // Difference arrays: +1 where a span starts covering sample points, -1 after its last one.
  const total = new Array<number>(n + 1).fill(0);
  const byLevel = new Map(levelSchema.options.map((l) => [l, new Array<number>(n + 1).fill(0)]));
  const byCategory = new Map(
    categorySchema.options.map((c) => [c, new Array<number>(n + 1).fill(0)]),
  );
  /** Index of the first sample at or after t. */
  const firstAtOrAfter = (t: number) => {
    if (t <= w.from) return 0;
    if (t > w.now) return n;
    let k = Math.ceil((t - w.from) / step);
    while (k > 0 && at(k - 1) >= t) k -= 1;
    while (k < n && at(k) < t) k += 1;
    return k;
  };
  for (const item of items) {
    for (const span of item.spans) {
      const start = firstAtOrAfter(span.from);
      const end = span.to === Number.POSITIVE_INFINITY ? n : firstAtOrAfter(span.to);
      if (start >= end) continue;
      for (const series of [total, byLevel.get(span.level)!, byCategory.get(span.category)!]) {
        series[start]! += 1;
        series[end]! -= 1;
      }
    }
  }
  const running = (series: number[]) => {
    let sum = 0;
    return series.slice(0, n).map((d) => (sum += d));
  };
  const totals = running(total);
  const levels = new Map([...byLevel].map(([l, s]) => [l, running(s)]));
  const categories = new Map([...byCategory].map(([c, s]) => [c, running(s)]));
  return totals.map((value, k) => ({
    at: new Date(at(k)).toISOString(),
    total: value,
    byLevel: Object.fromEntries([...levels].map(([l, s]) => [l, s[k]!])) as Record<Level, number>,
    byCategory: Object.fromEntries([...categories].map(([c, s]) => [c, s[k]!])) as Record<
      Category,
      number
    >,
  }));
}
