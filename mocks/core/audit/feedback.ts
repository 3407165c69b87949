import { createTwoFilesPatch } from 'diff';
import type {
  Correction,
  FeedbackListParams,
  FeedbackPage,
  FeedbackRecord,
} from '../../../src/api/audit-schemas';
import type { AuditEvent, Handoff } from '../../../src/api/handoff-schemas';
import { chosenOptionDraft } from '../../../src/domain/decisions';
import type { World } from '../world';
import { decodeCursor, encodeCursor, InvalidAuditCursorError } from './cursor';
import { countIn, type EventTest, keyAt, msOf, newestFirst, TotalCache, windowOf } from './scan';

/*
 * The feedback loop (seed pattern D): every edited approval, rejection and redirect is a
 * correction of the AI, exported as a training record. Records are read off the audit log,
 * so the export and the log can never disagree.
 */

export const FEEDBACK_PAGE_SIZE = 100;

/** The correction an event records, or null when it is not one (e.g. an approval as drafted). */
export function correctionOf(e: AuditEvent): Correction | null {
  if (e.action === 'approved') return e.diff !== null ? 'edit' : null;
  if (e.action === 'rejected') return 'reject';
  if (e.action === 'redirected') return 'redirect';
  return null;
}

const revisionDiff = (before: string, after: string) =>
  createTwoFilesPatch('AI draft', 'Revised draft', before, after, '', '', { context: 2 });

/**
 * Which AI draft a correction was made on. Decisions end an item, so an edit or a rejection
 * corrected the last draft; the n-th redirect corrected the draft the (n-1)-th produced.
 */
function correctedDraft(world: World, h: Handoff, e: AuditEvent, correction: Correction) {
  if (correction !== 'redirect') {
    const last = h.drafts.at(-1)!;
    return {
      text: chosenOptionDraft(h, h.selectedOptionId) ?? last.text,
      number: last.number,
      next: null,
    };
  }
  const redirects = (world.events.get(h.id) ?? []).filter((x) => x.action === 'redirected');
  const nth = redirects.findIndex((x) => x.id === e.id);
  const base = Math.max(1, h.drafts.length - redirects.length);
  const corrected = h.drafts[Math.max(0, base - 1 + nth)] ?? h.drafts[0]!;
  return {
    text: corrected.text,
    number: corrected.number,
    next: h.drafts[base + nth]?.text ?? null,
  };
}

export function toFeedbackRecord(world: World, e: AuditEvent): FeedbackRecord | null {
  const correction = correctionOf(e);
  const h = world.handoffs.get(e.handoffId);
  if (!correction || !h) return null;
  const draft = correctedDraft(world, h, e, correction);
  const finalText =
    correction === 'edit'
      ? (h.outcome?.finalText ?? null)
      : correction === 'redirect'
        ? draft.next
        : null;
  return {
    id: e.id,
    handoffId: h.id,
    ticketNumber: h.ticket.number,
    correction,
    at: e.at,
    reviewer: e.actor,
    category: h.ticket.category,
    confidence: e.why.confidence ?? h.context.confidence,
    aiDraft: draft.text,
    draftNumber: draft.number,
    finalText,
    diff:
      correction === 'edit'
        ? e.diff
        : correction === 'redirect' && finalText !== null
          ? revisionDiff(draft.text, finalText)
          : null,
    reason: correction === 'edit' ? null : e.why.reason,
    labels: [...new Set(h.context.flags.map((f) => f.rule))],
  };
}

function testFor(world: World, p: FeedbackListParams): EventTest {
  const corrections = p.correction?.length ? new Set<string>(p.correction) : null;
  const categories = p.category?.length ? new Set<string>(p.category) : null;
  return (e) => {
    const correction = correctionOf(e);
    if (!correction || (corrections && !corrections.has(correction))) return false;
    if (!categories) return true;
    const category = world.handoffs.get(e.handoffId)?.ticket.category;
    return category !== undefined && categories.has(category);
  };
}

export class FeedbackLog {
  private totals = new TotalCache();

  page(world: World, p: FeedbackListParams): FeedbackPage {
    const before = p.cursor ? decodeCursor(p.cursor) : null;
    if (before?.r === 1) throw new InvalidAuditCursorError('That cursor belongs to the audit log.');
    const from = msOf(p.from);
    const to = msOf(p.to);
    const test = testFor(world, p);
    const { cursor: _cursor, limit: _limit, ...filters } = p;
    const limit = p.limit ?? FEEDBACK_PAGE_SIZE;
    let firstPage: number[] | null = null;
    const total = this.totals.get([world, world.log.size], JSON.stringify(filters), () => {
      const w = windowOf(world.log, from, to, null);
      const counted = countIn(world.log, w, test, null, before ? 0 : limit + 1);
      if (!before) firstPage = counted.newest;
      return counted.count;
    });
    const items: FeedbackRecord[] = [];
    let last = -1;
    let more = false;
    const indexes: Iterable<number> =
      (firstPage as number[] | null) ??
      newestFirst(world.log, windowOf(world.log, from, to, before), test, null);
    for (const i of indexes) {
      if (items.length === limit) {
        more = true;
        break;
      }
      const record = toFeedbackRecord(world, world.log.events[i]!);
      if (record) items.push(record);
      last = i;
    }
    return {
      items,
      nextCursor: more && last >= 0 ? encodeCursor(keyAt(world.log, last)) : null,
      total,
    };
  }
}
