import type { Dashboard, DashboardWindow, DepthPoint } from '../../api/dashboard-schemas';
import {
  type Category,
  categorySchema,
  flagRuleSchema,
  type Level,
  levelSchema,
} from '../../api/handoff-schemas';
import { isOpen } from '../lifecycle';
import { bandOf, reviewBand } from '../routing';
import { SLA_RISK_WINDOW_MS } from '../sla';
import { windowMs } from './dashboard';
import {
  AUTOMATION_MIN_DECISIONS,
  AUTOMATION_UNEDITED_RATE,
  CONFIDENT_THRESHOLD,
  confidenceOf,
  decisionRef,
  decisionTimeBuckets,
  edited,
  type escalations,
  LIST_LIMIT,
  type reviewRate,
} from './decisions';
import { type DecisionFact, type ItemFacts, percentile, ratio, type Window } from './facts';
import { isRubberStamp } from './reading-floor';
import { personLoad, sortLoads } from './reviewers';
import { type Directory, decisionTeamOf, teamOf, teamRows } from './teams';

/*
 * The dashboard's figures kept up as items change, for a backend that answers the dashboard
 * after every write. `computeDashboard` is the reference: for the same items, window and clock
 * `figures` gives the same answer (a property test holds the two together).
 *
 * A write replaces one item's facts: its entries leave every structure below and the new ones
 * go in (binary searches and splices). Nothing here is tied to a window or an instant, so any
 * window at any clock reads the same structures:
 * - decisions in (time, event id) order: a window is a slice, found by binary search;
 * - open items' due times, overall and per team: SLA states are counts below two instants;
 * - queue spans' starts and ends per series: the depth at an instant is the starts at or
 *   before it less the ends at or before it;
 * - items in creation order: the review rate and escalations read the window's arrivals only;
 * - how many open items each person and each team holds.
 */

/** Numbers kept in ascending order, repeats allowed. */
class SortedNumbers {
  readonly values: number[] = [];

