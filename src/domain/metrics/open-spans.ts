import type {
  AuditAction,
  AuditEvent,
  Category,
  Handoff,
  HandoffStatus,
  Level,
} from '../../api/handoff-schemas';
import { isOpen } from '../lifecycle';

/*
 * When an item was in the queue, replayed from its audit trail: an item is in the queue while
 * its status, as the events left it, is one a person still acts on (pending, claimed,
 * escalated, failed). Kept apart from the queue-depth series so the item facts can read spans
 * without the facts and the series importing each other.
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
export function openSpans({
  handoff: h,
  events,
}: {
  handoff: Handoff;
  events: readonly AuditEvent[];
}): OpenSpan[] {
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
