import type { ReviewerLoad } from '../../api/dashboard-schemas';
import type { Category, Handoff } from '../../api/handoff-schemas';
import { isOpen } from '../lifecycle';
import { type DecisionFact, percentile } from './facts';
import { isRubberStamp } from './reading-floor';

/*
 * Workload per reviewer and the seed's fatigue mitigation: "rotate reviewers". A session is a
 * run of decisions with no break of SESSION_BREAK_MS; a long session, or a long run of one
 * category, earns a nudge to rest or rotate.
 */

export const SESSION_BREAK_MS = 15 * 60_000;
export const LONG_SESSION_MS = 2 * 60 * 60_000;
export const SAME_CATEGORY_RUN = 15;

const hm = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
};

/** How many open items each person holds, by person id, in the order the items are read. */
export type Holding = ReadonlyMap<string, { name: string; holding: number }>;

export function holdingOf(handoffs: Iterable<Handoff>): Holding {
  const out = new Map<string, { name: string; holding: number }>();
  for (const h of handoffs) {
    if (!h.assignee || !isOpen(h.status)) continue;
    const e = out.get(h.assignee.id);
    if (e) e.holding += 1;
    else out.set(h.assignee.id, { name: h.assignee.name, holding: 1 });
  }
  return out;
}

export function reviewerLoad(
  decisions: readonly DecisionFact[],
  handoffs: Iterable<Handoff>,
): ReviewerLoad[] {
  return reviewerLoadOf(decisions, holdingOf(handoffs));
}

/** Each person's load from their decisions in the window and the open items they hold. */
export function reviewerLoadOf(decisions: readonly DecisionFact[], held: Holding): ReviewerLoad[] {
  const byPerson = new Map<string, { name: string; facts: DecisionFact[]; holding: number }>();
  const entry = (id: string, name: string) => {
    let e = byPerson.get(id);
    if (!e) {
      e = { name, facts: [], holding: 0 };
      byPerson.set(id, e);
    }
    return e;
  };
  for (const d of decisions) entry(d.event.actor.id, d.event.actor.name).facts.push(d);
  for (const [id, { name, holding }] of held) entry(id, name).holding += holding;
  return sortLoads(
    [...byPerson].map(([id, { name, facts, holding }]) => personLoad(id, name, facts, holding)),
  );
}

/** Most decisions first, then by name. */
export const sortLoads = (loads: ReviewerLoad[]) =>
  loads.sort((a, b) => b.decisions - a.decisions || a.name.localeCompare(b.name));

/** One person's load: their decisions in the window, oldest first, and what they hold. */
export function personLoad(
  id: string,
  name: string,
  facts: readonly DecisionFact[],
  holding: number,
): ReviewerLoad {
  const times = facts.map((f) => f.event.timeOnItemMs ?? 0);
  const sorted = [...times].sort((a, b) => a - b);
  const longestSessionMs = longestSession(facts);
  const longestCategoryRun = longestRun(facts.map((f) => f.handoff.ticket.category));
  const nudges: string[] = [];
  if (longestSessionMs >= LONG_SESSION_MS)
    nudges.push(`Worked ${hm(longestSessionMs)} without a 15-minute break: suggest a pause.`);
  if (longestCategoryRun.length >= SAME_CATEGORY_RUN)
    nudges.push(
      `${longestCategoryRun.length} ${longestCategoryRun.category} decisions in a row: rotate to another category.`,
    );
  return {
    id,
    name,
    decisions: facts.length,
    holding,
    timeOnItemsMs: times.reduce((a, b) => a + b, 0),
    medianDecisionMs: percentile(sorted, 0.5),
    rubberStamps: facts.filter(
      (f) =>
        f.event.action === 'approved' &&
        f.event.timeOnItemMs !== null &&
        isRubberStamp(f.event.timeOnItemMs, f.floorMs),
    ).length,
    longestSessionMs,
    longestCategoryRun: longestCategoryRun.length,
    nudges,
  };
}

/** Longest stretch of continuous work, from opening the first item to the last decision. */
function longestSession(facts: readonly DecisionFact[]): number {
  let longest = 0;
  let start = Number.NaN;
  let last = Number.NaN;
  for (const f of facts) {
    const opened = f.at - (f.event.timeOnItemMs ?? 0);
    if (Number.isNaN(last) || opened - last >= SESSION_BREAK_MS) start = opened;
    last = f.at;
    longest = Math.max(longest, last - start);
  }
  return longest;
}

function longestRun(categories: readonly Category[]): {
  category: Category | null;
  length: number;
} {
  let best: { category: Category | null; length: number } = { category: null, length: 0 };
  let length = 0;
  categories.forEach((c, i) => {
    length = i > 0 && categories[i - 1] === c ? length + 1 : 1;
    if (length > best.length) best = { category: c, length };
  });
  return best;
}
