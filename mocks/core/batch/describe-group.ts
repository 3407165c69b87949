import {
  MAX_BATCH_ITEMS,
  type SimilarGroup,
  type SimilarMember,
} from '../../../src/api/batch-schemas';
import type { Handoff, HandoffSummary } from '../../../src/api/handoff-schemas';
import {
  amountRange,
  draftOf,
  type SimilarGroup as Group,
  type Groupable,
  normalizeDraft,
} from '../../../src/domain/similarity';
import { priorityScore } from '../../../src/domain/sla';

/** What describing a group reads of one member. */
export interface Member {
  handoff: Handoff;
  summary: HandoffSummary;
  groupable: Groupable;
}

/**
 * A group as the queue shows it: what its members share, what differs between them, and the
 * members most urgent first (by the priority of `minute`, as the queue's own order is).
 */
export function describeGroup(
  g: Group,
  memberOf: (id: string) => Member,
  minute: number,
  priorityOf: (m: Member) => number = (m) => priorityScore(m.summary, minute),
  listedOf: (m: Member) => SimilarMember = listedMember,
): SimilarGroup {
  const members = g.ids.map(memberOf);
  const first = members[0]!.handoff;
  const priorities = members.map(priorityOf);
  // Stable: equal priorities keep the group's order. Only the listed members are built.
  const order = members.map((_, i) => i).sort((a, b) => priorities[b]! - priorities[a]! || a - b);
  const items: SimilarMember[] = order.slice(0, MAX_BATCH_ITEMS).map((i) => listedOf(members[i]!));
  return {
    key: `${g.category}-${g.action}-${first.id}`,
    count: g.ids.length,
    shared: {
      category: g.category,
      flags: g.flags,
      action: g.action,
      excerpt: excerptOf(draftOf(first)),
      similarity: g.similarity,
    },
    differs: {
      amounts: amountRange(members.map((m) => m.groupable.action)),
      levels: [...new Set(members.map((m) => m.handoff.level))],
      statuses: [...new Set(members.map((m) => m.handoff.status))],
      customers: new Set(members.map((m) => m.handoff.ticket.customer.id)).size,
    },
    items,
  };
}

/** A member as its group lists it: the queue's summary and the amount its draft promises. */
export function listedMember({ summary, groupable }: Member): SimilarMember {
  return { ...summary, amount: groupable.action.amount, currency: groupable.action.currency };
}

/** The template's opening words: the normalized draft without its greeting, shortened. */
function excerptOf(text: string): string {
  const words = normalizeDraft(text);
  const start = words[1] === '<name>' ? 2 : 0;
  const opening = words.slice(start, start + 16).join(' ');
  return words.length > start + 16 ? `${opening} …` : opening;
}