  /** How many values are below `x` (or at most `x`, when `inclusive`). */
  rank(x: number, inclusive = false): number {
    const v = this.values;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < x || (inclusive && v[mid] === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(x: number) {
    this.values.splice(this.rank(x), 0, x);
  }

  /** Appends without keeping the order; `sort` restores it (a bulk load). */
  push(x: number) {
    this.values.push(x);
  }

  sort() {
    this.values.sort((a, b) => a - b);
  }

  delete(x: number) {
    const at = this.rank(x);
    if (this.values[at] === x) this.values.splice(at, 1);
  }

  get size() {
    return this.values.length;
  }
}

/** Queue spans of one series (all, a level, a category): the starts and the ends. */
class SpanSeries {
  readonly starts = new SortedNumbers();
  readonly ends = new SortedNumbers();
  add(from: number, to: number, bulk: boolean) {
    if (bulk) {
      this.starts.push(from);
      this.ends.push(to);
    } else {
      this.starts.add(from);
      this.ends.add(to);
    }
  }
  sort() {
    this.starts.sort();
    this.ends.sort();
  }
  delete(from: number, to: number) {
    this.starts.delete(from);
    this.ends.delete(to);
  }
  /** Spans covering instant t: begun at or before it, not yet ended. */
  at(t: number) {
    return this.starts.rank(t, true) - this.ends.rank(t, true);
  }
}

const byDecisionOrder = (a: DecisionFact, b: DecisionFact) =>
  a.at - b.at || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);

const byCreation = (a: ItemFacts, b: ItemFacts) =>
  a.createdAt - b.createdAt ||
  (a.handoff.id < b.handoff.id ? -1 : a.handoff.id > b.handoff.id ? 1 : 0);

/** Index of the first element not before `x` in `list`, sorted by `compare`. */
function lowerBound<T>(list: readonly T[], x: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element whose `key` is above `t` (at or above, when `strict` is false). */
function firstBeyond<T>(list: readonly T[], key: (x: T) => number, t: number, strict: boolean) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(list[mid]!);
    if (k < t || (strict && k === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One edge of a span of time-sorted records, as `firstBeyond` reads it: a moment, and whether a
 * record at that very moment lies beyond the edge.
 */
type Edge = readonly [t: number, strict: boolean];

/** Calls `each` on the records of the time-sorted `list` from edge `start` up to edge `end`, in order. */
function eachBetween<T>(
  list: readonly T[],
  key: (x: T) => number,
  start: Edge,
  end: Edge,
  each: (x: T) => void,
) {
  const last = firstBeyond(list, key, ...end);
  for (let i = firstBeyond(list, key, ...start); i < last; i++) each(list[i]!);
}

const decisionAt = (d: DecisionFact) => d.at;
const createdAt = (f: ItemFacts) => f.createdAt;

interface TeamOpen {
  due: SortedNumbers;
  holding: number;
  /** Open items with this team: their place in the world's order and the team name they carry. */
  items: Map<string, { order: number; name: string }>;
}

export class LiveDashboard {
  private readonly facts = new Map<string, ItemFacts>();
  /** Each item's place in the order the items were first seen (the world's iteration order). */
  private readonly order = new Map<string, number>();
  private readonly decisions: DecisionFact[] = [];
  private readonly created: ItemFacts[] = [];
  private readonly openDue = new SortedNumbers();
  private readonly depthAll = new SpanSeries();
  private readonly depthByLevel = new Map(levelSchema.options.map((l) => [l, new SpanSeries()]));
  private readonly depthByCategory = new Map(
    categorySchema.options.map((c) => [c, new SpanSeries()]),
  );
  private readonly holding = new Map<string, { name: string; holding: number }>();
  private readonly teams = new Map<string | null, TeamOpen>();
  /** Each window's sums over the decisions and arrivals it last covered. */
  private readonly windows = new Map<DashboardWindow, WindowFigures>();

  /** Every item's facts at once, in the world's order: one sort per structure. */
  static of(items: Iterable<ItemFacts>): LiveDashboard {
    const live = new LiveDashboard();
    for (const f of items) {
      live.order.set(f.handoff.id, live.order.size);
      live.facts.set(f.handoff.id, f);
      live.contribute(f, 1, true);
    }
    live.decisions.sort(byDecisionOrder);
    live.created.sort(byCreation);
    live.openDue.sort();
    for (const series of [
      live.depthAll,
      ...live.depthByLevel.values(),
      ...live.depthByCategory.values(),
    ])
      series.sort();
    for (const team of live.teams.values()) team.due.sort();
    return live;
  }

  /** The item's facts now: replaces what it contributed before. */
  put(f: ItemFacts) {
    const id = f.handoff.id;
    const old = this.facts.get(id);
    if (old === f) return;
    if (old) this.contribute(old, -1);
    else this.order.set(id, this.order.size);
    this.facts.set(id, f);
    this.contribute(f, 1);
    for (const figures of this.windows.values()) {
      if (old) {
        for (const d of old.decisions) if (figures.covers(d.at)) figures.decision(d, -1);
        if (figures.covers(old.createdAt)) figures.arrival(old, -1);
      }
      for (const d of f.decisions) if (figures.covers(d.at)) figures.decision(d, 1);
      if (figures.covers(f.createdAt)) figures.arrival(f, 1);
    }
  }

  /** The facts last put for the item. */
  current(id: string): ItemFacts | undefined {
    return this.facts.get(id);
  }

  private contribute(f: ItemFacts, sign: 1 | -1, bulk = false) {
    const h = f.handoff;
    for (const d of f.decisions) {
      if (bulk) {
        this.decisions.push(d);
        continue;
      }
      let at = lowerBound(this.decisions, d, byDecisionOrder);
      if (sign > 0) this.decisions.splice(at, 0, d);
      else {
        // Past entries that sort the same (one event id twice) to this very one.
        while (at < this.decisions.length && this.decisions[at] !== d) at += 1;
        if (at < this.decisions.length) this.decisions.splice(at, 1);
      }
    }
    if (bulk) this.created.push(f);
    else {
      const at = lowerBound(this.created, f, byCreation);
      if (sign > 0) this.created.splice(at, 0, f);
      else if (this.created[at] === f) this.created.splice(at, 1);
    }
    for (const s of f.spans) {
      for (const series of [
        this.depthAll,
        this.depthByLevel.get(s.level)!,
        this.depthByCategory.get(s.category)!,
      ]) {
        if (sign > 0) series.add(s.from, s.to, bulk);
        else series.delete(s.from, s.to);
      }
    }
    if (!isOpen(h.status)) return;
    const due = Date.parse(h.dueAt);
    if (bulk) this.openDue.push(due);
    else if (sign > 0) this.openDue.add(due);
    else this.openDue.delete(due);
    if (h.assignee) {
      const e = this.holding.get(h.assignee.id);
      if (e) {
        e.holding += sign;
        if (e.holding === 0) this.holding.delete(h.assignee.id);
      } else if (sign > 0) this.holding.set(h.assignee.id, { name: h.assignee.name, holding: 1 });
    }
    const { teamId, name } = teamOf(h);
    let team = this.teams.get(teamId);
    if (!team) {
      team = { due: new SortedNumbers(), holding: 0, items: new Map() };
      this.teams.set(teamId, team);
    }
    if (sign > 0) {
      if (bulk) team.due.push(due);
      else team.due.add(due);
      team.items.set(h.id, { order: this.order.get(h.id)!, name });
    } else {
      team.due.delete(due);
      team.items.delete(h.id);
    }
    if (h.assignee) team.holding += sign;
  }

  /** Every figure of `computeDashboard(items, window, now, teams)` for the items put here. */
  figures(
    window: DashboardWindow,
    now: number,
    teams: Directory = [],
  ): Omit<Dashboard, 'agreement'> {
    const w = { from: now - windowMs[window], now };
    const figures = this.windowAt(window, w);
    return {
      window,
      from: new Date(w.from).toISOString(),
      asOf: new Date(now).toISOString(),
      queueDepth: this.depth(w),
      sla: {
        open: this.openDue.size,
        ...slaCounts(this.openDue, now),
      },
      reviewRate: figures.reviewRate(),
      decisionsByCategory: figures.decisionsByCategory(),
      confidentButWrong: figures.confidentButWrong(),
      escalations: figures.escalations(),
      decisionTime: figures.decisionTime(),
      reviewers: figures.reviewers(this.holding),
      teams: this.teamLoad(figures, w, teams),
    };
  }

  /** The window's sums, moved on to cover `w`: what arrived at its end in, what left its start out. */
  private windowAt(window: DashboardWindow, w: Window): WindowFigures {
    let figures = this.windows.get(window);
    const [from, to] = [w.from, w.now];
    if (!figures || from < figures.from || to < figures.now || from > figures.now) {
      figures = new WindowFigures();
      this.sweep(figures, [from, false], [to, true], 1);
      this.windows.set(window, figures);
    } else {
      this.sweep(figures, [figures.from, false], [from, false], -1);
      this.sweep(figures, [figures.now, true], [to, true], 1);
    }
    figures.from = from;
    figures.now = to;
    return figures;
  }

  /** Adds to the sums (`sign` 1) or takes out of them (-1) the decisions and arrivals from `start` up to `end`. */
  private sweep(figures: WindowFigures, start: Edge, end: Edge, sign: 1 | -1) {
    eachBetween(this.decisions, decisionAt, start, end, (d) => figures.decision(d, sign));
    eachBetween(this.created, createdAt, start, end, (f) => figures.arrival(f, sign));
  }

  /** As `queueDepth`: 25 samples, the last one now. */
  private depth(w: Window, points = 25): DepthPoint[] {
    const n = Math.max(2, points);
    const step = (w.now - w.from) / (n - 1);
    const out: DepthPoint[] = [];
    for (let k = 0; k < n; k++) {
      const t = k === n - 1 ? w.now : w.from + k * step;
      out.push({
        at: new Date(t).toISOString(),
        total: this.depthAll.at(t),
        byLevel: Object.fromEntries([...this.depthByLevel].map(([l, s]) => [l, s.at(t)])) as Record<
          Level,
          number
        >,
        byCategory: Object.fromEntries(
          [...this.depthByCategory].map(([c, s]) => [c, s.at(t)]),
        ) as Record<Category, number>,
      });
    }
    return out;
  }

  /** As `teamLoad`: teams in force first, then others in the order their first item is read. */
  private teamLoad(figures: WindowFigures, w: Window, directory: Directory) {
    // Teams out of force (or never in it) take their place from the first item read for them.
    const inForce = new Set(directory.map((t) => t.id));
    const first = new Map<string, { order: number; name: string }>();
    const consider = (teamId: string | null, order: number, name: string) => {
      if (teamId === null || inForce.has(teamId)) return;
      const seen = first.get(teamId);
      if (!seen || order < seen.order) first.set(teamId, { order, name });
    };
    for (const [teamId, team] of this.teams)
      if (teamId !== null && !inForce.has(teamId))
        for (const entry of team.items.values()) consider(teamId, entry.order, entry.name);
    for (const [teamId, team] of figures.teamDecisions)
      if (teamId !== null && !inForce.has(teamId))
        for (const id of team.items.keys()) consider(teamId, this.order.get(id) ?? 0, team.name);
    const { row, done } = teamRows(directory);
    for (const [teamId, { name }] of [...first].sort((a, b) => a[1].order - b[1].order))
      row(teamId, name);
    const rowOf = (teamId: string | null) =>
      teamId === null ? row(null, 'No team') : row(teamId, '');
    for (const [teamId, team] of this.teams) {
      if (team.due.size === 0) continue;
      const r = rowOf(teamId);
      r.open += team.due.size;
      const { atRisk, breached } = slaCounts(team.due, w.now);
      r.atRisk += atRisk;
      r.breached += breached;
      r.holding += team.holding;
    }
    for (const [teamId, team] of figures.teamDecisions) {
      const r = rowOf(teamId);
      r.decisions += team.decisions;
      r.timeOnItemsMs += team.timeOnItemsMs;
    }
    return done();
  }
}

/** As `slaState` over every due time: breached at or before now, at risk within the hour. */
function slaCounts(due: SortedNumbers, now: number) {
  const breached = due.rank(now, true);
  return { atRisk: due.rank(now + SLA_RISK_WINDOW_MS, true) - breached, breached };
}

/** Inserts `x` in `list` sorted by `compare`. */
function insertSorted<T>(list: T[], x: T, compare: (a: T, b: T) => number) {
  list.splice(lowerBound(list, x, compare), 0, x);
}

/** Removes this very `x` from `list` sorted by `compare`, if it is there. */
function removeSorted<T>(list: T[], x: T, compare: (a: T, b: T) => number) {
  let at = lowerBound(list, x, compare);
  while (at < list.length && list[at] !== x && compare(list[at]!, x) === 0) at += 1;
  if (list[at] === x) list.splice(at, 1);
}

/** Newest first by the stamp's text, as the dashboard's lists are; ties in decision order. */
const byNewest = (a: DecisionFact, b: DecisionFact) =>
  a.event.at < b.event.at ? 1 : a.event.at > b.event.at ? -1 : byDecisionOrder(a, b);

interface Wrong {
  /** The item's latest correction among its confident decisions in the window. */
  wrong: DecisionFact;
  /** Its first confident decision in the window: where the item stands among equals. */
  first: DecisionFact;
}
const byNewestWrong = (a: Wrong, b: Wrong) =>
  a.wrong.event.at < b.wrong.event.at
    ? 1
    : a.wrong.event.at > b.wrong.event.at
      ? -1
      : byDecisionOrder(a.first, b.first);

const isWrong = (d: DecisionFact) =>
  edited(d) || d.event.action === 'rejected' || d.event.action === 'redirected';

interface CategoryCounts {
  decided: number;
  approved: number;
  approvedEdited: number;
  rejected: number;
  escalated: number;
  redirected: number;
}

/**
 * What the decisions and arrivals of one window add up to, for the instants it last covered:
 * [from, now]. Moving to a later window adds what came in at its end and takes away what left
 * at its start; a changed item takes its old decisions out and puts the new ones in.
 */
class WindowFigures {
  from = Number.NaN;
  now = Number.NaN;
  readonly categories = new Map(
    categorySchema.options.map((c): [Category, CategoryCounts] => [
      c,
      { decided: 0, approved: 0, approvedEdited: 0, rejected: 0, escalated: 0, redirected: 0 },
    ]),
  );
  /** Per item, its confident decisions in the window in decision order. */
  readonly confident = new Map<string, DecisionFact[]>();
  readonly wrongs: Wrong[] = [];
  private readonly wrongOf = new Map<string, Wrong>();
  readonly times = new SortedNumbers();
  approvals = 0;
  readonly stamps: DecisionFact[] = [];
  /** Per person, their decisions in the window in decision order; the row once computed. */
  readonly people = new Map<
    string,
    { facts: DecisionFact[]; row: ReturnType<typeof personLoad> | null }
  >();
  /** Per team, its decisions in the window, their time, and how many each item made. */
  readonly teamDecisions = new Map<
    string | null,
    { decisions: number; timeOnItemsMs: number; items: Map<string, number>; name: string }
  >();
  reviewed = 0;
  autoApproved = 0;
  arrivals = 0;
  readonly triggers = new Map<string, number>();

  covers(at: number) {
    return at >= this.from && at <= this.now;
  }

  decision(d: DecisionFact, sign: 1 | -1) {
    const c = this.categories.get(d.handoff.ticket.category);
    const action = d.event.action;
    if (c) {
      c.decided += sign;
      if (action === 'approved') {
        c.approved += sign;
        if (edited(d)) c.approvedEdited += sign;
      } else c[action] += sign;
    }
    if (confidenceOf(d) >= CONFIDENT_THRESHOLD) this.confidentChange(d, sign);
    if (d.event.timeOnItemMs !== null) {
      const t = d.event.timeOnItemMs;
      if (sign > 0) this.times.add(t);
      else this.times.delete(t);
      if (action === 'approved') {
        this.approvals += sign;
        if (isRubberStamp(t, d.floorMs)) {
          if (sign > 0) insertSorted(this.stamps, d, byNewest);
          else removeSorted(this.stamps, d, byNewest);
        }
      }
    }
    const personId = d.event.actor.id;
    let person = this.people.get(personId);
    if (!person) {
      person = { facts: [], row: null };
      this.people.set(personId, person);
    }
    if (sign > 0) insertSorted(person.facts, d, byDecisionOrder);
    else removeSorted(person.facts, d, byDecisionOrder);
    person.row = null;
    if (person.facts.length === 0) this.people.delete(personId);
    const { teamId, name } = decisionTeamOf(d);
    let team = this.teamDecisions.get(teamId);
    if (!team) {
      team = { decisions: 0, timeOnItemsMs: 0, items: new Map(), name };
      this.teamDecisions.set(teamId, team);
    }
    team.decisions += sign;
    team.timeOnItemsMs += sign * (d.event.timeOnItemMs ?? 0);
    const id = d.handoff.id;
    const made = (team.items.get(id) ?? 0) + sign;
    if (made > 0) team.items.set(id, made);
    else team.items.delete(id);
    if (team.decisions === 0 && team.items.size === 0) this.teamDecisions.delete(teamId);
  }

  private confidentChange(d: DecisionFact, sign: 1 | -1) {
    const id = d.handoff.id;
    const list = this.confident.get(id) ?? [];
    if (sign > 0) insertSorted(list, d, byDecisionOrder);
    else removeSorted(list, d, byDecisionOrder);
    if (list.length > 0) this.confident.set(id, list);
    else this.confident.delete(id);
    const old = this.wrongOf.get(id);
    if (old) {
      removeSorted(this.wrongs, old, byNewestWrong);
      this.wrongOf.delete(id);
    }
    let wrong: DecisionFact | undefined;
    for (let i = list.length - 1; i >= 0 && !wrong; i--) if (isWrong(list[i]!)) wrong = list[i];
    if (!wrong) return;
    const entry = { wrong, first: list[0]! };
    insertSorted(this.wrongs, entry, byNewestWrong);
    this.wrongOf.set(id, entry);
  }

  arrival(f: ItemFacts, sign: 1 | -1) {
    this.arrivals += sign;
    for (const t of f.triggers) this.triggers.set(t, (this.triggers.get(t) ?? 0) + sign);
    const status = f.handoff.status;
    if (status === 'ai_working') return;
    if (status === 'auto_approved') this.autoApproved += sign;
    else this.reviewed += sign;
  }

  decisionsByCategory(): Dashboard['decisionsByCategory'] {
    return [...this.categories].map(([category, c]) => {
      const approvedUnedited = c.approved - c.approvedEdited;
      const unEditedRate = ratio(approvedUnedited, c.decided);
      return {
        category,
        decided: c.decided,
        approvedUnedited,
        approvedEdited: c.approvedEdited,
        rejected: c.rejected,
        escalated: c.escalated,
        redirected: c.redirected,
        unEditedRate,
        automationCandidate:
          c.decided >= AUTOMATION_MIN_DECISIONS && (unEditedRate ?? 0) >= AUTOMATION_UNEDITED_RATE,
      };
    });
  }

  confidentButWrong(): Dashboard['confidentButWrong'] {
    return {
      confidentItems: this.confident.size,
      count: this.wrongs.length,
      rate: ratio(this.wrongs.length, this.confident.size),
      threshold: CONFIDENT_THRESHOLD,
      items: this.wrongs.slice(0, LIST_LIMIT).map(({ wrong }) => ({
        ...decisionRef(wrong),
        confidence: confidenceOf(wrong),
        outcome: wrong.event.action === 'rejected' ? 'rejected' : 'edited',
      })),
    };
  }

  decisionTime(): Dashboard['decisionTime'] {
    const times = this.times.values;
    const below = (t: number | null) => (t === null ? times.length : this.times.rank(t));
    return {
      decisions: times.length,
      medianMs: percentile(times, 0.5),
      p90Ms: percentile(times, 0.9),
      buckets: decisionTimeBuckets.map((b) => ({
        ...b,
        count: below(b.toMs) - below(b.fromMs),
      })),
      approvals: this.approvals,
      rubberStampCount: this.stamps.length,
      rubberStampRate: ratio(this.stamps.length, this.approvals),
      rubberStamps: this.stamps.slice(0, LIST_LIMIT).map((d) => ({
        ...decisionRef(d),
        timeOnItemMs: d.event.timeOnItemMs!,
        floorMs: d.floorMs,
      })),
    };
  }

  reviewers(holding: ReadonlyMap<string, { name: string; holding: number }>) {
    // People read in the order of their first decision in the window, then those only holding.
    const people = [...this.people].sort((a, b) => byDecisionOrder(a[1].facts[0]!, b[1].facts[0]!));
    const loads = people.map(([id, person]) => {
      person.row ??= personLoad(id, person.facts[0]!.event.actor.name, person.facts, 0);
      return { ...person.row, holding: holding.get(id)?.holding ?? 0 };
    });
    for (const [id, { name, holding: held }] of holding)
      if (!this.people.has(id)) loads.push(personLoad(id, name, [], held));
    return sortLoads(loads);
  }

  reviewRate(): ReturnType<typeof reviewRate> {
    const rate = ratio(this.reviewed, this.reviewed + this.autoApproved);
    return {
      reviewed: this.reviewed,
      autoApproved: this.autoApproved,
      rate,
      band: { ...reviewBand },
      position: bandOf(rate),
    };
  }

  escalations(): ReturnType<typeof escalations> {
    const items = this.arrivals;
    return {
      items,
      byTrigger: [...flagRuleSchema.options, 'person' as const, 'system' as const].map(
        (trigger) => {
          const count = this.triggers.get(trigger) ?? 0;
          return { trigger, count, rate: ratio(count, items) };
        },
      ),
    };
  }
}
